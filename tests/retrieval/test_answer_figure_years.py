"""A figure answers a question that names a year only if it is that year's (thirteenth
session): "sold nearly 95,000 cars in Asia in 2004 and expects growth of 10% in 2005" gives
2004's sales and 2005's only as an expectation, not how many were sold in 2005; "a profit of
$5m in 2005, up from $3m in 2004" gives 2005's $5m. The year a figure is of is the one nearest
it in the parse.

Real parts: spaCy's parse, MiniLM and an embedded Chroma store built from a written article.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.answer import gives_only_other_years
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of

_CARS = "How many cars did Norfolk Motors sell in Asia in 2005?"


def test_a_figure_is_of_the_year_nearest_it_in_the_parse() -> None:
    assert gives_only_other_years(
        "Norfolk Motors sold nearly 95,000 cars in Asia in 2004 and expects sales to grow by "
        "at least 10% in 2005.",
        _CARS,
    )
    assert not gives_only_other_years(
        "Norfolk Motors sold nearly 95,000 cars in Asia in 2005, up from 80,000 in 2004.", _CARS
    )
    profit = "How much profit did the brewer make in {}?"
    told = "In 2004, the brewer made a profit of $5m, up from $3m in 2003."
    assert not gives_only_other_years(told, profit.format(2004))
    assert not gives_only_other_years(told, profit.format(2003))
    assert gives_only_other_years(told, profit.format(2006))
    # A figure tied to no year may be the year's; a span's start is no year of its own.
    assert not gives_only_other_years("Norfolk Motors sold 95,000 cars in Asia.", _CARS)
    assert not gives_only_other_years(
        "Norfolk Motors sold 95,000 cars in Asia, the most since 2001.", _CARS
    )
    # A question that names no year, or asks no figure, is not read so.
    assert not gives_only_other_years(
        "Norfolk Motors sold 95,000 cars in Asia in 2004.", "How many cars did it sell in Asia?"
    )


def _cars_service(tmp_path: Path, embedder, sales: str):  # type: ignore[no-untyped-def]
    return _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Norfolk Motors has opened a new car plant in Thailand to serve its growing "
                f"markets in Asia.\n\n{sales}\n\nThe plant will employ 1,200 people.",
                "Norfolk Motors opens Thai plant",
                "cars",
            ),
            *_OTHERS,
        ],
    )


def test_how_many_were_sold_in_a_year_is_not_answered_by_another_year_s_sales(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _cars_service(
        tmp_path,
        embedder,
        "Norfolk Motors sold nearly 95,000 cars in Asia in 2004 and expects its sales there "
        "to grow by at least 10% in 2005.",
    )
    answer = service.ask(_CARS)
    assert answer.status == "not_found", answer.answer


def test_how_many_were_sold_in_a_year_is_answered_by_that_year_s_sales(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _cars_service(
        tmp_path,
        embedder,
        "Norfolk Motors sold nearly 95,000 cars in Asia in 2005, up from 80,000 in 2004.",
    )
    answer = service.ask(_CARS)
    assert answer.status == "answered", answer.answer
    assert "95,000" in answer.answer


def test_what_profit_asks_a_sum_and_so_the_year_of_its_figure() -> None:
    from retrieval.slots import asked_slot, holds_slot

    for question in (
        "What profit did Ashford Breweries make in 2005?",
        "What was Ashford Breweries' pre-tax profit for 2005?",
        "What was the winning bid for the painting?",
    ):
        slot = asked_slot(question)
        assert slot is not None and slot.kind == "number", question
    # "what" is the verb's object, or the noun is further in: no sum asked.
    assert asked_slot("What did the figures show for retail sales?") is None
    assert asked_slot("What happened with Lord Dubs' bill?") is None
    # The sum is told with its noun: a head count or a share price is no profit.
    question = "What were Ashford Breweries' underlying pre-tax profits for 2004?"
    slot = asked_slot(question)
    assert holds_slot("Underlying pre-tax profits rose 1% to £933m in 2004.", question, slot)
    assert not holds_slot("Ashford Breweries employs more than 5,000 people.", question, slot)
    assert not holds_slot("Shares in Ashford were up 1.76% at 115.5 pence.", question, slot)


def test_what_profit_in_a_year_is_not_answered_by_another_year_s_profit(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Ashford Breweries has opened a new brewery in Kent.\n\nAshford Breweries made "
                "a profit of £30m in 2004 and expects a bigger profit in 2005, its chairman "
                "said.\n\nThe brewery will employ 200 people.",
                "Ashford opens Kent brewery",
                "brewer",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("What profit did Ashford Breweries make in 2005?")
    assert answer.status == "not_found", answer.answer
