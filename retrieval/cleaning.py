"""Page furniture out, story in: paragraph-level cleaning of article text.

Saved web pages carry more than the story: banners ("Support The Moscow Times!"), photo credits,
newsletter sign-up boxes, donation appeals, payment buttons, "Read more". The method here is
about how article pages are built, not about any one site (in the spirit of jusText):

1. Split the text into paragraphs: blocks separated by blank lines; a block whose lines are not
   hard-wrapped prose is split into its lines (buttons, credits and menus sit one per line).
2. Classify each paragraph:

   * ``STORY``: reads like reporting: long enough, ends like a sentence (or is very long);
   * ``BOILER``: furniture that speaks to the reader: call-to-action vocabulary (subscribe,
     sign up, newsletter, donate, support us, privacy policy, cookies, read more, follow us...),
     a salutation ("Dear readers,"), or dense "you/your/we/our" outside quotations;
   * ``SHORT``: anything else that is short: headings, subheadings, credits, captions, quotes.

3. The story is the largest contiguous run of ``STORY`` paragraphs, allowing a few short
   paragraphs between them (a subheading, a one-line quote) but cutting where boilerplate piles
   up. Short paragraphs inside the run are kept; boilerplate inside it is dropped.
4. The title is the first paragraph before the story that is neither boilerplate nor something
   that cannot be a headline (a bare domain such as a photo credit, a byline, a date line).

:func:`clean_plain_text` does all of this for saved text. :func:`drop_furniture` is the cautious
version for text an extractor (trafilatura) or a publisher (JSONL, feeds) already chose as the
article: it only removes paragraphs classified as boilerplate.

Paragraphs in the result are separated by one blank line (``"\\n\\n"``); the words and characters
of each kept paragraph are exactly those of the input (only surrounding whitespace is stripped).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

log = logging.getLogger(__name__)


class ParagraphKind(Enum):
    STORY = "story"
    SHORT = "short"
    BOILER = "boiler"


# Site-furniture phrases: each is something a page says *to its reader about the site*, never
# something a news story says about the world. One of them marks a short paragraph as furniture.
_CALL_TO_ACTION = re.compile(
    r"""
    \bsubscribe\s+(?:to|now|for|today|here)\b | \bunsubscribe\b | \bsubscribers?\s+agree\b
    | \bsign(?:ing)?[\s-]?up\s+(?:(?:for|to)\s+(?:our|my)|here|now|today)\b
    | ^sign[\s-]?(?:up|in)\b | ^log\s*in\b
    | \bsupport\s+(?:us|our\s+(?:work|journalism|reporting))\b | \bsupporting\s+(?:us|our)\b
    | \bprivacy\s+(?:policy|notice|statement)\b | \bcookie\s+(?:policy|settings|preferences)\b
    | \b(?:we|this\s+site)\s+uses?\s+cookies\b | \baccept\s+(?:all\s+)?cookies\b
    | \bterms\s+(?:of\s+(?:use|service)|and\s+conditions)\b
    | ^advertisement$ | ^advertising$ | \bsponsored\s+content\b
    | ^read\s+more\b | ^continue\s+reading\b | ^(?:see\s+)?also\s+read\b | ^related\s*:
    | \bshare\s+this\s+(?:article|story|page|post)\b
    | \bshare\s+on\s+(?:facebook|twitter|x|whatsapp|linkedin)\b
    | \bfollow\s+us\b | \blike\s+us\s+on\b | \bdear\s+(?:readers?|friends|subscribers?)\b
    | \bclick\s+here\b | \ball\s+rights\s+reserved\b | ^copyright\b | ©
    | \bremind\s+me\s+later\b | \bpayment\s+methods?\b
    | \bdownload\s+(?:our|the)\s+app\b | \bget\s+the\s+app\b
    | \bin\s+your\s+inbox\b | \byour\s+mailbox\b
    | \bskip\s+to\s+(?:main\s+)?content\b | \benable\s+javascript\b | \bjavascript\s+is\s+disabled\b
    """,
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
# Words that are furniture only when the page is talking to its reader at the same time
# ("Sign up for our newsletter" yes; "the bank will donate $8m" no).
_APPEAL_WORDS = re.compile(
    r"\b(?:newsletters?|subscri(?:be|bers?|ptions?)|donat(?:e|ions?|ing)|contribut(?:e|ions?)"
    r"|support|membership|member|register|cookies?|advert(?:isement|ising)?|ads?)\b",
    re.IGNORECASE,
)
# A short line that starts by telling the reader to do something ("Support The Moscow Times!").
_IMPERATIVE_START = re.compile(
    r"^(?:support|subscribe|donate|sign\s+up|follow|share|join|click|download|register|"
    r"log\s+in|sign\s+in|read|watch|listen|get|try|become|help|contribute|give)\b",
    re.IGNORECASE,
)
_SALUTATION = re.compile(r"^(?:dear|hello|hi)\s+[\w\s]{1,30}[,!:]?$", re.IGNORECASE)
# Case-sensitive on purpose: "US" is a country, not "us".
_READER_PRONOUNS = re.compile(
    r"\b(?:[Yy]ou(?:r|rs|rself|['’](?:re|ve|ll))?|[Ww]e(?:['’](?:re|ve|ll))?|[Oo]urs?|[Uu]s)\b"
)
# Quoted speech: pronouns inside it belong to the person quoted, not to the page.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|„[^“”]*[“”]|「[^」]*」")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]」』]*\s*$|[\"”’»」』]\s*$")
_BARE_DOMAIN = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:by|from|photo(?:graph)?|image|credit|source|updated|published)\b[\s:]", re.IGNORECASE
)
_DATE_LINE = re.compile(r"^[\W\d]*(?:\d{1,4}[-/.:]\d{1,2}|\d{1,2}:\d{2})[\W\dapmAPMUTCGMT]*$")

# Thresholds, in "weighted characters" (a CJK character weighs as much as a short word).
_STORY_MIN_WEIGHT = 60
_STORY_LONG_WEIGHT = 250  # prose this long is story-like even without a final full stop
_SHORT_WORDS = 25  # below this, one call-to-action phrase is enough to call a paragraph boilerplate
_TITLE_MAX_WEIGHT = 250
# Furniture is terse: a paragraph this long is never dropped for one phrase in it.
_LONG_PROSE_WORDS = 80
# How many non-story paragraphs may sit between two story paragraphs of one run.
_MAX_GAP = 3
_WRAP_MIN_LINE = 40
_WRAP_MAX_LINE = 120


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: ParagraphKind


def _weight(text: str) -> int:
    """Length in characters, with wide (CJK) characters counted three times."""
    return sum(3 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _is_wrapped_prose(lines: Sequence[str]) -> bool:
    """Whether a multi-line block is one paragraph hard-wrapped at a fixed width."""
    body = lines[:-1]
    return all(_WRAP_MIN_LINE <= len(line) <= _WRAP_MAX_LINE for line in body) and not any(
        _SENTENCE_END.search(line) and len(line) < _WRAP_MIN_LINE for line in body
    )


def split_paragraphs(text: str, *, one_per_line: bool = False) -> list[str]:
    """Paragraphs of ``text``: blank-line blocks, split into lines unless hard-wrapped prose.

    With ``one_per_line`` every non-empty line is a paragraph (extractor output).
    """
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n")
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t\u00a0\u3000]*\n", normalised):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and not one_per_line and _is_wrapped_prose(lines):
            paragraphs.append("\n".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _reader_pronoun_share(text: str) -> tuple[int, float]:
    """How often the page talks to or about itself and its reader, outside quotations."""
    unquoted = _QUOTED.sub(" ", text)
    words = _WORD.findall(unquoted)
    if not words:
        return 0, 0.0
    count = len(_READER_PRONOUNS.findall(unquoted))
    return count, count / len(words)


def has_call_to_action(text: str) -> bool:
    """Whether a paragraph carries explicit site furniture (see ``_CALL_TO_ACTION``)."""
    stripped = text.strip()
    return bool(_SALUTATION.match(stripped) or _CALL_TO_ACTION.search(stripped))


def classify_paragraph(text: str) -> ParagraphKind:
    """Story, short (heading, credit, quote...) or boilerplate; see the module docstring."""
    stripped = text.strip()
    words = _WORD.findall(stripped)
    calls = len(_CALL_TO_ACTION.findall(stripped))
    appeals = len(_APPEAL_WORDS.findall(_QUOTED.sub(" ", stripped)))
    pronouns, pronoun_share = _reader_pronoun_share(stripped)
    short = len(words) < _SHORT_WORDS and _weight(stripped) < 3 * _STORY_MIN_WEIGHT

    if _SALUTATION.match(stripped):
        return ParagraphKind.BOILER
    if short and (calls or (_IMPERATIVE_START.match(stripped) and stripped.endswith("!"))):
        return ParagraphKind.BOILER
    if (calls >= 2 and calls * 40 >= len(words)) or (calls and pronoun_share >= 0.03):
        return ParagraphKind.BOILER
    if appeals and pronouns and (short or pronoun_share >= 0.03):
        return ParagraphKind.BOILER  # "Not ready to support us today?", "...your contribution"
    if pronouns >= 3 and pronoun_share >= 0.06:
        return ParagraphKind.BOILER

    weight = _weight(stripped)
    if weight >= _STORY_LONG_WEIGHT or (
        weight >= _STORY_MIN_WEIGHT and _SENTENCE_END.search(stripped)
    ):
        return ParagraphKind.STORY
    return ParagraphKind.SHORT


def classify_paragraphs(text: str, *, one_per_line: bool = False) -> list[Paragraph]:
    paragraphs = split_paragraphs(text, one_per_line=one_per_line)
    return [Paragraph(p, classify_paragraph(p)) for p in paragraphs]


def _story_runs(paragraphs: Sequence[Paragraph]) -> list[tuple[int, int]]:
    """``(start, end)`` index ranges (end inclusive) of story runs; see the module docstring."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    last_story = -1
    gap: list[Paragraph] = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind is not ParagraphKind.STORY:
            gap.append(paragraph)
            continue
        boiler_in_gap = sum(p.kind is ParagraphKind.BOILER for p in gap)
        if start is None:
            start = index
        elif len(gap) > _MAX_GAP or boiler_in_gap >= 2:
            runs.append((start, last_story))
            start = index
        last_story = index
        gap = []
    if start is not None:
        runs.append((start, last_story))
    return runs


def _run_weight(paragraphs: Sequence[Paragraph], run: tuple[int, int]) -> int:
    return sum(
        _weight(p.text) for p in paragraphs[run[0] : run[1] + 1] if p.kind is ParagraphKind.STORY
    )


def _could_be_title(text: str) -> bool:
    return (
        _weight(text) <= _TITLE_MAX_WEIGHT
        and not _BARE_DOMAIN.match(text)
        and not _BYLINE.match(text)
        and not _DATE_LINE.match(text)
        and bool(_WORD.search(text))
    )


def _title_text(text: str) -> str:
    """A heading without Markdown markers (``# Title`` -> ``Title``)."""
    return re.sub(r"^#{1,6}\s+", "", text).strip()


def clean_plain_text(text: str) -> tuple[str | None, str]:
    """``(title or None, story)`` of a saved article, page furniture removed.

    The story keeps every kept paragraph exactly as written, separated by blank lines. The
    title is ``None`` when nothing before the story looks like a headline. When no paragraph
    reads like reporting (a very short article), everything that is not boilerplate is kept.
    """
    paragraphs = classify_paragraphs(text)
    if not paragraphs:
        return None, ""
    runs = _story_runs(paragraphs)
    if runs:
        best = max(runs, key=lambda run: _run_weight(paragraphs, run))
        head, body = paragraphs[: best[0]], paragraphs[best[0] : best[1] + 1]
    else:  # no reporting-like paragraph: a headline and a line or two
        head, body = [], list(paragraphs)

    title: str | None = None
    candidates = head if runs else body
    for paragraph in candidates if (runs or len(body) > 1) else []:
        if paragraph.kind is ParagraphKind.BOILER or not _could_be_title(paragraph.text):
            continue
        title = _title_text(paragraph.text)
        if not runs:
            body = [p for p in body if p is not paragraph]
        break

    kept = [p.text for p in body if p.kind is not ParagraphKind.BOILER]
    dropped = len(paragraphs) - len(kept) - (1 if title else 0)
    if dropped:
        log.debug("dropped %d furniture paragraph(s) of %d", dropped, len(paragraphs))
    return title, "\n\n".join(kept)


def drop_furniture(text: str, *, one_per_line: bool = False) -> str:
    """``text`` without its plain boilerplate; for text already chosen as the article.

    Cautious, for extractor output (trafilatura), JSONL and feed text: it removes paragraphs with
    explicit site furniture (call-to-action phrases, salutations), and a tail after the story
    made only of boilerplate and short lines (a donation appeal, a newsletter box) when it holds
    at least two boilerplate paragraphs, one of them with explicit furniture. Story paragraphs
    elsewhere are never dropped. Pass
    ``one_per_line=True`` for extractor output, where each line is a paragraph.
    """
    paragraphs = classify_paragraphs(text, one_per_line=one_per_line)
    runs = _story_runs(paragraphs)
    end = len(paragraphs)
    if runs:
        last_story = runs[-1][1]
        tail = paragraphs[last_story + 1 :]
        boiler = [p for p in tail if p.kind is ParagraphKind.BOILER]
        if len(boiler) >= 2 and any(has_call_to_action(p.text) for p in boiler):
            end = last_story + 1
    kept = [
        p.text
        for p in paragraphs[:end]
        if not (
            p.kind is ParagraphKind.BOILER
            and has_call_to_action(p.text)
            and len(_WORD.findall(p.text)) < _LONG_PROSE_WORDS
        )
    ]
    if not any(_weight(p) >= _STORY_MIN_WEIGHT for p in kept):
        return "\n\n".join(p.text for p in paragraphs)
    return "\n\n".join(kept)


def has_story(text: str) -> bool:
    """Whether ``text`` holds at least one paragraph that reads like reporting."""
    return any(
        classify_paragraph(paragraph) is ParagraphKind.STORY
        for paragraph in split_paragraphs(text, one_per_line=True)
    )
