"""A modal negated in a contraction is a modal: "can't win 27 seats" tells no count of seats won.

spaCy splits "can't" into "ca" + "n't" and "shouldn't" into "should" + "n't"; the question's
words keep "can't", "won't" whole. Real parts: spaCy's parse."""

from __future__ import annotations

import pytest

from retrieval.answer import _asks_modal, _deed_only_ahead, _only_possible
from retrieval.verifier import parse


@pytest.mark.parametrize(
    "sentence",
    [
        "The party can't win 27 seats.",
        "The party can’t win 27 seats.",
        "The firm shouldn't cut 500 jobs.",
        "The party won't win 27 seats.",
        "The party couldn't win 27 seats.",
    ],
)
def test_a_figure_under_a_contracted_modal_is_only_possible(sentence: str) -> None:
    verb = next(t for t in parse(sentence) if t.pos_ == "VERB")
    assert _only_possible(verb)


def test_a_figure_told_as_done_is_not_only_possible() -> None:
    verb = next(t for t in parse("The party won 27 seats.") if t.pos_ == "VERB")
    assert not _only_possible(verb)


def test_a_deed_under_a_contracted_modal_is_only_ahead() -> None:
    assert _deed_only_ahead("Mourinho can't pick Robben for the final.", "pick")
    assert not _deed_only_ahead("Mourinho picked Robben for the final.", "pick")


@pytest.mark.parametrize(
    "question",
    [
        "How many seats can't Labour win?",
        "How many jobs won't be cut?",
        "How many seats couldn’t they hold?",
        "How many seats wouldn't they give up?",
        "How many jobs shouldn't go?",
    ],
)
def test_a_question_asking_under_a_contracted_modal_asks_a_possibility(question: str) -> None:
    assert _asks_modal(question)
    assert not _asks_modal("How many seats did Labour win?")
