"""Ninth session: who did what to whom read from word order where the small parser misreads the
sentence. Pairs from the development sets (the ids say which); the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify

# (claim, passage): two parties swapped, which the verifier must not support
CAUGHT = {
    # the parser reads 'Wasps' as a verb; the two names stand on the other sides of 'offer'
    "z084 sides of offer": (
        "Matt Dawson is set to offer European champions Wasps a new deal.",
        "European champions Wasps are set to offer Matt Dawson a new deal.",
    ),
    "z075 sides of ended": (
        "Rapper The Game has ended his public feud with his protege 50 Cent as the pair said "
        "they wanted to be good role models for their communities.",
        "Rapper 50 Cent has ended his public feud with his protege The Game as the pair said "
        "they wanted to be good role models for their communities.",
    ),
    # two parties traded their deeds ('Small' read as an adjective)
    "z089 deeds traded": (
        "Small, 25, lost her sight in one eye while 22-year-old Jama suffered serious head "
        "injuries.",
        "Jama, 25, lost her sight in one eye while 22-year-old Small suffered serious head "
        "injuries.",
    ),
    "p041 deeds traded": (
        "Southwest Airlines reported a loss of $387m for the fourth quarter of 2004, while "
        "American Airlines saw its profits fall 15% to $56m.",
        "American Airlines' parent AMR reported a loss of $387m (£206m) for the fourth quarter "
        "of 2004, against a $111m loss for the same period a year earlier. Meanwhile, Southwest "
        "Airlines saw its fourth-quarter 2004 profits fall 15% to $56m, against $66m a year "
        "earlier.",
    ),
}

# (claim, passage): faithful paraphrases in which things change sides of a verb for a reason
KEPT = {
    # the voice changes: the two change sides, as they must
    "z162 passive of offer": (
        "Matt Dawson is set to be offered a new deal by European champions Wasps.",
        "European champions Wasps are set to offer Matt Dawson a new deal.",
    ),
    # 'was granted the honour' / 'the honour was granted to': either order is the same deed
    "d5035 dative passive": (
        "The honour was granted to the head of Surrey's Lionhead Studios for services to the "
        "computer games industry.",
        "The head of Surrey's Lionhead Studios was granted the honour for services to the "
        "computer games industry.",
    ),
    # phrases of place and time move about freely
    "z154 place and time": (
        "In the UK, 133m text messages were sent between midnight on 31 December and midnight "
        "on 1 January.",
        "Between midnight on 31 December and midnight on 1 January, 133m text messages were "
        "sent in the UK.",
    ),
}


@pytest.mark.parametrize("name", sorted(CAUGHT))
def test_parties_swapped_are_contradicted(name: str) -> None:
    claim, passage = CAUGHT[name]
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == ("contradicted", "role"), check


@pytest.mark.parametrize("name", sorted(KEPT))
def test_parties_moved_for_a_reason_are_supported(name: str) -> None:
    claim, passage = KEPT[name]
    check = verify(claim, passage)
    assert check.verdict == "supported", check
