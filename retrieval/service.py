"""``NewsService``: the knowledge engine's one face, used by the command line and the bot.

Every method is blocking (model and store work); callers on an event loop run them in a
worker thread. Everything returned is a pydantic model from :mod:`retrieval.models`.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Collection, Sequence
from datetime import date, datetime
from pathlib import Path

from retrieval.answer import AnswerEngine
from retrieval.digest import DigestBuilder
from retrieval.errors import ArticleNotFound, NewsbotError, NotPermitted
from retrieval.factcheck import ClaimChecker
from retrieval.loaders import FeedPoll, PageFetcher, is_url, load_sources
from retrieval.models import (
    Answer,
    ArticleSummaryRow,
    CheckResult,
    ConversationTurn,
    Digest,
    EngineStatus,
    IngestedArticle,
    IngestReport,
    SearchResult,
    StoredArticle,
    Summary,
)
from retrieval.search import HybridRetriever
from retrieval.store import ArticleStore
from retrieval.summarize import Summarizer

log = logging.getLogger(__name__)


class NewsService:
    def __init__(
        self,
        *,
        store: ArticleStore,
        retriever: HybridRetriever,
        answers: AnswerEngine,
        summarizer: Summarizer,
        digests: DigestBuilder,
        fetcher: PageFetcher | None,
        embeddings_name: str,
    ) -> None:
        self.store = store
        self.retriever = retriever
        self.answers = answers
        self.summarizer = summarizer
        self.digests = digests
        self.fetcher = fetcher
        self.embeddings_name = embeddings_name
        self.checker = ClaimChecker(retriever)
        # Each feed's ETag and Last-Modified from its last complete poll (conditional GETs).
        self._feed_validators: dict[str, tuple[str | None, str | None]] = {}

    @property
    def chat_model_name(self) -> str:
        return self.answers.model_name

    # ------------------------------------------------------------------ ingest

    def ingest(
        self, sources: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> IngestReport:
        poll = FeedPoll(self._feed_validators, known_urls=self.store.known_urls)
        report = self.store.ingest(
            load_sources(list(sources), self.fetcher, poll), progress=progress
        )
        poll.commit()  # only now: had storing failed, the next poll would read the feeds again
        for link, article_id in poll.skipped.items():  # stored: their pages were not fetched
            report.unchanged += 1
            report.articles.append(
                IngestedArticle(source=link, article_id=article_id, status="unchanged")
            )
        if poll.not_modified or poll.skipped:
            log.info(
                "%d feeds unchanged since the last poll; %d entries already stored, not fetched",
                len(poll.not_modified),
                len(poll.skipped),
            )
        # The lexical index takes the new chunks now, in the ingest (work in what changed),
        # so no question ever waits for it.
        changed = [a.article_id for a in report.articles if a.status in ("added", "updated")]
        for step in (
            lambda: self.retriever.lexical.follow(changed),
            self.retriever.lexical.catch_up,
        ):
            try:
                step()
            except Exception:
                log.warning("could not update the lexical index; it will catch up", exc_info=True)
        return report

    # ------------------------------------------------------------------ answers

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
        question_id: str | None = None,
    ) -> Answer:
        return self.answers.ask(
            question,
            history=history,
            since=since,
            as_of=as_of,
            k=k,
            on_partial=on_partial,
            max_chars=max_chars,
            question_id=question_id,
        )

    def search(
        self, query: str, *, k: int = 5, since: date | None = None, as_of: date | None = None
    ) -> SearchResult:
        return SearchResult(
            query=query, hits=self.retriever.search(query, k=k, since=since, as_of=as_of)
        )

    def check(
        self,
        claim: str,
        *,
        article: str | None = None,
        since: date | None = None,
        as_of: date | None = None,
        claim_id: str | None = None,
    ) -> CheckResult:
        """Fact-check ``claim`` against the stored news, or against one stored article.

        ``article`` is a stored article's id or URL; nothing is fetched or ingested here."""
        stored = None
        if article is not None:
            article_id = self.store.find_article_id(article)
            if article_id is None:
                raise ArticleNotFound(f"no stored article matches {article!r}")
            stored = self.store.get_article(article_id)
        return self.checker.check(
            claim, article=stored, since=since, as_of=as_of, claim_id=claim_id
        )

    def warm_checks(self, claims: Sequence[str]) -> None:
        """Prepare :meth:`check` of many claims at once (one batch to the encoder); speed only."""
        self.checker.warm(claims)

    def summarize(self, article: str, *, fetch: bool = False, read_files: bool = False) -> Summary:
        """A cited summary of one article (see :meth:`show` for ``fetch`` and ``read_files``)."""
        return self.summarizer.summarize(self.show(article, fetch=fetch, read_files=read_files))

    def digest(
        self,
        *,
        since: date | datetime | None = None,
        as_of: date | None = None,
        first_seen: bool = False,
        exclude: Collection[str] = (),
    ) -> Digest:
        """Stories published in the window; undated articles only with ``first_seen``;
        articles in ``exclude`` (e.g. already posted) left out."""
        if isinstance(since, datetime):
            since = since.date()
        return self.digests.digest(since=since, as_of=as_of, first_seen=first_seen, exclude=exclude)

    # ------------------------------------------------------------------ articles

    def show(self, article: str, *, fetch: bool = False, read_files: bool = False) -> StoredArticle:
        """A stored article by id or URL.

        A URL not yet stored is fetched and ingested first only when ``fetch``; a local path
        is read only when ``read_files`` (the command line). Otherwise nothing outside the
        store is touched: a path is not even looked up, so whether it exists is not revealed.
        """
        article_id = self.store.find_article_id(article)
        if article_id is None:
            reference = article.strip()
            url = is_url(reference)
            if url and not fetch:
                raise NotPermitted(f"{reference} is not stored, and fetching it is not allowed")
            if url or (read_files and Path(article).exists()):
                report = self.ingest([reference if url else article])
                if report.failed:
                    raise NewsbotError(f"{report.failed[0].source}: {report.failed[0].error}")
                if report.articles:
                    article_id = report.articles[0].article_id
        if article_id is None:
            raise ArticleNotFound(f"no stored article matches {article!r}")
        return self.store.get_article(article_id)

    def articles(self) -> list[ArticleSummaryRow]:
        return self.store.list_articles()

    def find_articles(self, text: str, limit: int = 25) -> list[ArticleSummaryRow]:
        """Stored articles whose title has the words typed so far (autocomplete): an index
        lookup, not a scan of every article."""
        return self.retriever.lexical.index().find_articles(text, limit)

    def status(self) -> EngineStatus:
        """The counts the lexical index keeps (counters updated with every write, level with
        the store after each ingest) rather than counts of the store, whose cost grows with
        its size; the last ingest from the store (one metadata read), after a heartbeat that
        says when the store is down. The store counts only when the index cannot."""
        self.store.ping()
        last = self.store.last_ingest()
        try:
            index = self.retriever.lexical.index()
            articles, chunks = index.article_count, index.size
        except sqlite3.Error:
            log.warning("lexical index unreadable; counting the store", exc_info=True)
            articles, chunks = self.store.count_articles(), self.store.count_chunks()
        return EngineStatus(
            articles=articles,
            chunks=chunks,
            chat_model=self.chat_model_name,
            embeddings=self.embeddings_name,
            store=self.store.location,
            last_ingest=last,
        )

    def warm_up(self) -> None:
        """Bring the lexical index level with the store, and have a local model read its
        prompt's fixed part, before the first question."""
        self.retriever.lexical.catch_up()
        self.answers.warm_up()

    @property
    def lexical_catch_up_s(self) -> float:
        """How often a running process should bring its lexical index level with what other
        processes wrote (0: none can, the embedded store)."""
        return self.retriever.lexical.catch_up_every_s

    def catch_up_lexical(self) -> int:
        """Index what other processes wrote since the last catch-up (work in what was written,
        never a rebuild); the bot calls it on a timer so an idle process stays level too."""
        return self.retriever.lexical.catch_up(recent_only=True)
