"""Roles by semantic role, not surface position (fifteenth session; verifier set 14's refused
paraphrases and let-through swaps, read after its run). Sentences written for the tests."""

from __future__ import annotations

from retrieval.verifier import verify

_SUSPENDED = (
    "Charity group WildCare have suspended a volunteer for allegedly selling the charity's "
    "mailing list."
)


def test_a_name_that_says_whose_is_no_swap() -> None:
    # the passive's agent is the active subject; 'a WildCare volunteer' is the volunteer, not
    # WildCare put in the object's place
    check = verify(
        "A WildCare volunteer has been suspended by the charity group over allegedly selling "
        "its mailing list.",
        _SUSPENDED,
    )
    assert check.verdict == "supported", check


def test_the_parties_turned_round_are_still_a_swap() -> None:
    check = verify(
        "A volunteer has suspended charity group WildCare for allegedly selling the charity's "
        "mailing list.",
        _SUSPENDED,
    )
    assert check.verdict != "supported", check
