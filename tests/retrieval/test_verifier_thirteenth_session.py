"""Thirteenth session, issue 10: readings that kept faithful paraphrases refused. Each kept pair
stands beside an edit of the same construction, which stays refused. Sentences written for the
tests (after development pairs, not copied); the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


# A gerund after a preposition of means or time says how or when the verb above it is done; a
# verb of refusal above it does not deny it ('will reject that by claiming': the claim is made).
@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The opposition will counter that by claiming they can cut taxes and raise "
            "spending at once.",
            "The opposition will reject that by claiming they can cut taxes and increase "
            "spending at the same time.",
        ),
        (
            "Ministers ended the scheme after finding it had cost £10m.",
            "Ministers halted the scheme after finding it had cost £10m.",
        ),
    ],
)
def test_a_gerund_of_means_is_not_denied_by_the_verb_above(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The union called a strike for Monday.",
            "The union refused to call a strike for Monday.",
        ),
        (
            "The minister accepted the offer.",
            "The minister rejected the offer by saying it came too late.",
        ),
    ],
)
def test_a_denied_verb_stays_denied(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check


# A verb of receiving and its noun say the passage's verb done to the receiver: 'received a
# ban' for 'was banned', 'was given a knighthood' for 'was knighted', 'suffered a defeat' for
# 'were defeated'.
@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The civil servant has been given a knighthood in the New Year Honours.",
            "The civil servant has been knighted in the New Year Honours.",
        ),
        (
            "The sprinter received a ban after testing positive for a steroid.",
            "The sprinter was banned after testing positive for a steroid.",
        ),
        (
            "Leeds suffered a defeat at Elland Road on Saturday.",
            "Leeds were defeated at Elland Road on Saturday.",
        ),
    ],
)
def test_a_verb_of_receiving_says_the_deed_done_to_its_subject(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # the one who received is not the one it was done to
        (
            "The league received a warning from the club over the fixture.",
            "The league warned the club over the fixture.",
        ),
        # the subject of 'took a beating' is not the one who beat
        (
            "The champion took a beating from the challenger on Saturday.",
            "The champion beat the challenger on Saturday.",
        ),
        # the one who suffered is not the one defeated
        (
            "Leeds suffered a defeat at Elland Road on Saturday.",
            "Leeds defeated Derby at Elland Road on Saturday.",
        ),
    ],
)
def test_a_verb_of_receiving_of_another_party_is_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check


# A verb of witnessing whose subject is the time, place or party an event befalls says only
# where the event happens: 'the firm saw its shares fall' for 'shares in the firm fell'.
@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The airline saw its shares fall by 12% after the warning.",
            "Shares in the airline fell by 12% after the warning.",
        ),
        (
            "Officials said the 2006 budget year would see a $20bn deficit.",
            "Officials said there would be a $20bn deficit in the 2006 budget year.",
        ),
    ],
)
def test_a_verb_of_witnessing_says_where_the_event_happens(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # the police are no part of the leaving
        (
            "The police saw the suspect leave the house on Monday.",
            "The suspect left the house on Monday.",
        ),
        # Ryanair is in another event's words (the warning's), not the fall's
        (
            "Ryanair saw its shares fall after the warning.",
            "EasyJet's shares fell after Ryanair's warning.",
        ),
        # the event denied
        (
            "The airline saw its shares rise by 12% after the warning.",
            "Shares in the airline fell by 12% after the warning.",
        ),
        (
            "The airline did not see its shares fall after the warning.",
            "Shares in the airline fell by 12% after the warning.",
        ),
    ],
)
def test_a_verb_of_witnessing_adds_no_other_event(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check


# A passage word the claim says in its own words elsewhere is accounted for: it is no opposite
# put for another claim word, unless it stands in that word's place.
@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "Since winning the title in May, the boxer has also lost weight.",
            "The boxer has also shed weight since winning the title in May.",
        ),
        (
            "Bookmakers have cut the odds on a Labour win, but do not rule out a late rally.",
            "Odds on a Labour win have been slashed, but bookmakers are not ruling out a late "
            "rally.",
        ),
    ],
)
def test_an_echoed_word_is_no_opposite_of_another(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # the opposite in the claim word's place, not echoed
        (
            "Since winning the title in May, the boxer has also lost the belt.",
            "The boxer has also won the belt since winning the title in May.",
        ),
        # echoed, but standing in the claim word's place
        (
            "Sales rose by 5% in May and fell again in June.",
            "Sales rose by 5% in May and rose again in June.",
        ),
    ],
)
def test_an_opposite_in_place_is_still_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "contradicted" and check.kind == "predicate", check


# The walk up from a word to the verbs that deny it stops at a question set into the sentence
# ('has not decided whether to compete': the competing is asked, not denied) and, where the
# small parser hangs an infinitive on a copula, reads the copula's 'not' as the adjective's
# ('it was not fair to blame the public': the fairness is denied, not the blaming), unless the
# adjective is one of ability or willingness ('was not able to play').
@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The minister told the BBC it was unfair to blame voters who were more interested "
            "in politics than ever.",
            "The minister told the BBC it was not fair to blame voters who were more interested "
            "in politics than ever.",
        ),
        (
            "The striker has not decided whether to play in next month's cup final in Cardiff.",
            "The striker is undecided about whether he will play in next month's cup final in "
            "Cardiff.",
        ),
    ],
)
def test_a_denial_does_not_reach_an_asked_or_judged_infinitive(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The minister told the BBC it was fair to blame voters.",
            "The minister told the BBC it was not fair to blame voters.",
        ),
        (
            "The striker has decided whether to play in the cup final.",
            "The striker has not decided whether to play in the cup final.",
        ),
        (
            "The striker was able to play in the cup final.",
            "The striker was not able to play in the cup final.",
        ),
    ],
)
def test_the_denied_word_itself_stays_denied(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "contradicted" and check.kind == "negation", check
