"""What the verifier learns from WordNet: opposites and near-synonyms outside its own lexicon."""

from __future__ import annotations

import pytest

from retrieval import wordnet
from retrieval.verifier import verify


def test_the_wordnet_tables_ship_with_the_package_and_read_in_both_directions() -> None:
    assert wordnet.ANTONYMS.is_file() and wordnet.SIMILAR.is_file() and wordnet.SAYING.is_file()
    assert wordnet.are_antonyms("temporary", "permanent")
    assert wordnet.are_antonyms("permanent", "temporary")
    assert wordnet.are_antonyms("slowly", "rapidly")  # adverbs, through 'slow'/'fast'
    assert wordnet.are_antonyms("turn on", "turn off")
    assert not wordnet.are_antonyms("rapidly", "quickly")
    assert wordnet.similar("rapidly", "quickly")
    assert not wordnet.similar("rapidly", "slowly")
    assert wordnet.is_saying_verb("intimate") and not wordnet.is_saying_verb("score")


@pytest.mark.parametrize(
    "claim, passage",
    [
        # an adjective the lexicon does not know
        (
            "The club has put its assistant coach in permanent charge of the first team.",
            "The club has put its assistant coach in temporary charge of the first team.",
        ),
        # an adverb, known to WordNet through the adjective it comes from
        (
            "The new worm is spreading slowly across company networks.",
            "The new worm is spreading rapidly across company networks.",
        ),
        # the same verb with the opposite particle
        (
            "Once installed, the program turns on the firewall that protects the PC.",
            "Once installed, the program turns off the firewall that protects the PC.",
        ),
        # the small parser hangs 'slowest' and 'fastest' off different words
        (
            "The teenager ran the third slowest indoor 400m of all time in Arkansas.",
            "The teenager ran the third fastest indoor 400m of all time in Arkansas.",
        ),
        (
            "The minister responded calmly to the committee's questions on Tuesday.",
            "The minister responded angrily to the committee's questions on Tuesday.",
        ),
    ],
)
def test_an_opposite_only_wordnet_knows_is_contradicted(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == ("contradicted", "predicate"), check
    assert verify(passage, passage).verdict == "supported"


def test_a_modifier_put_for_another_on_the_same_verb_is_not_supported() -> None:
    passage = "The veteran MP has said he will stand down at the next general election."
    check = verify(passage.replace("stand down", "stand again"), passage)
    assert (check.verdict, check.kind) == ("not_found", "predicate"), check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The new worm is spreading quickly across company networks.",
            "The new worm is spreading rapidly across company networks.",
        ),
        # both words of an opposite pair are in the passage, in the other order
        (
            "Smith and Brown have won the guild awards for best female and male film actors.",
            "Brown and Smith have won the guild awards for best male and female film actors.",
        ),
    ],
)
def test_a_wordnet_near_synonym_or_a_reordered_pair_is_still_supported(
    claim: str, passage: str
) -> None:
    assert verify(claim, passage).verdict == "supported"


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The defender is moving closer to fitness following an ankle operation in March.",
            "The defender is moving closer to fitness following a knee operation in March.",
        ),
        # ('semi-finals' / 'quarter-finals': a step of a stage, test_verifier_scales.py)
    ],
)
def test_a_noun_put_for_the_noun_that_says_which_one_is_not_supported(
    claim: str, passage: str
) -> None:
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == ("not_found", "entity"), check


def test_the_same_noun_said_another_way_round_is_still_supported() -> None:
    passage = "The defender is moving closer to fitness following a knee operation in March."
    claim = "After an operation on his knee in March, the defender is moving closer to fitness."
    assert verify(claim, passage).verdict == "supported", verify(claim, passage)
