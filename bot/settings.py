"""Typed settings of the Discord bot (``DISCORD_*``), read from the environment and ``.env``.

Built by the composition root (:func:`bot.discord_run.run_bot`) through :func:`get_settings`;
nothing reads the environment at import time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DISCORD_API_BASE = "https://discord.com/api/v10"
MISSING_TOKEN = (
    "DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications, "
    "then put its token in DISCORD_TOKEN (environment or .env)."
)


class DiscordSettings(BaseSettings):
    """Everything the Discord bot needs besides the engine."""

    model_config = SettingsConfigDict(
        env_prefix="DISCORD_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    # Bot token from the Developer Portal; only `newsbot run` requires it.
    token: SecretStr | None = None
    # Server id where slash commands are synced instantly during development; unset: global.
    dev_guild: int | None = None
    # Discord REST base URL; the tests point it at a local fake Discord.
    api_base: str = DISCORD_API_BASE
    # SQLite file with per-server feeds, digest schedules and answers behind buttons.
    state_path: Path = Path("newsbot-store/bot_state.sqlite3")
    # PostgreSQL shared by several bot processes instead (postgresql://user:pass@host/db).
    database_url: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("NEWSBOT_DATABASE_URL", "database_url")
    )
    # JSON Lines file where 👍/👎 feedback is appended.
    feedback_log: Path = Path("newsbot-store/feedback.jsonl")
    # Questions/commands a person may send per minute.
    user_rate_per_minute: int = Field(default=6, ge=1)
    # Questions/commands a whole server may send per minute.
    guild_rate_per_minute: int = Field(default=30, ge=1)
    # Quick interactions (button clicks, autocomplete keystrokes) a person may send per minute.
    user_quick_rate_per_minute: int = Field(default=40, ge=1)
    # Quick interactions a whole server may send per minute.
    guild_quick_rate_per_minute: int = Field(default=400, ge=1)
    # How often each server's RSS/Atom feeds are polled and ingested.
    feed_poll_minutes: float = Field(default=30.0, gt=0)
    # How often the digest scheduler looks at the clock.
    digest_check_seconds: float = Field(default=30.0, gt=0)
    # Least time between two progress edits while the model writes.
    progress_interval_s: float = Field(default=1.5, ge=0)
    # How many earlier thread messages a follow-up question sees.
    history_messages: int = Field(default=20, ge=0, le=100)
    # Engine calls that may run at once (each is heavy model work).
    engine_workers: int = Field(default=2, ge=1)
    # How long startup waits for more servers after the last one arrived.
    guild_ready_timeout_s: float = Field(default=2.0, ge=0)
    # Sync slash commands even when they have not changed since the last sync.
    force_sync: bool = False
    # Sharding (required by Discord from 2,500 servers): how many shards the bot has in all,
    # and which of them this process runs ("0,1"); unset: one process, no sharding.
    shard_count: int | None = Field(default=None, ge=1)
    shard_ids: str | None = None

    @field_validator("shard_ids")
    @classmethod
    def _check_shard_ids(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = [p.strip() for p in value.split(",")]
        if not all(p.isdigit() for p in parts):
            raise ValueError("DISCORD_SHARD_IDS is a comma-separated list of shard numbers: 0,1")
        return ",".join(parts)

    @model_validator(mode="after")
    def _check_shards(self) -> DiscordSettings:
        ids = self.shard_id_list
        if ids is not None and self.shard_count is None:
            raise ValueError("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (the total number)")
        if ids is not None and self.shard_count is not None and max(ids) >= self.shard_count:
            raise ValueError(
                f"DISCORD_SHARD_IDS must be below DISCORD_SHARD_COUNT ({self.shard_count})"
            )
        return self

    @property
    def shard_id_list(self) -> list[int] | None:
        return None if self.shard_ids is None else [int(p) for p in self.shard_ids.split(",")]

    @property
    def state_location(self) -> Path | str:
        """Where the bot's state lives: the PostgreSQL URL when set, else the SQLite file."""
        if self.database_url is not None and self.database_url.get_secret_value().strip():
            return self.database_url.get_secret_value().strip()
        return self.state_path

    @property
    def uses_real_discord(self) -> bool:
        return self.api_base.rstrip("/") == DISCORD_API_BASE


@lru_cache(maxsize=1)
def get_settings() -> DiscordSettings:
    return DiscordSettings()
