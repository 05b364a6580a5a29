"""A superlative ranked otherwise ('second-biggest' for 'biggest') and a unit with another metric
prefix ('petabytes' for 'terabytes') are contradicted (fifth session; held-out set 5's edits
passed as supported, read after its run). Sentences written for the tests."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage, kind",
    [
        (
            "The band will headline the country's second-biggest festival in July.",
            "The band will headline the country's biggest festival in July.",
            "comparison",
        ),
        (
            "It is now the largest bank in the region.",
            "It is now the third-largest bank in the region.",
            "comparison",
        ),
        (
            "Each user could end up sending petabytes of data a year.",
            "Each user could end up sending terabytes of data a year.",
            "quantity",
        ),
        # with a figure the units of the figures already differ: a guard (passes either way)
        (
            "The new plant will produce 40 megawatts of power.",
            "The new plant will produce 40 gigawatts of power.",
            "quantity",
        ),
    ],
)
def test_another_rank_or_prefix_is_contradicted(claim: str, passage: str, kind: str) -> None:
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == ("contradicted", kind), check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # guards: the same rank in another word, the same unit
        (
            "It is now the third-biggest bank in the region.",
            "It is now the region's third largest bank.",
        ),
        ("The new road is 40 kilometres long.", "The new road is 40 kilometres long."),
    ],
)
def test_the_same_rank_or_unit_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check
