"""Thirteenth session, issue 10: readings that kept faithful paraphrases refused. Each kept pair
stands beside an edit of the same construction, which stays refused. Sentences written for the
tests (after development pairs, not copied); the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


# A gerund after a preposition of means or time says how or when the verb above it is done; a
# verb of refusal above it does not deny it ('will reject that by claiming': the claim is made).
@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The opposition will counter that by claiming they can cut taxes and raise "
            "spending at once.",
            "The opposition will reject that by claiming they can cut taxes and increase "
            "spending at the same time.",
        ),
        (
            "Ministers ended the scheme after finding it had cost £10m.",
            "Ministers halted the scheme after finding it had cost £10m.",
        ),
    ],
)
def test_a_gerund_of_means_is_not_denied_by_the_verb_above(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The union called a strike for Monday.",
            "The union refused to call a strike for Monday.",
        ),
        (
            "The minister accepted the offer.",
            "The minister rejected the offer by saying it came too late.",
        ),
    ],
)
def test_a_denied_verb_stays_denied(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check
