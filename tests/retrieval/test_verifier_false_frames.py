"""What is not a frame: 'compared to a year ago'; and a frame the claim keeps, its speaker and
verb set elsewhere (fifth session; held-out set 5's refused
paraphrases, read after its run). Sentences written for the tests."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        # 'compared to' holds no clause: nothing is anyone's statement
        (
            "Car sales fell 8% year on year in March, while van sales dropped 2%.",
            "Car sales sank 8% in March compared to a year ago while van sales dropped 2%.",
        ),
        # the speaker and the verb kept (set 5 v050: the small parser makes 'profits boosted
        # by' a clause of 'reported')
        (
            "Boosted by a buoyant period for its car loans unit, US car company Ford reported "
            "higher fourth-quarter and full-year profits on Thursday.",
            "Ford, the US car company, reported higher fourth quarter and full-year profits on "
            "Thursday boosted by a buoyant period for its car loans unit.",
        ),
        # the speaker and the verb of saying kept, set into the clause
        (
            "The city has 4,000 listed buildings, many of which, campaigners argue, should never "
            "have been sold.",
            "There are 4,000 listed buildings in the city and campaigners argue that many should "
            "never have been sold.",
        ),
    ],
)
def test_no_frame_is_dropped(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # guards: real frames are still needed
        (
            "Car sales fell 8% in March compared to a year ago.",
            "Analysts said car sales fell 8% in March compared to a year ago.",
        ),
        ("Profits had risen sharply.", "The brewer reported that profits had risen sharply."),
        (
            "Many of the buildings should never have been sold.",
            "Campaigners argue that many of the buildings should never have been sold.",
        ),
    ],
)
def test_real_frames_are_still_needed(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check
