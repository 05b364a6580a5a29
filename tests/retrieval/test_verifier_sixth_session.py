"""Sixth session's general rules, each seen failing with its rule reverted. Sentences written for
the tests, in the shapes of the development sets' misses."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


def test_not_yet_done_and_yet_to_do_say_the_same() -> None:
    # 'yet to' is a negation cue as much as 'not yet' is
    check = verify(
        "The carmaker says it has not yet made a final decision on the new plant.",
        "The carmaker said it had yet to make a final decision on the new plant.",
    )
    assert check.verdict == "supported", check


def test_a_negation_is_judged_on_the_verb_the_claim_shares_in_its_place() -> None:
    # the passage's 'yet to agree' is about other words ('terms'), not the fee
    check = verify(
        "The club have not agreed a fee for the player.",
        "The club have agreed a fee for the player, who has yet to agree personal terms.",
    )
    assert check.verdict == "contradicted" and check.kind == "negation", check


def test_a_name_moved_to_another_place_in_the_same_phrase_is_no_swap() -> None:
    check = verify(
        "An earlier estimate in a 2001 Department of Health document suggested the ban could "
        "save 300 lives a year.",
        "A previous estimate, contained in a 2001 Department of Health Document, suggested the "
        "ban could save 300 lives a year.",
    )
    assert check.verdict == "supported", check


def test_names_swapped_between_two_nouns_are_still_a_swap() -> None:
    # both names are in both sentences, but each hangs on a noun the other sentence gives the
    # other name: a swap (a rule that only asked whether the names were there passed it)
    check = verify(
        "Tom Hanks's family comedy The Neighbours fell to the number two spot, taking $12.1m "
        "(£6.4m). New Brad Pitt movie Dusk opened at number four with $8.8m (£4.6m).",
        "Brad Pitt's family comedy The Neighbours fell to the number two spot, taking $12.1m "
        "(£6.4m). New Tom Hanks movie Dusk opened at number four with $8.8m (£4.6m).",
    )
    assert check.verdict == "contradicted" and check.kind == "role", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "At £199 in the UK, the console is cheaper than its rival, which sells for £149.",
            "The console is selling in the UK for £199 while its rival sells for £149.",
        ),
        (
            "The drama about a flood in York is the biggest highlight on BBC Two this spring.",
            "The drama about a flood in York is among the highlights on BBC Two this spring.",
        ),
    ],
)
def test_a_comparison_the_passage_does_not_make_is_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported" and check.kind == "comparison", check


def test_a_time_comparative_is_left_to_the_date_tests() -> None:
    check = verify(
        "The firm reported a profit of $50m, against a loss of $20m a year earlier.",
        "The firm reported a profit of $50m, compared with a loss of $20m a year ago.",
    )
    assert check.verdict == "supported", check


def test_decades_are_counted_in_years() -> None:
    passage = "A noted chemist, Dr Lane spent 20 years at the institute in Basel."
    assert verify(
        "Dr Lane, a noted chemist, spent two decades at the institute in Basel.", passage
    ).supported
    assert not verify(
        "Dr Lane, a noted chemist, spent three decades at the institute in Basel.", passage
    ).supported


def test_over_a_span_of_time_is_no_comparison() -> None:
    check = verify(
        "The company said deliveries of the trains will start in 2006, continuing over four years.",
        "The company said deliveries of the trains will begin in 2006 and will continue over a "
        "four-year period.",
    )
    assert check.verdict == "supported", check
