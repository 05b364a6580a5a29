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


def test_a_count_the_passage_never_gives_is_not_supported() -> None:
    # A small count spelt as a word that the passage does not give is an invented figure
    # (this session's ablation narrowing, 112e636, let it through; reverted).
    check = verify("Three people died in the crash.", "People died in the crash.")
    assert check.verdict != "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The talks, which lasted around two hours, ended without a deal.",
            "The talks, which lasted around an hour, ended without a deal.",
        ),
        (
            "The regulator made the proposal two years ago.",
            "The regulator made the proposal last year.",
        ),
        (
            "The presenter quit his BBC Two show in January.",
            "The presenter quit his BBC One show in January.",
        ),
        (
            "The three firms will benefit first.",
            "The two firms will benefit first.",
        ),
    ],
)
def test_a_count_of_time_a_name_or_against_another_figure_is_still_refused(
    claim: str, passage: str
) -> None:
    assert verify(claim, passage).verdict != "supported"


def test_a_courtesy_title_is_no_side_of_a_name() -> None:
    claim = "Peter Hart, Mr Hart's father, said the family had been told he was safe."
    passage = "Mr Hart's father, Peter, said the family had been told he was safe."
    check = verify(claim, passage)
    assert check.verdict == "supported", check


def test_another_side_on_the_same_noun_is_still_refused() -> None:
    claim = "Ukrainian troops have retaken the town after a week of fighting."
    passage = "Russian troops have retaken the town after a week of fighting."
    assert verify(claim, passage).verdict != "supported"


def test_a_name_that_starts_with_a_digit_is_a_name() -> None:
    # '3ami' is tagged a number by the small parser, yet no figure is read from it: it was
    # checked by nothing, and a company the passage never names passed (set 14, cv029).
    passage = "BridgeHead Software has come up with techniques to prove that no file was altered."
    claim = "3ami has come up with techniques to prove that no file was altered."
    assert verify(claim, passage).verdict != "supported"
    assert verify(claim, claim).verdict == "supported"
