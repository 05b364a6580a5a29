"""Typed settings of the Discord bot (``DISCORD_*``), read from the environment and ``.env``.

Built by the composition root (:func:`bot.discord_run.run_bot`) through :func:`get_settings`;
nothing reads the environment at import time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
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

    @property
    def uses_real_discord(self) -> bool:
        return self.api_base.rstrip("/") == DISCORD_API_BASE


@lru_cache(maxsize=1)
def get_settings() -> DiscordSettings:
    return DiscordSettings()
