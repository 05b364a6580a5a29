"""The knowledge engine's data: what goes into the store and what services return.

Every service returns one of these pydantic models; none of them knows about Discord or a
terminal. Rendering lives in ``bot.render``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field


class RawArticle(BaseModel):
    """An article as a loader produced it, before identity and chunking."""

    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None
    author: str | None = None
    id: str | None = None
    # Where it came from, for reports: a path, a URL or ``path:LINE``.
    origin: str = ""


class FetchedPage(BaseModel):
    """A fetched HTTP resource (article page, feed) after redirects."""

    url: str  # the final URL, after redirects
    status: int
    content_type: str = ""  # media type without parameters, lower case, e.g. "text/html"
    encoding: str | None = None  # charset from the Content-Type header, if any
    body: bytes  # empty for 304 Not Modified (a conditional request whose resource is unchanged)
    etag: str | None = None  # validators for a later conditional request
    last_modified: str | None = None


class LoadFailure(BaseModel):
    """A source (or one line or entry of it) that could not be loaded."""

    source: str
    error: str


class ChunkSpan(BaseModel):
    chunk_id: str
    start: int
    end: int


class StoredArticle(BaseModel):
    article_id: str
    title: str
    source: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    text: str
    content_hash: str
    story_id: str
    chunks: list[ChunkSpan] = Field(default_factory=list)


class ArticleSummaryRow(BaseModel):
    article_id: str
    title: str
    source: str | None = None
    published: date | None = None
    chunks: int


class SkippedSource(BaseModel):
    """A file of a folder that holds no article by design (a page that only redirects)."""

    source: str
    reason: str


class IngestedArticle(BaseModel):
    source: str
    article_id: str
    status: Literal["added", "updated", "unchanged", "duplicate"]


class IngestReport(BaseModel):
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    chunks_added: int = 0
    articles_total: int = 0
    articles: list[IngestedArticle] = Field(default_factory=list)
    failed: list[LoadFailure] = Field(default_factory=list)
    # Not in --json: CONTRACT.md fixes that object's keys. The text report lists them.
    skipped: list[SkippedSource] = Field(default_factory=list, exclude=True)


class Hit(BaseModel):
    """One retrieved chunk."""

    chunk_id: str
    article_id: str
    title: str
    source: str | None = None
    url: str | None = None
    published: date | None = None
    story_id: str | None = None
    position: int = 0
    start: int = 0
    end: int = 0
    score: float
    text: str

    @classmethod
    def from_article(
        cls,
        article: StoredArticle,
        *,
        chunk_id: str,
        start: int,
        end: int,
        score: float = 0.0,
        position: int = 0,
    ) -> Hit:
        """The passage ``article.text[start:end]`` of a stored article, as a hit to cite."""
        return cls(
            chunk_id=chunk_id,
            article_id=article.article_id,
            title=article.title,
            source=article.source,
            url=article.url,
            published=article.published,
            story_id=article.story_id,
            position=position,
            start=start,
            end=end,
            score=score,
            text=article.text[start:end],
        )


class SearchResult(BaseModel):
    query: str
    hits: list[Hit]


class Citation(BaseModel):
    n: int
    article_id: str
    title: str
    source: str | None = None
    url: str | None = None
    published: date | None = None
    quote: str
    chunk_id: str


class Timings(BaseModel):
    retrieve: int = 0
    generate: int = 0
    total: int = 0


class QuestionPlan(BaseModel):
    """How a question was read: its kind, what it is about, and the parts answered one by one."""

    kind: Literal["factoid", "briefing", "comparison", "multi_part", "list", "change"]
    subject: str | None = None
    sub_questions: list[str] = Field(default_factory=list)


class AnswerPoint(BaseModel):
    """One sentence of an answer, as data: the words, the evidence, and who reported it."""

    text: str  # the sentence, without markers
    citations: list[int]
    wording: Literal["model", "quote"] = "quote"  # the model's words, or the source's
    # Set when this point gives a different figure from an earlier one: who reports it, when.
    disagrees: bool = False
    source: str | None = None
    published: date | None = None
    part: int | None = None  # the sub-question it answers (index into the plan), if any


class ComparedFigure(BaseModel):
    """One side of a comparison: what it is, its figure as written, and the citation holding it."""

    alternative: str
    figure: str
    citation: int


class Comparison(BaseModel):
    """A comparison worked out from the cited figures: the side asked for comes first."""

    relation: Literal["more", "less"]  # the question asked for the larger or the smaller
    figures: list[ComparedFigure]
    # The question's own word for it, when it asks with one ("higher", "cheaper"), else None
    # ("larger" / "smaller" are said).
    word: str | None = None


class Answer(BaseModel):
    id: str | None = None
    question: str
    status: Literal["answered", "not_found"]
    answer: str
    citations: list[Citation]
    model: str
    timings_ms: Timings = Field(default_factory=Timings)
    # Why the text is what it is, for people and logs: e.g. "the model failed; extractive answer".
    notes: list[str] = Field(default_factory=list)
    standalone_question: str | None = None
    plan: QuestionPlan | None = None
    # The answer as data; ``answer`` is its wording (``retrieval.wording.answer_text``).
    points: list[AnswerPoint] = Field(default_factory=list)
    as_of: date | None = None  # the newest source's date
    unanswered: list[str] = Field(default_factory=list)  # parts the stored articles do not answer
    comparison: Comparison | None = None  # which side is larger, from the cited figures


class SummaryPoint(BaseModel):
    text: str
    citations: list[int]


class Summary(BaseModel):
    article_id: str
    title: str
    summary: list[SummaryPoint]
    citations: list[Citation]
    model: str = "extractive"


class Story(BaseModel):
    headline: str
    summary: str
    citations: list[Citation]
    # Set when the story's articles carry no publication date: the day newsbot first stored
    # them, which is not the day they were news (only digests asked for "first seen" list them).
    first_seen: date | None = None


class Digest(BaseModel):
    since: str
    until: str
    stories: list[Story]
    # Stories found beyond those listed (the digest lists the most widely reported first).
    more_stories: int = 0
    # Undated articles first stored in the window, left out because their day is unknown.
    undated_left_out: int = 0


Verdict = Literal["supported", "contradicted", "not_found"]


class CheckedSentence(BaseModel):
    """One sentence of a fact-checked claim, with the passages for and against it."""

    text: str
    verdict: Verdict
    support: list[int] = Field(default_factory=list)  # citation numbers
    against: list[int] = Field(default_factory=list)
    reason: str = ""  # why it is not supported, in a person's words (not in --json)


class CheckResult(BaseModel):
    """``newsbot check``: a claim's verdict, sentence by sentence, with quoted passages."""

    id: str | None = None
    claim: str
    verdict: Verdict
    sentences: list[CheckedSentence]
    citations: list[Citation]


class ConversationTurn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class EngineStatus(BaseModel):
    articles: int
    chunks: int
    chat_model: str
    embeddings: str
    store: str  # "embedded at PATH" or "server at URL"
    last_ingest: datetime | None = None
