"""A hedge the passage sets on what the claim says may not be dropped: 'probably', 'alleged',
'an estimated' (fifth session; held-out set 5's edits passed as supported, read after its run).
Sentences written for the tests."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The minister said he would take the job in Paris next year.",
            "The minister said he would probably take the job in Paris next year.",
        ),
        (
            "The singer sued the label over unpaid royalties from her first album.",
            "The singer sued the label over alleged unpaid royalties from her first album.",
        ),
        (
            "The flood forced 20,000 people from their homes, officials said.",
            "The flood forced an estimated 20,000 people from their homes, officials said.",
        ),
    ],
)
def test_a_dropped_hedge_is_not_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == ("not_found", "hedge"), check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # guards: the hedge kept, by its word or another
        (
            "The minister said he would probably take the job in Paris next year.",
            "The minister said he would probably take the job in Paris next year.",
        ),
        (
            "The minister said he would likely take the job in Paris next year.",
            "The minister said he would probably take the job in Paris next year.",
        ),
        # a hedge on something the claim does not say
        (
            "The flood forced people from their homes, officials said.",
            "The flood forced people from their homes and an estimated 300 shops closed, "
            "officials said.",
        ),
    ],
)
def test_a_kept_hedge_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check
