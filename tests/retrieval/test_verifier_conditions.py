"""Hedges a claim drops that are not modal words: a condition the passage sets on its predicate
('... if they can come through their replay'), and a participle of saying or thinking on a thing
the claim names ('a reported cost', 'men believed to be among'). Sentences written for the tests
or taken from development sets (ids given); the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify

# (claim, passage): the claim drops the passage's condition or report
DROPPED = {
    # a condition after the predicate (set 7, p029)
    "condition after": (
        "Brentford face a home tie against holders Manchester United in the FA Cup sixth round.",
        "Brentford face a home tie against holders Manchester United in the FA Cup sixth round "
        "if they can come through their replay against Southampton.",
    ),
    # a condition before it
    "condition before": (
        "The merger will create the country's biggest bank, with 40,000 staff.",
        "If the deal goes ahead, the merger will create the country's biggest bank, with 40,000 "
        "staff.",
    ),
    "unless": (
        "The workers will strike on Monday over the pension changes.",
        "The workers will strike on Monday over the pension changes unless the company backs down.",
    ),
    # a participle of saying on the figure's noun (set 7, p037)
    "reported cost": (
        "Principal footage was shot in Morocco and Rome at a cost of $32m.",
        "Principal footage was shot in Morocco and Rome at a reported cost of $32m.",
    ),
    # a reduced relative of thinking (set 6, u138)
    "believed to be": (
        "US state Texas has filed a lawsuit against two men who are among the world's top five "
        "spammers.",
        "US state Texas has filed a lawsuit against two men believed to be among the world's top "
        "five spammers.",
    ),
}

# (claim, passage): faithful
KEPT = {
    "condition kept": (
        "If they can come through their replay against Southampton, Brentford face a home tie "
        "against Manchester United in the FA Cup sixth round.",
        "Brentford face a home tie against holders Manchester United in the FA Cup sixth round "
        "if they can come through their replay against Southampton.",
    ),
    # 'even if': it holds anyway
    "even if": (
        "The festival will go ahead in July.",
        "The festival will go ahead in July even if the council cuts its grant.",
    ),
    # an event's date, not a report cast on it
    "announced on": (
        "The deal will create 500 jobs in the town.",
        "The deal announced on Monday will create 500 jobs in the town.",
    ),
    # praise is no doubt cast (set 5, v066)
    "critically acclaimed": (
        "Vera Drake faces stiff competition from Shane Meadows' Dead Man's Shoes, which received "
        "eight nominations.",
        "Vera Drake faces stiff competition from Shane Meadows' critically acclaimed Dead Man's "
        "Shoes, which received eight nominations.",
    ),
    # a name something is known by (set 4, w088)
    "known as": (
        "He attended Lewis Boys' School in nearby Pengam.",
        "He attended Lewis Boys' School in nearby Pengam, known then as the Eton of the valleys.",
    ),
}


@pytest.mark.parametrize("name", list(DROPPED))
def test_a_dropped_condition_or_report_is_not_supported(name: str) -> None:
    claim, passage = DROPPED[name]
    check = verify(claim, passage)
    assert check.verdict == "not_found", check
    assert check.kind == "hedge", check


@pytest.mark.parametrize("name", list(KEPT))
def test_a_kept_condition_or_a_dropped_description_is_supported(name: str) -> None:
    claim, passage = KEPT[name]
    assert verify(claim, passage).verdict == "supported"
