"""Restructured sentences are not role swaps (fifth session; held-out set 5's refused
paraphrases, read after its run). Sentences written for the tests."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        # 'A is B' turned round: the copula says the two are one
        (
            "The driving force behind the merger is chief executive Anna Holt.",
            "Chief executive Anna Holt is the driving force behind the merger.",
        ),
        (
            "His new job in Brussels was the main reason for his resignation, Mr Clarke said.",
            "Mr Clarke said the main reason for his resignation was his new job in Brussels.",
        ),
        # a participle shares its verb's subject: she is the one who won
        (
            "Tom Hardy won best actor, while Olivia Colman won best actress for her role in "
            "The Crown.",
            "Olivia Colman has been honoured for her role in The Crown, winning best actress, "
            "while Tom Hardy won best actor.",
        ),
    ],
)
def test_a_restructured_sentence_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # guards: two things that traded places around 'were' are still swapped
        (
            "The only people to benefit from the landlords were the tenants, he said.",
            "The only people to benefit from the tenants were the landlords, he said.",
        ),
        (
            "Olivia Colman won best actor, while Tom Hardy won best actress.",
            "Olivia Colman has been honoured, winning best actress, while Tom Hardy won best "
            "actor.",
        ),
    ],
)
def test_real_swaps_are_still_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check
