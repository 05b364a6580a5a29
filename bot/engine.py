"""What the Discord bot needs from the knowledge engine, and how it calls it off the event loop.

The engine (``retrieval``) is duck-typed: anything with these methods works, which is how the
tests drive the bot with a fake engine. Every engine method is blocking (model work), so the bot
only ever reaches it through :class:`AsyncNewsEngine`, which runs calls on a bounded thread pool.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from typing import Protocol, TypeVar, runtime_checkable

from retrieval.models import (
    Answer,
    ArticleSummaryRow,
    ConversationTurn,
    Digest,
    EngineStatus,
    IngestReport,
    Summary,
)

log = logging.getLogger(__name__)

T = TypeVar("T")


@runtime_checkable
class NewsEngine(Protocol):
    """The knowledge engine as the bot sees it. Every method blocks."""

    @property
    def chat_model_name(self) -> str:
        """The chat model answering, e.g. ``openai:gpt-4o-mini`` or ``extractive``."""
        ...

    def ask(
        self,
        question: str,
        *,
        history: Sequence[ConversationTurn] = (),
        since: date | None = None,
        as_of: date | None = None,
        k: int | None = None,
        on_partial: Callable[[str], None] | None = None,
        max_chars: int | None = None,
    ) -> Answer:
        """Answer with citations. ``on_partial`` receives the text written so far (from the
        worker thread); ``max_chars`` asks for an answer that fits, dropping whole sentences."""
        ...

    def summarize(self, article: str) -> Summary:
        """Summarise one article given by id, URL or path."""
        ...

    def digest(self, *, since: date | datetime | None = None, as_of: date | None = None) -> Digest:
        """The news since a moment, one entry a story."""
        ...

    def ingest(self, sources: Sequence[str]) -> IngestReport:
        """Load articles or feeds by URL; idempotent."""
        ...

    def articles(self) -> list[ArticleSummaryRow]:
        """Everything stored."""
        ...

    def find_articles(self, text: str, limit: int = 25) -> list[ArticleSummaryRow]:
        """Stored articles whose title matches ``text`` (for autocomplete)."""
        ...

    def status(self) -> EngineStatus:
        """Counts and models."""
        ...


class AsyncNewsEngine:
    """Awaitable face of a :class:`NewsEngine`: each call runs on a bounded thread pool.

    The pool bounds how many model calls run at once; further calls wait their turn without
    blocking the event loop.
    """

    def __init__(self, engine: NewsEngine, *, workers: int = 2) -> None:
        self.engine = engine
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="newsbot-engine")

    @property
    def chat_model_name(self) -> str:
        return str(getattr(self.engine, "chat_model_name", "unknown"))

    async def _run(self, call: Callable[[], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, call)

    async def ask(
        self,
        question: str,
        *,
        history: Sequence[ConversationTurn] = (),
        since: date | None = None,
        as_of: date | None = None,
        on_partial: Callable[[str], None] | None = None,
        max_chars: int | None = None,
    ) -> Answer:
        call = functools.partial(
            self.engine.ask,
            question,
            history=list(history),
            since=since,
            as_of=as_of,
            on_partial=on_partial,
            max_chars=max_chars,
        )
        return await self._run(call)

    async def summarize(self, article: str) -> Summary:
        return await self._run(functools.partial(self.engine.summarize, article))

    async def digest(
        self, *, since: date | datetime | None = None, as_of: date | None = None
    ) -> Digest:
        return await self._run(functools.partial(self.engine.digest, since=since, as_of=as_of))

    async def ingest(self, sources: Sequence[str]) -> IngestReport:
        return await self._run(functools.partial(self.engine.ingest, list(sources)))

    async def articles(self) -> list[ArticleSummaryRow]:
        return await self._run(self.engine.articles)

    async def find_articles(self, text: str, limit: int = 25) -> list[ArticleSummaryRow]:
        return await self._run(functools.partial(self.engine.find_articles, text, limit))

    async def status(self) -> EngineStatus:
        return await self._run(self.engine.status)

    def shutdown(self) -> None:
        """Stop accepting work; running calls finish in their threads."""
        self._pool.shutdown(wait=False, cancel_futures=True)
