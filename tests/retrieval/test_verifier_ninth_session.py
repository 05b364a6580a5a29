"""Ninth session: who did what to whom read from word order where the small parser misreads the
sentence; a comparison of two things the passage does not compare; verbs whose thesaurus entries
overlap much; 'should' put first as 'if'; 'would' as a past verb's future; converse verbs.
Pairs written for the tests or from the development sets (the ids say which); the real
parser."""

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
    # an active verb without an object says what the passive says (set 8, b266, shortened)
    "b266 jobs move": (
        "Unions fear that as many as 300 jobs could move to London if the takeover goes ahead.",
        "Unions fear that as many as 300 jobs would be moved to London if the takeover goes ahead.",
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


# (claim, passage): a comparison of two things where the passage compares nothing
NOT_COMPARED = {
    "v067 more nominations than": (
        "Mike Leigh's Vera Drake received more nominations at this year's British Independent "
        "Film Awards than Shane Meadows' Dead Man's Shoes.",
        "Mike Leigh's award-winning abortion drama Vera Drake has scooped seven nominations at "
        "this year's British Independent Film Awards. But the Venice winner faces stiff "
        "competition from Shane Meadows' critically acclaimed Dead Man's Shoes, which received "
        "eight nominations.",
    ),
    "b023 more closed than opened": (
        "Since 1997 more overseas posts have been closed than new embassies or consulates opened.",
        "Since 1997 10 overseas posts have been closed - excluding Wednesday's cuts - but 18 new "
        "embassies or consulates have been opened.",
    ),
}

# (claim, passage): 'than' before a figure, the quantity tests' part
THAN_KEPT = {
    "u074 more than a figure": (
        "Running operations in more than 30 countries across the Americas, Europe and Asia "
        "Pacific, it employs 77,000 people.",
        "It employs 77,000 people, running operations in over 30 countries across the Americas, "
        "Europe and Asia Pacific.",
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_COMPARED))
def test_a_comparison_the_passage_does_not_make_is_not_supported(name: str) -> None:
    claim, passage = NOT_COMPARED[name]
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == ("not_found", "comparison"), check


@pytest.mark.parametrize("name", sorted(THAN_KEPT))
def test_than_that_compares_no_two_things_is_supported(name: str) -> None:
    claim, passage = THAN_KEPT[name]
    check = verify(claim, passage)
    assert check.verdict == "supported", check


# (claim, passage): a verb neither lists for the other, whose thesaurus entries overlap much
NEAR_KEPT = {
    "described / called": (
        "The singer described the award as a great honour.",
        "The singer called the award a great honour.",
    ),
    "overtaken / beaten": (
        "Jugnot has overtaken Depardieu as France's best-paid actor.",
        "Jugnot has beaten Depardieu to become France's best-paid actor.",
    ),
}

# (claim, passage): entries that overlap, but one lists the other's opposite, or overlap too little
NEAR_CAUGHT = {
    # 'slip' lists 'fall', WordNet's opposite of 'climb'
    "climbed / slipped": (
        "Shares in the company climbed 5% on Monday.",
        "Shares in the company slipped 5% on Monday.",
    ),
    # set 7, p025: the entries overlap, under the share the development sets allow
    "p025 sacked / resigned": (
        "The man making sure US computer networks are safe and secure has been sacked after only "
        "a year in his post.",
        "The man making sure US computer networks are safe and secure has resigned after only a "
        "year in his post.",
    ),
}


@pytest.mark.parametrize("name", sorted(NEAR_KEPT))
def test_a_verb_near_in_the_thesaurus_is_supported(name: str) -> None:
    claim, passage = NEAR_KEPT[name]
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize("name", sorted(NEAR_CAUGHT))
def test_a_verb_near_an_opposite_is_not_supported(name: str) -> None:
    claim, passage = NEAR_CAUGHT[name]
    check = verify(claim, passage)
    assert check.verdict != "supported", check


# (claim, passage): 'should' before its subject is 'if', no hedge (set 6, u093)
INVERTED = (
    "Leicester say they will not rush into bidding for Andy Farrell if the Great Britain rugby "
    "league captain decides to switch codes.",
    "Leicester say they will not be rushed into making a bid for Andy Farrell should the Great "
    "Britain rugby league captain decide to switch codes.",
)


def test_should_before_its_subject_is_a_condition_not_a_hedge() -> None:
    check = verify(*INVERTED)
    assert check.verdict == "supported", check


def test_should_after_its_subject_is_still_a_hedge() -> None:
    check = verify(
        "Leicester say the captain decides to switch codes.",
        "Leicester say the captain should decide to switch codes.",
    )
    assert (check.verdict, check.kind) == ("not_found", "hedge"), check


# 'would' in a relative clause on the object of a past verb is that verb's future (set 3, z172)
FUTURE_IN_PAST = (
    "Mr Straw and his Spanish counterpart Miguel Moratinos agreed in October to establish a body "
    "giving Gibraltarians a voice in their future.",
    "In October, Mr Straw and his Spanish counterpart Miguel Moratinos agreed to establish a body "
    "that would give Gibraltarians a voice in their future.",
)


def test_would_after_a_past_verb_is_its_future_not_a_hedge() -> None:
    check = verify(*FUTURE_IN_PAST)
    assert check.verdict == "supported", check


def test_would_after_a_present_verb_is_still_a_hedge() -> None:
    check = verify(
        "The council backs a plan that gives tenants a voice in their future.",
        "The council backs a plan that would give tenants a voice in their future.",
    )
    assert (check.verdict, check.kind) == ("not_found", "hedge"), check


# converse verbs: the opposite verb with its two parties traded says the same
CONVERSE_KEPT = (
    "Vivendi sold the studio to General Electric.",
    "General Electric bought the studio from Vivendi.",
)
CONVERSE_KEPT_TOO = (
    "Vivendi bought the studio from General Electric.",
    "General Electric sold the studio to Vivendi.",
)
# the opposite verb with the same parties in the same places is still an opposite predicate
CONVERSE_CAUGHT = {
    "sold for bought": (
        "General Electric sold the studio to Vivendi.",
        "General Electric bought the studio from Vivendi.",
    ),
    "lost to for beat": (
        "Williams lost to Mirza in the third round.",
        "Williams beat Mirza in the third round.",
    ),
}


@pytest.mark.parametrize("pair", [CONVERSE_KEPT, CONVERSE_KEPT_TOO])
def test_a_converse_verb_with_its_parties_traded_is_supported(pair: tuple[str, str]) -> None:
    check = verify(*pair)
    assert check.verdict == "supported", check


@pytest.mark.parametrize("name", sorted(CONVERSE_CAUGHT))
def test_an_opposite_verb_with_its_parties_kept_is_contradicted(name: str) -> None:
    check = verify(*CONVERSE_CAUGHT[name])
    assert check.verdict == "contradicted", check
