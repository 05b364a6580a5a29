"""Rendering of engine results for people: pure functions, one place.

The terminal renderers are used by the command line; the Discord renderers (embeds, views'
content) live below them. Nothing here calls the engine or does I/O.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import discord

from bot.state import FeedRecord
from retrieval.models import (
    Answer,
    CheckResult,
    Citation,
    Digest,
    EngineStatus,
    SearchResult,
    Story,
    Summary,
)
from retrieval.text import split_sentences as _sentences
from retrieval.wording import format_date


def citation_line(citation: Citation) -> str:
    """``[1] The Moscow Times — Putin Visits Kursk ... — 12 March 2025`` (or ``— undated``)."""
    return f"[{citation.n}] " + _article_label(citation)


def _article_label(citation: Citation) -> str:
    parts = [citation.source or "", citation.title, format_date(citation.published) or "undated"]
    return " — ".join(p for p in parts if p)


def _by_article(citations: list[Citation]) -> list[list[Citation]]:
    """Citations grouped by article, in order of each article's first citation."""
    groups: dict[str, list[Citation]] = {}
    for citation in citations:
        groups.setdefault(citation.article_id or f"#{citation.n}", []).append(citation)
    return list(groups.values())


def answer_to_text(answer: Answer, *, width: int = 100) -> str:
    lines = [textwrap.fill(answer.answer, width=width)]
    for note in answer.notes:
        lines.append(f"({note})")
    if answer.plan is not None and answer.plan.sub_questions:
        parts = "; ".join(f"{i}. {q}" for i, q in enumerate(answer.plan.sub_questions, 1))
        lines.append(
            textwrap.fill(f"(Read as a {answer.plan.kind.replace('_', '-')}: {parts})", width=width)
        )
    if answer.citations and answer.status == "answered":
        lines.append("")
        lines.append("Sources:")
        # One entry an article, its quoted passages under it.
        for group in _by_article(answer.citations):
            marks = "".join(f"[{c.n}]" for c in group)
            lines.append(f"{marks} {_article_label(group[0])}")
            if group[0].url:
                lines.append(f"    {group[0].url}")
            for citation in group:
                lead = f"[{citation.n}] " if len(group) > 1 else ""
                lines.append(
                    textwrap.fill(
                        f"{lead}“{citation.quote}”",
                        width=width,
                        initial_indent="    ",
                        subsequent_indent="    " + " " * len(lead),
                    )
                )
    elif answer.citations:
        lines.append("")
        lines.append("Closest articles (newsbot show ID to read one):")
        for group in _by_article(answer.citations):
            lines.append(f"  {group[0].article_id}  {_article_label(group[0])}")
    return "\n".join(lines)


def summary_to_text(summary: Summary, *, width: int = 100) -> str:
    lines = [summary.title, ""]
    for point in summary.summary:
        marks = "".join(f"[{n}]" for n in point.citations)
        lines.append(textwrap.fill(f"- {point.text} {marks}", width=width, subsequent_indent="  "))
    if summary.citations:
        lines.append("")
        for citation in summary.citations:
            lines.append(citation_line(citation))
    return "\n".join(lines)


VERDICT_WORDS = {
    "supported": "supported",
    "contradicted": "contradicted",
    "not_found": "not in the stored news",
}
VERDICT_MARKS = {"supported": "✅", "contradicted": "❌", "not_found": "❔"}


def _sentence_marks(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def check_lines(result: CheckResult) -> list[str]:
    """One line per sentence of a checked claim: its verdict, the passages for and against."""
    lines = []
    for sentence in result.sentences:
        notes = []
        if sentence.support:
            notes.append(f"supported by {_sentence_marks(sentence.support)}")
        if sentence.against:
            notes.append(f"contradicted by {_sentence_marks(sentence.against)}")
        if sentence.verdict != "supported" and sentence.reason:
            notes.append(f"({sentence.reason})")
        line = f"{VERDICT_MARKS[sentence.verdict]} {sentence.text}"
        lines.append(f"{line} — {' '.join(notes)}" if notes else line)
    return lines


def check_to_text(result: CheckResult, *, width: int = 100) -> str:
    lines = [f"Verdict: {VERDICT_WORDS[result.verdict]}", ""]
    for line in check_lines(result):
        lines.append(textwrap.fill(line, width=width, subsequent_indent="   "))
    if result.citations:
        lines.append("")
        lines.append("Passages:")
        for citation in result.citations:
            lines.append(citation_line(citation))
            lines.append(
                textwrap.fill(
                    f"“{citation.quote}”",
                    width=width,
                    initial_indent="    ",
                    subsequent_indent="    ",
                )
            )
    return "\n".join(lines)


def _undated_label(story: Story) -> str:
    """`` (undated; first seen 2026-11-30)`` or `` (undated)`` for a story with no date."""
    if story.first_seen:
        return f"  (undated; first seen {story.first_seen})"
    if all(c.published is None for c in story.citations):
        return "  (undated)"
    return ""


def _digest_notes(digest: Digest) -> list[str]:
    notes = []
    if digest.more_stories:
        notes.append(
            f"Showing the {len(digest.stories)} most widely reported stories; "
            f"{digest.more_stories} more not shown (narrow the window with --since)."
        )
    if digest.undated_left_out:
        notes.append(
            f"{digest.undated_left_out} undated article(s) stored in this period are not listed: "
            "their publication day is unknown (--first-seen lists them by the day first seen)."
        )
    return notes


def digest_to_text(digest: Digest, *, width: int = 100) -> str:
    notes = _digest_notes(digest)
    if not digest.stories:
        return "\n".join([f"No new stories between {digest.since} and {digest.until}.", *notes])
    lines = [f"News from {digest.since} to {digest.until}", ""]
    for i, story in enumerate(digest.stories, 1):
        lines.append(f"{i}. {story.headline}{_undated_label(story)}")
        lines.append(
            textwrap.fill(story.summary, width=width, initial_indent="   ", subsequent_indent="   ")
        )
        for citation in story.citations:
            lines.append("   " + citation_line(citation))
        lines.append("")
    lines.extend(notes)
    return "\n".join(lines).rstrip()


def search_to_text(result: SearchResult, *, width: int = 100) -> str:
    """Hits best first; the raw fused scores (meaningless to a person) only in ``--json``."""
    if not result.hits:
        return "No matching passages."
    lines = []
    for i, hit in enumerate(result.hits, 1):
        when = format_date(hit.published) or "undated"
        lines.append(f"{i}. {hit.title} ({when})  id {hit.article_id}")
        lines.append(
            textwrap.fill(
                hit.text, width=width, initial_indent="   ", subsequent_indent="   ", max_lines=4
            )
        )
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Discord renderers: engine results -> embeds within Discord's limits. Pure functions.
# ---------------------------------------------------------------------------------------------

CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_COUNT_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
EMBEDS_PER_MESSAGE = 10

# What the bot asks the engine for (``max_chars``), so that an answer, its title, two Sources
# fields and the footer fit one embed (3000 + 256 + 2 * 1024 + 200 < 6000).
ANSWER_MAX_CHARS = 3000
_SOURCE_FIELDS = 2
_FOOTER_BUDGET = 200
_SOURCE_TITLE_CHARS = 90

ANSWER_COLOUR = discord.Colour.blurple()
NOT_FOUND_COLOUR = discord.Colour.light_grey()


def shorten(text: str, limit: int, placeholder: str = "…") -> str:
    """Shorten at a word boundary (for titles and quotes, never for answer sentences)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - len(placeholder)]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + placeholder


def split_sentences(text: str) -> list[str]:
    """Sentences with their citation markers attached (``"Putin visited Kursk [1]."``), split by
    the engine's one sentence splitter."""
    return [s.text for s in _sentences(text)]


def paginate_text(text: str, limit: int) -> list[str]:
    """Pages of at most ``limit`` characters made of whole sentences.

    Paragraph breaks are kept. Only a single sentence longer than a page (which the engine
    should never produce when asked for ``max_chars``) is split, at a word boundary.
    """
    if len(text) <= limit:
        return [text]
    pages: list[str] = []
    current = ""
    for paragraph_index, paragraph in enumerate(text.split("\n\n")):
        for sentence_index, sentence in enumerate(split_sentences(paragraph)):
            joiner = (
                "" if not current else ("\n\n" if sentence_index == 0 and paragraph_index else " ")
            )
            if len(current) + len(joiner) + len(sentence) <= limit:
                current += joiner + sentence
                continue
            if current:
                pages.append(current)
            while len(sentence) > limit:  # pathological: one sentence longer than a page
                head = shorten(sentence, limit, placeholder="")
                pages.append(head)
                sentence = sentence[len(head) :].strip()
            current = sentence
    if current:
        pages.append(current)
    return pages


def _markdown_link(label: str, url: str | None) -> str:
    label = label.replace("[", "(").replace("]", ")")
    if not url:
        return label
    safe_url = url.replace(" ", "%20").replace(")", "%29").replace("(", "%28")
    return f"[{label}]({safe_url})"


def source_line(citation: Citation, numbers: Sequence[int] = ()) -> str:
    """``[1] The Moscow Times — [Putin Visits Kursk ...](https://...) — 12 March 2025``.

    ``numbers`` are every marker citing this article (``[1][3]``); an article without a
    publication date says ``undated`` rather than leave the reader to guess."""
    title = _markdown_link(shorten(citation.title, _SOURCE_TITLE_CHARS), citation.url)
    parts = [citation.source or "", title, format_date(citation.published) or "undated"]
    marks = "".join(f"[{n}]" for n in (numbers or [citation.n]))
    return f"{marks} " + " — ".join(p for p in parts if p)


def source_lines(citations: list[Citation]) -> list[str]:
    """One line an article, however many of its passages are cited."""
    return [source_line(group[0], [c.n for c in group]) for group in _by_article(citations)]


def closest_article_line(citation: Citation) -> str:
    title = _markdown_link(shorten(citation.title, _SOURCE_TITLE_CHARS), citation.url)
    parts = [title, citation.source or "", format_date(citation.published) or "undated"]
    return "• " + " — ".join(p for p in parts if p)


def pack_lines(
    lines: list[str], *, max_fields: int, value_limit: int = FIELD_VALUE_LIMIT
) -> list[str]:
    """Pack lines into at most ``max_fields`` field values; the overflow becomes "… and N more"."""
    values: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        line = shorten(line, value_limit)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= value_limit:
            current = candidate
            continue
        if len(values) + 1 == max_fields:
            more = f"… and {len(lines) - index} more"
            while current and len(current) + 1 + len(more) > value_limit:
                current = current.rsplit("\n", 1)[0] if "\n" in current else ""
            values.append(f"{current}\n{more}" if current else more)
            return values
        values.append(current)
        current = line
    if current:
        values.append(current)
    return values


@dataclass(frozen=True)
class RenderedAnswer:
    """One page of an answer as a Discord message."""

    embed: discord.Embed
    page: int
    pages: int

    @property
    def has_more(self) -> bool:
        return self.page + 1 < self.pages


def _answer_fields(answer: Answer) -> list[tuple[str, str]]:
    if not answer.citations:
        return []
    if answer.status == "answered":
        lines = source_lines(answer.citations)
        name = "Sources"
    else:
        lines = [closest_article_line(group[0]) for group in _by_article(answer.citations)]
        name = "Closest articles"
    values = pack_lines(lines, max_fields=_SOURCE_FIELDS)
    return [(name if i == 0 else f"{name} (continued)", v) for i, v in enumerate(values)]


def answer_pages(answer: Answer) -> list[str]:
    """The answer text cut into pages that fit an embed next to its sources."""
    title = shorten(answer.question, TITLE_LIMIT)
    fields_length = sum(len(n) + len(v) for n, v in _answer_fields(answer))
    room = EMBED_TOTAL_LIMIT - len(title) - fields_length - _FOOTER_BUDGET
    limit = max(200, min(DESCRIPTION_LIMIT, room))
    text = answer.answer.strip() or "(no answer text)"
    return paginate_text(text, limit)


def render_answer(answer: Answer, page: int = 0) -> RenderedAnswer:
    """An answer (one page of it) as an embed: text with [n] markers, then Sources."""
    pages = answer_pages(answer)
    page = max(0, min(page, len(pages) - 1))
    found = answer.status == "answered"
    embed = discord.Embed(
        title=shorten(answer.question, TITLE_LIMIT),
        description=pages[page],
        colour=ANSWER_COLOUR if found else NOT_FOUND_COLOUR,
    )
    if not found:
        embed.set_author(name="Not found in the stored articles")
    for name, value in _answer_fields(answer):
        embed.add_field(name=name, value=value, inline=False)
    footer = [answer.model]
    if len(pages) > 1:
        footer.append(f"part {page + 1} of {len(pages)}")
    footer.extend(answer.notes)
    embed.set_footer(text=shorten(" · ".join(footer), _FOOTER_BUDGET))
    return RenderedAnswer(embed=embed, page=page, pages=len(pages))


def partial_answer_content(text: str) -> str:
    """Progress while the model writes: the text so far, fitted to message content."""
    text = text.strip()
    prefix = "✍️ "
    if not text:
        return prefix + "Reading the news…"
    return (
        prefix
        + shorten(text, CONTENT_LIMIT - len(prefix) - 1)
        + ("" if text.endswith("…") else " …")
    )


def evidence_embeds(answer: Answer) -> list[discord.Embed]:
    """The quoted passages behind each citation, for the ephemeral Evidence view."""
    if not answer.citations:
        return [discord.Embed(description="This answer cites no passages.")]
    embed = discord.Embed(title="Evidence", colour=ANSWER_COLOUR)
    quote_limit = max(200, min(FIELD_VALUE_LIMIT, 5500 // len(answer.citations)))
    # One field an article, each of its quoted passages under it.
    for group in _by_article(answer.citations)[:FIELD_COUNT_LIMIT]:
        first = group[0]
        marks = "".join(f"[{c.n}]" for c in group)
        when = format_date(first.published) or "undated"
        name = shorten(f"{marks} {first.title} — {when}", FIELD_NAME_LIMIT)
        link = f"\n{first.url}" if first.url else ""
        room = max(60, (quote_limit * len(group) - len(link)) // len(group) - 10)
        quotes = []
        for citation in group:
            lead = f"[{citation.n}] " if len(group) > 1 else ""
            quotes.append("> " + lead + shorten(citation.quote, room).replace("\n", "\n> "))
        value = "\n".join(quotes)
        value = shorten(value, FIELD_VALUE_LIMIT - len(link)) + link
        embed.add_field(name=name, value=value, inline=False)
    return [embed]


def summary_embed(summary: Summary) -> discord.Embed:
    lines = []
    for point in summary.summary:
        marks = "".join(f"[{n}]" for n in point.citations)
        lines.append(f"• {point.text} {marks}".rstrip())
    pages = paginate_text("\n".join(lines), DESCRIPTION_LIMIT - 300) if lines else ["(empty)"]
    embed = discord.Embed(
        title=shorten(summary.title, TITLE_LIMIT), description=pages[0], colour=ANSWER_COLOUR
    )
    sources = pack_lines(source_lines(summary.citations), max_fields=_SOURCE_FIELDS)
    for i, value in enumerate(sources):
        embed.add_field(
            name="Sources" if i == 0 else "Sources (continued)", value=value, inline=False
        )
    embed.set_footer(text=shorten(summary.model, _FOOTER_BUDGET))
    return embed


CHECK_COLOURS = {
    "supported": discord.Colour.green(),
    "contradicted": discord.Colour.red(),
    "not_found": discord.Colour.light_grey(),
}


def check_embed(result: CheckResult) -> discord.Embed:
    """A fact-check as an embed: the verdict, each sentence's verdict, then the sources."""
    verdict = result.verdict
    body = "\n".join(check_lines(result)) or "(nothing to check)"
    embed = discord.Embed(
        title=shorten(
            f"{VERDICT_MARKS[verdict]} {VERDICT_WORDS[verdict].capitalize()}", TITLE_LIMIT
        ),
        description=paginate_text(body, DESCRIPTION_LIMIT - 300)[0],
        colour=CHECK_COLOURS[verdict],
    )
    embed.set_author(name=shorten(f"Fact-check: {result.claim}", 256))
    sources = pack_lines(source_lines(result.citations), max_fields=_SOURCE_FIELDS)
    for i, value in enumerate(sources):
        embed.add_field(
            name="Passages" if i == 0 else "Passages (continued)", value=value, inline=False
        )
    embed.set_footer(text="Checked against the stored articles · Evidence shows the passages")
    return embed


def check_as_answer(result: CheckResult) -> Answer:
    """A fact-check in the shape the Evidence button keeps and shows (quotes behind numbers)."""
    return Answer(
        question=result.claim,
        status="answered" if result.citations else "not_found",
        answer="\n".join(check_lines(result)),
        citations=result.citations,
        model="verifier",
    )


def digest_embeds(digest: Digest) -> list[discord.Embed]:
    """One embed per story (each within limits); group them with :func:`group_embeds`."""
    if not digest.stories:
        return [
            discord.Embed(
                title="News digest",
                description="\n\n".join(
                    [
                        f"No new stories between {digest.since} and {digest.until}.",
                        *_digest_notes(digest),
                    ]
                ),
                colour=NOT_FOUND_COLOUR,
            )
        ]
    embeds = []
    for i, story in enumerate(digest.stories, 1):
        embed = discord.Embed(
            title=shorten(f"{i}. {story.headline}{_undated_label(story)}", TITLE_LIMIT),
            description=paginate_text(story.summary, DESCRIPTION_LIMIT - 2200)[0],
            colour=ANSWER_COLOUR,
        )
        sources = pack_lines(source_lines(story.citations), max_fields=_SOURCE_FIELDS)
        for j, value in enumerate(sources):
            embed.add_field(
                name="Sources" if j == 0 else "Sources (continued)", value=value, inline=False
            )
        embeds.append(embed)
    embeds[0].set_author(name=shorten(f"News from {digest.since} to {digest.until}", TITLE_LIMIT))
    notes = _digest_notes(digest)
    if notes:
        embeds[-1].set_footer(text=shorten(" ".join(notes), _FOOTER_BUDGET))
    return embeds


def group_embeds(embeds: list[discord.Embed]) -> list[list[discord.Embed]]:
    """Messages' worth of embeds: at most 10 and 6,000 characters per message."""
    groups: list[list[discord.Embed]] = []
    current: list[discord.Embed] = []
    size = 0
    for embed in embeds:
        if current and (
            len(current) == EMBEDS_PER_MESSAGE or size + len(embed) > EMBED_TOTAL_LIMIT
        ):
            groups.append(current)
            current, size = [], 0
        current.append(embed)
        size += len(embed)
    if current:
        groups.append(current)
    return groups


def embed_within_limits(embed: discord.Embed) -> bool:
    """True when an embed respects every Discord limit."""
    data = embed.to_dict()
    fields = data.get("fields", [])
    return (
        len(embed) <= EMBED_TOTAL_LIMIT
        and len(data.get("title", "")) <= TITLE_LIMIT
        and len(data.get("description", "")) <= DESCRIPTION_LIMIT
        and len(fields) <= FIELD_COUNT_LIMIT
        and all(len(f["name"]) <= FIELD_NAME_LIMIT for f in fields)
        and all(len(f["value"]) <= FIELD_VALUE_LIMIT for f in fields)
        and len(data.get("footer", {}).get("text", "")) <= FOOTER_LIMIT
    )


def error_text(message: str) -> str:
    """A one-line error message fitted to message content."""
    return shorten(message, CONTENT_LIMIT)


def _feed_line(feed: FeedRecord) -> str:
    if feed.healthy is None:
        mark, detail = "⏳", "not read yet"
    elif feed.healthy:
        mark, detail = (
            "✅",
            f"read {feed.last_ok_at:%Y-%m-%d %H:%M} UTC" if feed.last_ok_at else "ok",
        )
    else:
        mark, detail = "⚠️", shorten(feed.last_error or "failed", 150)
    return f"{mark} <{feed.url}> — {detail}"


def feeds_text(feeds: list[FeedRecord]) -> str:
    if not feeds:
        return "This server follows no feeds yet. Add one with /sources add."
    return "\n".join(_feed_line(feed) for feed in feeds)


def status_embed(
    status: EngineStatus,
    feeds: list[FeedRecord],
    *,
    last_ingest: datetime | None,
    last_ingest_summary: str | None = None,
) -> discord.Embed:
    embed = discord.Embed(title="newsbot status", colour=ANSWER_COLOUR)
    embed.add_field(name="Articles", value=f"{status.articles} ({status.chunks} passages)")
    embed.add_field(name="Chat model", value=shorten(status.chat_model, FIELD_VALUE_LIMIT))
    embed.add_field(name="Embeddings", value=shorten(status.embeddings, FIELD_VALUE_LIMIT))
    when = f"{last_ingest:%Y-%m-%d %H:%M} UTC" if last_ingest else "never"
    if last_ingest_summary:
        when += f" ({last_ingest_summary})"
    embed.add_field(name="Last ingest", value=shorten(when, FIELD_VALUE_LIMIT), inline=False)
    values = pack_lines([_feed_line(f) for f in feeds], max_fields=3) if feeds else [feeds_text([])]
    for i, value in enumerate(values):
        embed.add_field(name="Feeds" if i == 0 else "Feeds (continued)", value=value, inline=False)
    embed.set_footer(text=shorten(status.store, _FOOTER_BUDGET))
    return embed
