"""A ratio the claim gives ('twice as many', 'ten times more', 'doubled', 'threefold') must be
the passage's, or one its figures make (retrieval/ratios.py). Sentences written for the tests
from BBC wording; the real parser."""

from __future__ import annotations

import pytest

from retrieval import ratios
from retrieval.verifier import parse, verify

PROFITS = "Operating profits were at 380m euros, ten times more than in 2003."
SALES = "Sales rose to $805.9m in the third quarter, up from $393.9m a year earlier."
USERS = "The number of users rose 100% last year to 1.2 million, the firm said."

# (claim, passage): a ratio changed
CHANGED = {
    "twice for ten times": (
        "Operating profits were at 380m euros, twice as much as in 2003.",
        PROFITS,
    ),
    "ten times less": (
        "Operating profits were at 380m euros, ten times less than in 2003.",
        PROFITS,
    ),
    "threefold from figures that double": (
        "Sales rose threefold to $805.9m in the third quarter, up from $393.9m a year earlier.",
        SALES,
    ),
    "threefold where the passage gives no ratio": (
        "The number of users rose threefold last year to 1.2 million, the firm said.",
        USERS,
    ),
}

# (claim, passage): the same ratio, said otherwise or made by the passage's figures
KEPT = {
    "about twice from two figures": (
        "Sales rose to $805.9m in the third quarter, about twice the $393.9m of a year earlier.",
        SALES,
    ),
    "doubled from a percentage": (
        "The number of users doubled last year to 1.2 million, the firm said.",
        USERS,
    ),
    "half the for less than half of": (
        "The opening bid for the unit, $8bn, was under half the $20bn that Yukos advisers say it "
        "is worth.",
        "The opening bid for the unit was $8bn - less than half of the $20bn that Yukos advisers "
        "say it is worth.",
    ),
}


@pytest.mark.parametrize("name", list(CHANGED))
def test_a_ratio_the_passage_does_not_give_is_not_supported(name: str) -> None:
    claim, passage = CHANGED[name]
    check = verify(claim, passage)
    assert check.verdict != "supported", check
    assert check.kind == "comparison", check


@pytest.mark.parametrize("name", list(KEPT))
def test_the_passages_ratio_said_otherwise_is_supported(name: str) -> None:
    claim, passage = KEPT[name]
    assert verify(claim, passage).verdict == "supported"


@pytest.mark.parametrize(
    "sentence",
    [
        "He scored twice in the second half.",
        "She has won the title three times in a row.",
        "Novak won the singles and doubles titles in 1999.",
        "She is a double Olympic champion.",
    ],
)
def test_occasions_and_names_are_no_ratio(sentence: str) -> None:
    assert ratios.ratios(parse(sentence)) == []


def test_multipliers_read_as_ratios() -> None:
    values = [r.value for r in ratios.ratios(parse("Profits doubled, twice as fast as sales."))]
    assert values == [2.0, 2.0]
    assert [r.value for r in ratios.ratios(parse("It is ten times less costly."))] == [0.1]
    assert [r.value for r in ratios.ratios(parse("a three-fold rise in profits"))] == [3.0]
