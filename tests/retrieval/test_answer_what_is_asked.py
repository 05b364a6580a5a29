"""Answerability judged by what the answering sentence holds, not by how much of the question
it repeats (sixteenth session, issue 11).

A sentence that holds what is asked in a form only such a thing takes (a score for "by what
score", a figure beside the thing counted) answers however few of the question's words it
repeats ("thrashed Italy 38-8" for "beat"). A figure of another measure does not answer a price
("17.3 million shares" for "at what price did the shares open"), and a name in a sentence that
neither says the deed asked about nor names one beside the noun asked for does not say who did
it ("which team has he joined": "the Scarlets forward ... to pursue a coaching role").

Real parts: MiniLM and an embedded Chroma store built from written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.slots import asked_slot, holds_slot
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_a_price_asked_is_a_sum_of_money_not_any_figure() -> None:
    question = "At what price did Orvia Air's shares open when they began trading?"
    slot = asked_slot(question)
    assert slot is not None and slot.kind == "number" and slot.money
    assert not holds_slot("The offer of 17.3 million shares sold out in minutes.", question, slot)
    assert holds_slot("The shares opened at 1,125 rupees on Monday.", question, slot)
    fee = asked_slot("What was the transfer fee?")
    assert fee is not None and fee.money


def _shares_service(tmp_path: Path, embedder, news: str):  # type: ignore[no-untyped-def]
    return _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Investors have snapped up shares in Orvia Air, the country's biggest airline, "
                "in its first public share offer.\n\nThe offer of 17.3 million Orvia Air shares "
                f"was fully sold within 10 minutes of opening on Friday.\n\n{news}",
                "Orvia Air share offer sells out",
                "orvia",
            ),
            *_OTHERS,
        ],
    )


def test_a_count_of_shares_does_not_say_at_what_price_they_opened(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _shares_service(
        tmp_path, embedder, "The price at which the shares begin trading will be agreed later."
    )
    answer = service.ask("At what price did Orvia Air's shares open when they began trading?")
    assert answer.status == "not_found", answer.answer


def test_the_opening_price_is_answered_by_the_sum(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _shares_service(
        tmp_path, embedder, "Orvia Air shares opened at 1,125 rupees when trading began on Monday."
    )
    answer = service.ask("At what price did Orvia Air's shares open when they began trading?")
    assert answer.status == "answered", answer.answer
    assert "1,125" in answer.answer
