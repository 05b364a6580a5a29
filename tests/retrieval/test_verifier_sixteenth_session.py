"""Sixteenth session, issue 10: a verb said by the passage with 'be'. A claim verb WordNet puts a
step from a sense of 'be' ('came third', 'is ranked 407th', 'has entered administration') is
said by the passage's 'be' when the subject is the same and a complement of the verb is that of
'be' ('was third', 'is 407th', 'is in administration'). Sentences written for the tests (after
development pairs, not copied); the real parser and the shipped WordNet tables."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        ("He came third in Boston in 2004.", "He was third in Boston in 2004."),
        ("Smith is ranked 212th in the world.", "Smith is 212th in the world."),
        (
            "The airline has entered bankruptcy protection for the second time.",
            "The airline is in bankruptcy protection for the second time.",
        ),
        ("The bank takes the threat seriously.", "The bank is serious about the threat."),
    ],
)
def test_a_verb_said_with_be_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


# Guards, refused before the change too. Only the complement case fails when the claim's
# prepositions are read as complements; the others hold with their part removed (other tests
# refuse them), and stay as guards of the reading.
@pytest.mark.parametrize(
    "claim, passage",
    [
        # the phrase, not the bare verb: 'stand down' is 'resign', no sense of 'be'
        ("Smith stood down as leader in May.", "Smith was leader in May."),
        # a preposition of change: the claim says a rise the passage does not
        ("Unemployment rose to 5% in May.", "Unemployment was 5% in May."),
        ("Its profit fell to 77m euros from 38m.", "Its profit was 77m euros, up from 38m."),
        # the complement itself, not a place beside both
        ("He came second in the race.", "He was third in the race."),
        # the same subject
        ("Jones came third behind Smith.", "Smith was third behind Jones."),
        # denied
        ("He came third in Boston.", "He was not third in Boston."),
    ],
)
def test_a_verb_not_said_with_be_stays_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check
