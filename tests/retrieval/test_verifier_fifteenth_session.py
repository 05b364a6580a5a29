"""Fifteenth session, issue 10: a verb the passage says as a noun of its sense. WordNet draws
derivations between single words of two senses ('choice' from 'select' and 'opt', never from
'choose'), so they are read sense to sense. Sentences written for the tests (after a development
pair, not copied); the real parser and the shipped WordNet tables."""

from __future__ import annotations

import pytest

from retrieval import wordnet
from retrieval.verifier import verify


def test_a_noun_is_derived_from_every_word_of_its_verb_sense() -> None:
    assert wordnet.same_meaning("choose", "choice", "v", "n")
    assert wordnet.same_meaning("choice", "choose", "n", "v")


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "Patients can then choose whether to cancel appointments and tests.",
            "Patients then have the choice to drop appointments and tests.",
        ),
        (
            "Tenants can choose whether to leave the scheme.",
            "Tenants will have the choice to quit the scheme.",
        ),
    ],
)
def test_a_verb_said_as_the_noun_of_its_sense_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


# A guard (it held before the change too): the opposite deed chosen stays refused.
def test_the_opposite_deed_chosen_stays_refused() -> None:
    check = verify(
        "Tenants can choose whether to join the scheme.",
        "Tenants will have the choice to quit the scheme.",
    )
    assert check.verdict != "supported", check
