"""The fifteenth session's review: readings that supported a false claim or refused a plain
answer, each fixed where it was found. Sentences written for the tests; the real parser."""

from __future__ import annotations

import pytest

from retrieval.slots import asked_slot, holds_kind
from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        # a converse denied is no agreement: the doers differ
        ("Smith did not buy the house from Jones.", "Jones sold the house to Smith."),
        ("Jones did not sell the house to Smith.", "Smith bought the house from Jones."),
        # a denial does not say the opposite: prices may stand still, a match be drawn
        ("Prices fell in March.", "Prices did not rise in March."),
        ("Arsenal lost to Chelsea.", "Arsenal did not win against Chelsea."),
        ("The council rejected the plan.", "The council did not accept the plan."),
        ("The bank cut interest rates.", "The bank did not raise interest rates."),
        ("The team won the final.", "The team did not lose the final."),
    ],
)
def test_an_opposite_denied_agrees_one_way_and_of_one_doer(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check


def test_an_opposite_stated_still_says_the_denial() -> None:
    check = verify("The firm did not release the figures.", "The firm held back the figures.")
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "question, sentence",
    [
        (
            "When did Anna Vale marry Tom Reed?",
            "Anna Vale married Tom Reed in a quiet ceremony on Christmas Day, her agent said.",
        ),
        (
            "When will the Norland car plant close?",
            "The Norland car plant will close in the spring, the company said.",
        ),
        ("How much did the new stadium cost?", "The new stadium cost several million pounds."),
        (
            "How many fans watched the friendly against Spain?",
            "About 2000 fans watched the friendly against Spain.",
        ),
    ],
)
def test_a_figure_or_date_in_a_form_the_plain_readings_miss_is_held(
    question: str, sentence: str
) -> None:
    assert holds_kind(sentence, question, asked_slot(question))


@pytest.mark.parametrize(
    "question, sentence",
    [
        ("On what date did she marry him?", "Aguilera is to marry Bratman."),
        ("How many people were treated?", "The hospital treated people in the new wing."),
    ],
)
def test_a_sentence_with_no_figure_or_date_holds_none(question: str, sentence: str) -> None:
    assert not holds_kind(sentence, question, asked_slot(question))
