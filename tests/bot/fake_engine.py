"""A stand-in knowledge engine with canned, realistic results, recording every call."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from retrieval.errors import ArticleNotFound, NewsbotError
from retrieval.models import (
    Answer,
    ArticleSummaryRow,
    Citation,
    ConversationTurn,
    Digest,
    EngineStatus,
    IngestedArticle,
    IngestReport,
    LoadFailure,
    Story,
    Summary,
    SummaryPoint,
    Timings,
)

KURSK = Citation(
    n=1,
    article_id="mt-putin-kursk",
    title="Putin Visits Kursk Region for First Time Since Ukraine's Offensive",
    source="The Moscow Times",
    url="https://www.themoscowtimes.com/2025/03/12/putin-visits-kursk-region",
    published=date(2025, 3, 12),
    quote="President Vladimir Putin visited the Kursk region on Wednesday for the first time "
    "since Ukraine launched its cross-border offensive there last August.",
    chunk_id="mt-putin-kursk:0",
)
CEASEFIRE = Citation(
    n=2,
    article_id="reuters-ceasefire",
    title="Kremlin says it is studying U.S. ceasefire proposal",
    source="Reuters",
    url="https://www.reuters.com/world/europe/kremlin-ceasefire-2025-03-12/",
    published=date(2025, 3, 12),
    quote="The Kremlin said on Wednesday it was carefully studying a U.S. proposal for a "
    "30-day ceasefire in Ukraine.",
    chunk_id="reuters-ceasefire:3",
)

ANSWER_TEXT = (
    "Putin visited the Kursk region on 12 March 2025, his first visit since Ukraine's "
    "offensive began [1]. The same day the Kremlin said it was studying a U.S. proposal for a "
    "30-day ceasefire [2]."
)

LONG_SENTENCE = (
    "Officials in Kursk described the damage to roads, bridges and power lines in detail, "
    "and said that rebuilding would take months [1]."
)

ROWS = [
    ArticleSummaryRow(
        article_id=KURSK.article_id,
        title=KURSK.title,
        source=KURSK.source,
        published=KURSK.published,
        chunks=4,
    ),
    ArticleSummaryRow(
        article_id=CEASEFIRE.article_id,
        title=CEASEFIRE.title,
        source=CEASEFIRE.source,
        published=CEASEFIRE.published,
        chunks=6,
    ),
]


@dataclass
class FakeEngine:
    """Knobs: ``answer_delay_s`` (slow model, with partial text), ``error`` (raised by every
    call), ``long_answer_sentences`` (answer of many sentences), ``ignore_max_chars`` (a misbehaving
    engine that answers too long anyway), ``not_found``,
    ``digest_stories`` (0: nothing new), ``failing_sources``, ``blocking_s`` (each ``ask``
    holds its thread that long: ``blocking_mode`` "sleep" or "busy", a CPU loop holding the GIL
    between switches; ``max_running_asks`` records how many ran at once)."""

    chat_model_name: str = "fake:newsbot-test"
    answer_delay_s: float = 0.0
    error: Exception | None = None
    long_answer_sentences: int = 0
    not_found: bool = False
    ignore_max_chars: bool = False
    digest_stories: int = 2
    failing_sources: set[str] = field(default_factory=set)
    blocking_s: float = 0.0
    blocking_mode: str = "sleep"
    lexical_catch_up_s: float = 0.0  # > 0: a store other processes write to (the bot's loop)
    running_asks: int = 0
    max_running_asks: int = 0
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    call_threads: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _record(self, name: str, **kwargs: Any) -> None:
        with self._lock:
            self.calls.append((name, kwargs))
            self.call_threads.append(threading.current_thread().name)
        if self.error is not None:
            raise self.error

    def _block(self) -> None:
        """Hold this thread for ``blocking_s``, as a model call would."""
        with self._lock:
            self.running_asks += 1
            self.max_running_asks = max(self.max_running_asks, self.running_asks)
        try:
            if self.blocking_mode == "busy":
                deadline = time.perf_counter() + self.blocking_s
                while time.perf_counter() < deadline:
                    sum(range(1000))
            else:
                time.sleep(self.blocking_s)
        finally:
            with self._lock:
                self.running_asks -= 1

    def calls_to(self, name: str) -> list[dict[str, Any]]:
        with self._lock:
            return [kwargs for called, kwargs in self.calls if called == name]

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
        self._record(
            "ask",
            question=question,
            history=list(history),
            since=since,
            as_of=as_of,
            max_chars=max_chars,
        )
        if self.blocking_s:
            self._block()
        if self.not_found:
            return Answer(
                question=question,
                status="not_found",
                answer="I could not find this in the stored articles.",
                citations=[KURSK, CEASEFIRE],
                model=self.chat_model_name,
            )
        text = ANSWER_TEXT
        if self.long_answer_sentences:
            text = " ".join([ANSWER_TEXT] + [LONG_SENTENCE] * self.long_answer_sentences)
            if (
                max_chars is not None and not self.ignore_max_chars
            ):  # like the engine: drop whole sentences to fit
                while len(text) > max_chars:
                    text = text[: text.rfind(" Officials in Kursk")]
        if on_partial is not None and self.answer_delay_s:
            words = text.split(" ")
            steps = 6
            for i in range(1, steps + 1):
                time.sleep(self.answer_delay_s / steps)
                on_partial(" ".join(words[: len(words) * i // steps]))
        return Answer(
            question=question,
            status="answered",
            answer=text,
            citations=[KURSK, CEASEFIRE],
            model=self.chat_model_name,
            timings_ms=Timings(retrieve=12, generate=340, total=352),
        )

    def summarize(self, article: str, *, fetch: bool = False) -> Summary:
        self._record("summarize", article=article, fetch=fetch)
        if article not in {KURSK.article_id, KURSK.url}:
            raise ArticleNotFound(f"No stored article matches “{article}”.")
        return Summary(
            article_id=KURSK.article_id,
            title=KURSK.title,
            summary=[
                SummaryPoint(
                    text="Putin visited the Kursk region for the first time since "
                    "Ukraine's offensive.",
                    citations=[1],
                ),
                SummaryPoint(
                    text="He ordered the army to retake the region quickly.", citations=[1]
                ),
            ],
            citations=[KURSK],
            model=self.chat_model_name,
        )

    def digest(
        self,
        *,
        since: date | datetime | None = None,
        as_of: date | None = None,
        exclude: Collection[str] = (),
    ) -> Digest:
        self._record("digest", since=since, as_of=as_of)
        stories = [
            Story(
                headline="Putin visits Kursk", summary="Putin visited Kursk [1].", citations=[KURSK]
            ),
            Story(
                headline="Kremlin studies ceasefire plan",
                summary="The Kremlin is studying a U.S. ceasefire proposal [1].",
                citations=[CEASEFIRE.model_copy(update={"n": 1})],
            ),
        ][: self.digest_stories]
        return Digest(
            since=str(since or ""), until=str(as_of or datetime.now(UTC).date()), stories=stories
        )

    def ingest(self, sources: Sequence[str]) -> IngestReport:
        self._record("ingest", sources=list(sources))
        report = IngestReport(articles_total=2)
        for source in sources:
            if source in self.failing_sources:
                report.failed.append(LoadFailure(source=source, error="HTTP 404 Not Found"))
            else:
                report.added += 1
                report.articles.append(
                    IngestedArticle(
                        source=source, article_id=f"id-{len(report.articles)}", status="added"
                    )
                )
        return report

    def articles(self) -> list[ArticleSummaryRow]:
        self._record("articles")
        return list(ROWS)

    def find_articles(self, text: str, limit: int = 25) -> list[ArticleSummaryRow]:
        self._record("find_articles", text=text, limit=limit)
        return [row for row in ROWS if text.lower() in row.title.lower()][:limit]

    def catch_up_lexical(self) -> int:
        self._record("catch_up_lexical")
        return 0

    def status(self) -> EngineStatus:
        self._record("status")
        return EngineStatus(
            articles=2,
            chunks=10,
            chat_model=self.chat_model_name,
            embeddings="all-MiniLM-L6-v2",
            store="embedded at /tmp/store",
            last_ingest=None,
        )


def engine_failure(message: str = "The chat model is not reachable.") -> NewsbotError:
    from retrieval.errors import ModelUnavailable

    return ModelUnavailable(message)
