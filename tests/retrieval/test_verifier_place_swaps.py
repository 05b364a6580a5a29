"""Two things that trade places inside prepositional phrases and possessives: a swap of roles the
subject/object comparison cannot see, while a paraphrase that moves phrases about still passes."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The defender has settled in well since moving to Leeds from Hull in August.",
            "The defender has settled in well since moving to Hull from Leeds in August.",
        ),
        (
            "A slump in orders at supplier Alvis has prompted a cut in jobs at carmaker Rover.",
            "A slump in orders at carmaker Rover has prompted a cut in jobs at supplier Alvis.",
        ),
        (
            "The squad includes Leinster's Gordon D'Arcy and Ulster's Denis Hickie.",
            "The squad includes Ulster's Gordon D'Arcy and Leinster's Denis Hickie.",
        ),
        (
            "The council plans to replace the market hall with a car park.",
            "The council plans to replace a car park with the market hall.",
        ),
    ],
)
def test_two_things_that_trade_places_are_a_role_swap(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "contradicted", check
    assert check.kind == "role"


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "Since moving to Leeds from Hull in August, the defender has settled in well.",
            "The defender has settled in well since moving to Leeds from Hull in August.",
        ),
        (
            "The council plans to replace the market hall with a car park.",
            "The council's plan is to replace the market hall with a car park.",
        ),
        (
            "A cut in jobs at carmaker Rover was prompted by a slump in orders at supplier Alvis.",
            "A slump in orders at supplier Alvis has prompted a cut in jobs at carmaker Rover.",
        ),
    ],
)
def test_the_same_places_said_another_way_are_still_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check
