"""Roles by semantic role, not surface position (fifteenth session; verifier set 14's refused
paraphrases and let-through swaps, read after its run). Sentences written for the tests."""

from __future__ import annotations

import pytest

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


_PRIZES = (
    "The Producers won three prizes at the city's annual theatre awards, while Mary Poppins "
    "won two."
)


def test_parallel_clauses_pair_each_subject_with_its_own_figure() -> None:
    check = verify(
        "Mary Poppins took two prizes at the city's annual theatre awards, while The Producers "
        "took three.",
        _PRIZES,
    )
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "Mary Poppins won three prizes at the city's annual theatre awards, while The "
            "Producers won two.",
            _PRIZES,
        ),
        # a place swapped across the two clauses of one verb
        (
            "While the old service kept customer records on a customer's laptop, the new one "
            "will keep them centrally on its servers.",
            "While the old service kept customer records centrally on its servers, the new one "
            "will keep them on a customer's laptop.",
        ),
        # a figure's clause given the other clause's party
        (
            "The party has listed the 20 towns where voters could lift it from third place to "
            "beat the Greens, and the 12 where it could go from third to beat Labour.",
            "The party has listed the 20 towns where there are enough voters to lift it from "
            "third place to beat Labour, and the 12 where it could go from third to beat the "
            "Greens.",
        ),
    ],
)
def test_a_swap_across_parallel_clauses_is_caught(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check
