"""Predicate opposites that are not (fifteenth session; verifier set 14's refused paraphrases,
read after its run): an auxiliary is no predicate ('has' of 'has thrown out' is no opposite of
'rejected'), and a verb's opposite denied says the verb ('hold back' for 'not release'), by the
structure, not by the pair. Sentences written for the tests."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify

_RELEASE = (
    "The coach has defended his decision not to release any of his players for the friendly match."
)


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "A bill that would have allowed software to be patented has been rejected by the "
            "national parliament.",
            "The national parliament has thrown out a bill that would have allowed software to "
            "be patented.",
        ),
        (  # the opposite stated says the denial ('to hold back' says 'not to release'); not
            # the other way round, which the review's fix refuses ('did not rise' is no 'fell')
            _RELEASE,
            "The coach has defended his decision to hold back all of his players from the "
            "friendly match.",
        ),
    ],
)
def test_no_opposite_is_read(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # guards: the verb itself with the 'not' dropped; the opposite said of a plain verb
        (
            "The coach has defended his decision to release all of his players for the "
            "friendly match.",
            _RELEASE,
        ),
        (
            "The city council has approved a plan to build 500 homes.",
            "The city council has thrown out a plan to build 500 homes.",
        ),
    ],
)
def test_real_opposites_are_still_read(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check
