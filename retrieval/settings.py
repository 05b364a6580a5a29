"""Typed settings for the knowledge engine, read from the environment and ``.env``.

Built once by the composition root (``bot.app``) through :func:`get_settings`; nothing here
reads the environment at import time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class _Base(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")


class EngineSettings(_Base):
    """Where articles live and which models read them (``NEWSBOT_*``)."""

    model_config = SettingsConfigDict(
        env_prefix="NEWSBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    store_dir: Path = Field(default=Path("newsbot-store"))
    chroma_url: str | None = None
    collection_prefix: str = "newsbot"
    # The lexical (BM25, SQLite FTS5) index file; default: beside the embedded store, or in
    # store_dir/cache with a Chroma server. Every process writing to one store must share it.
    lexical_path: Path | None = None
    # With a Chroma server (other processes write to it): the bot catches its lexical index up
    # every this many seconds, and a search this long after the last catch-up starts one in
    # the background, reading only what was written since. 0: only at start and after this
    # process's own ingests.
    lexical_catch_up_s: float = Field(default=10.0, ge=0.0)
    chat_model: str = "local"
    embeddings: str = "all-MiniLM-L6-v2"
    model_timeout_s: float = 60.0
    openai_compatible_api_key: SecretStr | None = None
    chunk_size: int = 600
    chunk_overlap: int = 0
    # Chunks embedded and written per batch: larger costs memory, smaller costs round trips.
    ingest_batch_chunks: int = Field(default=512, ge=1)
    # Chunks younger than this that no article record accounts for may belong to another
    # writer's ingest in progress: repair leaves them alone. Must exceed the longest write
    # (one batch) plus the clock skew between machines sharing a Chroma server.
    repair_grace_s: float = 600.0
    # Outbound fetches (article URLs, feeds).
    fetch_timeout_s: float = 15.0
    fetch_max_bytes: int = 10_000_000
    fetch_max_redirects: int = 5
    fetch_allow_hosts: list[str] = Field(default_factory=list)
    user_agent: str = "newsbot/0.1 (+https://github.com/newsbot)"
    # Politeness: least seconds between two requests to one host, and fetches at once.
    fetch_host_interval_s: float = 1.0
    fetch_concurrency: int = 4

    @property
    def lexical_index_path(self) -> Path:
        if self.lexical_path is not None:
            return self.lexical_path
        folder = self.store_dir / "cache" if self.chroma_url else self.store_dir
        return folder / f"{self.collection_prefix}-lexical.sqlite3"


class ProviderKeys(_Base):
    """API keys of hosted model providers; read by their LangChain integrations too."""

    openai_api_key: SecretStr | None = None
    anthropic_api_key: SecretStr | None = None
    groq_api_key: SecretStr | None = None


@lru_cache(maxsize=1)
def get_settings() -> EngineSettings:
    return EngineSettings()
