"""Comparison edits (thirteenth session): ranks, comparatives and bounds the claim must keep.
Sentences written for the tests; the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import _ordinal, parse, verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        # an ordinal in digits, or a word past 'tenth', is a rank like 'third'
        (
            "The tournament marks the coach's first season in charge of the national side.",
            "The tournament marks the coach's 14th season in charge of the national side.",
        ),
        (
            "She is the first minister to resign over the report.",
            "She is the eleventh minister to resign over the report.",
        ),
        (
            "It was the band's third album to top the charts.",
            "It was the band's twenty-third album to top the charts.",
        ),
    ],
)
def test_another_rank_is_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "contradicted", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The tournament marks the coach's fourteenth season in charge of the national side.",
            "The tournament marks the coach's 14th season in charge of the national side.",
        ),
        (
            "It was the band's 23rd album to top the charts.",
            "It was the band's twenty-third album to top the charts.",
        ),
    ],
)
def test_the_same_rank_written_otherwise_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


def test_ordinal_values() -> None:
    doc = parse("the twelfth man, the 21st century, the twentieth round and the hundredth day")
    ranks = {t.text: _ordinal(t) for t in doc if _ordinal(t) is not None}
    assert ranks == {"twelfth": 12, "21st": 21, "twentieth": 20, "hundredth": 100}
    # digits beside a month are a date, the date tests' part
    assert all(_ordinal(t) is None for t in parse("The sale ends on March 17th."))


@pytest.mark.parametrize(
    "claim, passage",
    [
        # the passage's 'more' bounds a figure; the claim's compares the storms
        (
            "The region suffered more storms, and more than 300 homes were flooded.",
            "The region suffered fewer storms, but more than 300 homes were flooded.",
        ),
    ],
)
def test_a_comparative_is_not_answered_by_a_figures_bound(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "contradicted", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # the same adjective (or a synonym) compared the other way
        (
            "Smaller firms face less stringent rules than banks.",
            "Smaller firms face tougher rules than banks.",
        ),
        (
            "Smaller firms face stricter rules than banks.",
            "Smaller firms face less stringent rules than banks.",
        ),
    ],
)
def test_a_comparison_run_the_other_way_is_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "contradicted" and check.kind == "comparison", check


def test_a_comparison_run_the_same_way_is_supported() -> None:
    check = verify(
        "Smaller firms face more stringent rules than banks.",
        "Smaller firms face tougher rules than banks.",
    )
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # 'a' after a bound is the figure one, bounded like any figure
        (
            "The minister was out of the cabinet for just under a year.",
            "The minister was out of the cabinet for just more than a year.",
        ),
        (
            "The new bypass runs for more than a mile.",
            "The new bypass runs for almost a mile.",
        ),
    ],
)
def test_a_bound_on_a_unit_said_with_a_is_compared(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "contradicted" and check.kind == "comparison", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The minister was out of the cabinet for just over a year.",
            "The minister was out of the cabinet for just more than a year.",
        ),
        ("The new bypass runs for nearly a mile.", "The new bypass runs for almost a mile."),
        # no bound: 'over a year' as a span, and 'a third' a share, not the figure one
        ("Prices rose over a year.", "Prices rose over a year."),
        (
            "More than a third of voters backed the plan.",
            "Over a third of voters backed the plan.",
        ),
    ],
)
def test_the_same_bound_on_a_unit_said_with_a_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


def test_a_year_bounded_the_other_way_is_refused() -> None:
    check = verify(
        "The deal keeps the club at the ground until less than 2010.",
        "The deal keeps the club at the ground until at least 2010.",
    )
    assert check.verdict == "contradicted" and check.kind == "comparison", check


def test_a_year_bounded_the_same_way_is_supported() -> None:
    check = verify(
        "The club will stay at the ground until at least 2010.",
        "The club will remain at its ground until at least 2010.",
    )
    assert check.verdict == "supported", check


def test_the_place_itself_for_a_group_of_places_is_refused() -> None:
    check = verify(
        "The new coach has taken the club to the top of the league.",
        "The new coach has taken the club into the league's top six.",
    )
    assert check.verdict == "contradicted" and check.kind == "comparison", check


def test_the_group_of_places_said_again_is_supported() -> None:
    check = verify(
        "The new coach has taken the club into the top six of the league.",
        "The new coach has taken the club into the league's top six.",
    )
    assert check.verdict == "supported", check


def test_a_number_in_a_name_makes_no_group() -> None:
    # x036 (check_pairs_holdout): 'Million' is a word of the film's name
    check = verify(
        "Sideways knocked out favourites Million Dollar Baby and The Aviator by taking the top "
        "prize for best cast performance.",
        "Modest wine country comedy Sideways knocked out favourites Million Dollar Baby and The "
        "Aviator by taking the top prize for best cast performance.",
    )
    assert check.verdict == "supported", check
