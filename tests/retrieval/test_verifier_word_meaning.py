"""A claim word put for the passage word it replaces, judged by meaning the same way both ways
(sixth session): WordNet's senses in every part of speech, the senses a step away (hypernyms,
derivations, verb groups, similar and see-also senses) and the words of each one's definitions;
never when one's definition denies the other. Sentences written for the tests."""

from __future__ import annotations

import pytest

from retrieval import wordnet
from retrieval.verifier import verify


def test_the_meaning_table_ships_and_judges_pairs_the_same_both_ways() -> None:
    assert wordnet.MEANING.is_file()
    for a, b, pa, pb in [
        ("consider", "weigh", "v", "v"),  # 'consider': 'think about carefully; weigh'
        ("fast", "quickly", "r", "r"),  # 'fast': 'quickly or rapidly'
        ("win", "winner", "v", "n"),  # a derivation
        ("create", "form", "v", "v"),  # a hypernym
    ]:
        assert wordnet.same_meaning(a, b, pa, pb) and wordnet.same_meaning(b, a, pb, pa)
    for a, b in [("accept", "deny"), ("win", "lose")]:  # 'deny': 'refuse to accept'
        assert wordnet.opposite_meaning(a, b) and wordnet.opposite_meaning(b, a)
        assert not wordnet.same_meaning(a, b, "v", "v")
    # a definition's own negator is not denied ('prevent': 'stop (someone) from doing')
    assert not wordnet.opposite_meaning("stop", "prevent")
    # a word in a definition is read as written: 'close in' is 'surround completely'
    assert not wordnet.same_meaning("complete", "close in", "v", "v")


@pytest.mark.parametrize(
    "claim, passage",
    [
        # an adverb defined by the other
        (
            "Young people in the cities are quickly taking up smartphones.",
            "Young people in the cities are fast taking up smartphones.",
        ),
        # a noun derived from the verb
        (
            "A small jazz trio from Lisbon won the newcomer category.",
            "Winner of the newcomer category was a small jazz trio from Lisbon.",
        ),
        # a verb WordNet gives a sense of the other's ('raise' / 'take' a stake)
        (
            "The investor bought another 3% of the club, raising his stake to 30%.",
            "The investor bought another 3% of the club, taking his stake to 30%.",
        ),
    ],
)
def test_a_word_with_the_same_meaning_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # one's definition denies the other: 'deny' is 'refuse to accept'
        (
            "Analysts say the budget has a £5bn gap, a claim accepted by the minister.",
            "Analysts say the budget has a £5bn gap, a claim denied by the minister.",
        ),
        # a stop word or an auxiliary is no stand-in ('hurt' is a sense away from 'have')
        (
            "The launch of its new range had hurt sales, the retailer said.",
            "The launch of its new range had boosted sales, the retailer said.",
        ),
        # a prefixed form says more than its verb: 'outselling' is not 'selling'
        (
            "The latest release is selling fewer copies than the band's comeback single Home.",
            "The latest release is outselling the band's comeback single Home plus other new "
            "releases.",
        ),
    ],
)
def test_a_word_of_another_meaning_is_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check


def test_a_denied_word_is_a_contradiction() -> None:
    check = verify(
        "Analysts say the budget has a £5bn gap, a claim accepted by the minister.",
        "Analysts say the budget has a £5bn gap, a claim denied by the minister.",
    )
    assert check.verdict == "contradicted" and check.kind == "predicate", check
