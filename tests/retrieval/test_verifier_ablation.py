"""The fourteenth session's rule ablation of the verifier: tests it narrowed or relaxed.

Each test turned off alone over every development set (``bench/RESULTS.md``, fourteenth session)
showed which faithful paraphrases it alone refused and which edits it alone caught; these are the
narrowings that kept every edit it caught."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The reform would give students more independence from their families.",
            "The reform would give students greater independence from their families.",
        ),
        (
            "The singer at first cancelled two concerts after hurting her wrist.",
            "The singer initially cancelled two concerts after hurting her wrist.",
        ),
        (
            "The painter is most famous for his portraits of dockers.",
            "The painter is best known for his portraits of dockers.",
        ),
    ],
)
def test_a_modifier_the_links_give_for_the_passage_one_is_no_swap(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The striker is close to fitness after an ankle operation.",
            "The striker is close to fitness after a knee operation.",
        ),
        (
            "The veteran MP said he will stand again at the next election.",
            "The veteran MP said he will stand down at the next election.",
        ),
        (
            "The club reached the cup semi-finals on Saturday.",
            "The club reached the cup quarter-finals on Saturday.",
        ),
    ],
)
def test_a_modifier_no_link_gives_is_still_a_swap(claim: str, passage: str) -> None:
    assert verify(claim, passage).verdict != "supported"
