"""'one of' says membership, not a count; a score in digits counts no noun (thirteenth
session, issue 10: the twelfth session's unlanded patch, written again). Sentences written for
the tests; the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The novelist is one of four Irish writers shortlisted for the award.",
            "The novelist is among four Irish writers who made the shortlist for the award.",
        ),
        (
            "She was one of a committee of 12 with the power to approve the budget.",
            "She was part of a 12-strong committee that has the power to approve the budget.",
        ),
        # a score: '2-1' counts no noun, neither 'thanks' nor 'victory'
        (
            "Chelsea won 2-1 thanks to a late penalty by Frank Lampard.",
            "Frank Lampard's late penalty gave Chelsea a 2-1 victory.",
        ),
    ],
)
def test_membership_and_scores_said_otherwise_are_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "Chelsea won 3-1 thanks to a late penalty by Frank Lampard.",
            "Frank Lampard's late penalty gave Chelsea a 2-1 victory.",
        ),
        (
            "Liverpool won 2-0 thanks to an early own goal.",
            "An early own goal gave Liverpool a 1-0 win.",
        ),
        (
            "She was one of a committee of 13 with the power to approve the budget.",
            "She was part of a 12-strong committee that has the power to approve the budget.",
        ),
        # where the other text counts the group's members, 'one of' is a count
        (
            "One of the engines failed during the flight.",
            "Two of the engines failed during the flight.",
        ),
        (
            "Two of the engines failed during the flight.",
            "One of the engines failed during the flight.",
        ),
    ],
)
def test_another_score_or_count_is_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "contradicted" and check.kind == "quantity", check
