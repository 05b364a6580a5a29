"""What the Discord bot needs from the knowledge engine, and how it calls it off the event loop.

The engine (``retrieval``) is duck-typed: anything with these methods works, which is how the
tests drive the bot with a fake engine. Every engine method is blocking (model work), so the bot
only ever reaches it through :class:`AsyncNewsEngine`, which runs calls on a bounded thread pool.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from typing import Protocol, TypeVar, runtime_checkable

from retrieval.errors import NotPermitted
from retrieval.models import (
    Answer,
    ArticleSummaryRow,
    CheckResult,
    ConversationTurn,
    Digest,
    EngineStatus,
    IngestReport,
    Summary,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

LOCAL_PATHS_REFUSED = (
    "Only http(s) URLs can be read from Discord; local files are for the command line."
)
_HTTP_URL = re.compile(r"^https?://[^/\s]", re.IGNORECASE)  # as retrieval.loaders.is_url


def is_url(source: str) -> bool:
    return bool(_HTTP_URL.match(source))


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

    def summarize(self, article: str, *, fetch: bool = False) -> Summary:
        """Summarise one stored article given by id or URL; a new URL is fetched first only
        when ``fetch`` (raises ``NotPermitted`` otherwise). Never reads a local path."""
        ...

    def digest(
        self,
        *,
        since: date | datetime | None = None,
        as_of: date | None = None,
        exclude: Collection[str] = (),
    ) -> Digest:
        """The news since a moment, one entry a story, leaving out the articles in ``exclude``."""
        ...

    def check(self, claim: str) -> CheckResult:
        """Fact-check a claim against the stored news, sentence by sentence."""
        ...

    def ingest(self, sources: Sequence[str]) -> IngestReport:
        """Load articles or feeds by URL (the bot never passes a local path); idempotent."""
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

    async def summarize(self, article: str, *, fetch: bool = False) -> Summary:
        """Local paths belong to the command line: the bot never asks the engine to read one."""
        return await self._run(functools.partial(self.engine.summarize, article, fetch=fetch))

    async def digest(
        self,
        *,
        since: date | datetime | None = None,
        as_of: date | None = None,
        exclude: Collection[str] = (),
    ) -> Digest:
        call = functools.partial(
            self.engine.digest, since=since, as_of=as_of, exclude=frozenset(exclude)
        )
        return await self._run(call)

    async def check(self, claim: str) -> CheckResult:
        return await self._run(functools.partial(self.engine.check, claim))

    async def ingest(self, sources: Sequence[str]) -> IngestReport:
        """Only http(s) URLs: whatever a cog lets through, the bot never reads a local path."""
        for source in sources:
            if not is_url(source):
                raise NotPermitted(LOCAL_PATHS_REFUSED)
        return await self._run(functools.partial(self.engine.ingest, list(sources)))

    async def articles(self) -> list[ArticleSummaryRow]:
        return await self._run(self.engine.articles)

    async def find_articles(self, text: str, limit: int = 25) -> list[ArticleSummaryRow]:
        return await self._run(functools.partial(self.engine.find_articles, text, limit))

    async def status(self) -> EngineStatus:
        return await self._run(self.engine.status)

    @property
    def lexical_catch_up_s(self) -> float:
        """Seconds between the bot's lexical catch-ups; 0 (none) for an engine without them."""
        return float(getattr(self.engine, "lexical_catch_up_s", 0.0))

    async def catch_up_lexical(self) -> None:
        catch_up = getattr(self.engine, "catch_up_lexical", None)
        if callable(catch_up):
            await self._run(catch_up)

    def shutdown(self) -> None:
        """Stop accepting work; running calls finish in their threads."""
        self._pool.shutdown(wait=False, cancel_futures=True)
