"""A word the passage uses elsewhere does not excuse it where the passage has its opposite: 'a
10% fall in net income' for 'a 10% rise in net income', though the passage also has 'a fall in
US revenues'. The same word under a word said alike stays where it was ('a larger company' /
'a larger firm'). Sentences from development sets (ids given) or written for the tests."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify

OPPOSITE_PLACED = {
    # set 5, v032
    "fall for rise": (
        "The bank said it was on course for a 10% fall in net income this year and operating "
        "profits are set to fall because of a fall in US revenues.",
        "The bank said it was on course for a 10% rise in net income this year but operating "
        "profits are set to fall because of a fall in US revenues.",
    ),
    "fall for rise, written": (
        "The figures point to a sharp fall in exports and a small fall in imports.",
        "The figures point to a sharp rise in exports and a small fall in imports.",
    ),
}

KEPT = {
    # tune set, s0350: the head said in another word
    "larger firm": (
        "Italy has numerous smaller companies that are often reluctant to become bigger because "
        "of the extra hassle of running a larger company.",
        "Italy has numerous smaller companies that are often reluctant to become bigger because "
        "of the extra hassle of running a larger firm.",
    ),
}


@pytest.mark.parametrize("name", list(OPPOSITE_PLACED))
def test_the_opposite_where_the_claim_puts_its_word_contradicts(name: str) -> None:
    claim, passage = OPPOSITE_PLACED[name]
    check = verify(claim, passage)
    assert check.verdict == "contradicted", check
    assert check.kind == "predicate", check


@pytest.mark.parametrize("name", list(KEPT))
def test_the_same_word_under_a_head_said_alike_is_supported(name: str) -> None:
    claim, passage = KEPT[name]
    assert verify(claim, passage).verdict == "supported"
