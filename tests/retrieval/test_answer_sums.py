""" "How much money", "how much investment", "how much in damages" ask for a sum of money
(thirteenth session): a count of something else ("more than 4,300 podcasts are listed") does
not say how much was raised; a sum told with its currency ("$8.85m", "70m euros") does.

Real parts: MiniLM and an embedded Chroma store built from a written article.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.slots import asked_slot, holds_slot
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of

_RAISE = "How much investment did the podcasting venture CastHouse raise?"


def test_how_much_with_a_noun_of_money_asks_a_sum() -> None:
    slot = asked_slot(_RAISE)
    assert slot is not None and slot.money
    assert holds_slot("CastHouse has raised $8.85m from investors.", _RAISE, slot)
    assert holds_slot("CastHouse has raised 8m euros from investors.", _RAISE, slot)
    assert not holds_slot("More than 4,300 podcasts are listed on CastHouse.", _RAISE, slot)
    # "By how much" asks a change (a share will do); "how much did X bid" has no noun of money.
    assert not asked_slot("By how much did the firm's revenue dip in 2004?").money  # type: ignore[union-attr]
    assert not asked_slot("How much did the club bid for the striker?").money  # type: ignore[union-attr]


def _venture_service(tmp_path: Path, embedder, news: str):  # type: ignore[no-untyped-def]
    return _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Podcasting pioneers Ann Vale and Tom Rees have set up a new venture, called "
                f"CastHouse, to help people make and share podcasts.\n\n{news}",
                "Podcast venture CastHouse launched",
                "casthouse",
            ),
            *_OTHERS,
        ],
    )


def test_how_much_was_raised_is_not_answered_by_a_count_of_something_else(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _venture_service(
        tmp_path, embedder, "More than 4,300 podcasts are currently listed on CastHouse."
    )
    answer = service.ask(_RAISE)
    assert answer.status == "not_found", answer.answer


def test_how_much_was_raised_is_answered_by_the_sum(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _venture_service(
        tmp_path, embedder, "CastHouse has raised $8.85m in investment from two venture funds."
    )
    answer = service.ask(_RAISE)
    assert answer.status == "answered", answer.answer
    assert "$8.85m" in answer.answer
