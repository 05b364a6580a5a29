"""The words around an answer, in one place: dates, "As of ...", "However, X reports ...".

The engine decides *what* an answer says (its points, citations, the parts left unanswered); this
module turns that into the prose every renderer shows (the terminal, Discord, ``--json``). Pure
functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from retrieval.models import AnswerPoint, Comparison

NOT_FOUND_TEXT = "The stored articles do not answer this question."
CLOSEST_TEXT = " The closest articles are listed below."


def format_date(value: date | None) -> str:
    """``12 March 2025``; empty when the date is unknown. The one date format people see."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def defuse_markers(text: str) -> str:
    """``[7]`` written inside a source as ``(7)``, so only the system's markers look like ones."""
    return re.sub(r"\[(\d+)\]", r"(\1)", text)


def as_of_prefix(as_of: date | None) -> str:
    return f"As of {format_date(as_of)}: " if as_of else ""


def point_sentence(point: AnswerPoint) -> str:
    """One point as a sentence ending in its markers: ``Russia retook 24 settlements [1].``"""
    text = defuse_markers(point.text.strip())
    if point.disagrees:
        who = point.source or "another report"
        when = f" ({format_date(point.published)})" if point.published else ""
        text = f"However, {who}{when} reports: {text}"
    marks = "".join(f"[{n}]" for n in point.citations)
    if text.endswith((".", "!", "?", '"', "”")):
        return f"{text} {marks}" if marks else text
    return f"{text} {marks}." if marks else f"{text}."


def unanswered_sentence(parts: Sequence[str]) -> str:
    if not parts:
        return ""
    listed = "; ".join(f"“{p.rstrip('?. ')}”" for p in parts)
    return f"The stored articles do not answer: {listed}."


COMPARED_LEAD = "Comparing the cited figures"


def comparison_sentence(comparison: Comparison | None) -> str:
    """``Comparing the cited figures, the larger is Daiwa's shares: 5.3% [1], against 2.7% [1]
    for SMFG's shares.`` Every figure is as written in the passage its marker cites."""
    if comparison is None or len(comparison.figures) < 2:
        return ""
    first, *others = comparison.figures
    size = comparison.word or ("larger" if comparison.relation == "more" else "smaller")
    against = ", ".join(f"{f.figure} [{f.citation}] for {_side(f.alternative)}" for f in others)
    return (
        f"{COMPARED_LEAD}, the {size} is {_side(first.alternative)}: {first.figure} "
        f"[{first.citation}], against {against}."
    )


def _side(alternative: str) -> str:
    return defuse_markers(" ".join(alternative.split()).rstrip("?.! "))


def answer_text(
    points: Sequence[AnswerPoint],
    *,
    as_of: date | None,
    unanswered: Sequence[str] = (),
    max_chars: int | None = None,
    comparison: Comparison | None = None,
) -> tuple[str, int]:
    """The prose of an answer and how many of ``points`` fit within ``max_chars``."""
    prefix = as_of_prefix(as_of) + (
        f"{compared} " if (compared := comparison_sentence(comparison)) else ""
    )
    tail = unanswered_sentence(unanswered)
    sentences: list[str] = []
    for point in points:
        sentence = point_sentence(point)
        if (
            max_chars
            and sentences
            and len(prefix) + len(" ".join([*sentences, sentence, tail])) > max_chars
        ):
            break
        sentences.append(sentence)
    body = " ".join(s for s in [*sentences, tail] if s)
    return prefix + body, len(sentences)


def not_found_text(has_closest: bool) -> str:
    return NOT_FOUND_TEXT + (CLOSEST_TEXT if has_closest else "")
