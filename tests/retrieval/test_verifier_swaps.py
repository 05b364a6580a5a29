"""Two phrases exchanged in the passage's own wording are a role swap, though the small parser
misreads the names around them ('retrieval/swaps.py'); trading the two items of one 'A and B', or
moving one phrase, is not. Sentences from the development sets (ids given) or written for the
tests; the real parser."""

from __future__ import annotations

import pytest

from retrieval import swaps
from retrieval.verifier import parse, verify

# (claim, passage): the claim exchanges two phrases of the passage
EXCHANGED = {
    # a name put for a pronoun and back, across a possessive (set 3, z073)
    "possessive and pronoun": (
        "Everton manager David Moyes will discipline striker James Beattie after all for Chelsea "
        "defender William Gallas's headbutt on him.",
        "Everton manager David Moyes will discipline striker James Beattie after all for his "
        "headbutt on Chelsea defender William Gallas.",
    ),
    # names traded, their titles left behind (set 3, z086)
    "names without their titles": (
        "Wireless provider Skype and net telephony firm Broadreach are rolling out a service at "
        "350 hotspots around the UK this week.",
        "Wireless provider Broadreach and net telephony firm Skype are rolling out a service at "
        "350 hotspots around the UK this week.",
    ),
    # the giver and the one introduced (set 4, w038)
    "who introduced whom": (
        "On a visit to Los Angeles, actor Nicolas Cage introduced him to his former wife.",
        "On a visit to Los Angeles, his former wife introduced him to actor Nicolas Cage.",
    ),
    # a describing participle traded with an adjective (set 6, u111)
    "which singles overtook": (
        "Physical singles have now overtaken downloaded singles in the UK.",
        "Downloaded singles have now overtaken physical singles in the UK.",
    ),
    # titles of works, one holding a verb (dev5, d5052)
    "titles of works": (
        "She picked up best R&B song for The Diary of Alicia Keys and best R&B album for You "
        "Don't Know My Name.",
        "She picked up best R&B song for You Don't Know My Name and best R&B album for The Diary "
        "of Alicia Keys.",
    ),
    # two sums traded, the passage saying more after them (set 5, v162)
    "sums traded": (
        "The Tories claim they can improve services and cut taxes through £22bn efficiency "
        "savings, while Labour has offered £35bn savings but has yet to map out precise tax "
        "proposals.",
        "The Tories claim they can improve services AND cut taxes through £35bn efficiency "
        "savings, while Labour has offered £22bn savings but has yet to map out precise tax "
        "proposals, although there is little chance they will propose increases.",
    ),
}

# (claim, passage): faithful; the same words, nothing exchanged
KEPT = {
    # the two items of one 'and' traded
    "items of one and": (
        "Talks between Britain and Iran resumed in Geneva on Monday.",
        "Talks between Iran and Britain resumed in Geneva on Monday.",
    ),
    # a conjunct with its title traded whole, though the parser reads the claim badly (set 2, y037)
    "conjuncts with titles": (
        "Tess Daly and veteran presenter Bruce Forsyth will host the programme.",
        "Veteran presenter Bruce Forsyth and Tess Daly will host the programme.",
    ),
    # two phrases of place and time exchanged: where and when, not who did what
    "place and time exchanged": (
        "At the weekend the band played in Glasgow to a sell-out crowd.",
        "In Glasgow the band played at the weekend to a sell-out crowd.",
    ),
    # one phrase moved, not two exchanged
    "a phrase moved": (
        "Sales of the console rose by 20% in 2004, the company said.",
        "In 2004, sales of the console rose by 20%, the company said.",
    ),
}


@pytest.mark.parametrize("name", list(EXCHANGED))
def test_two_phrases_exchanged_are_a_role_swap(name: str) -> None:
    claim, passage = EXCHANGED[name]
    check = verify(claim, passage)
    assert check.verdict == "contradicted", check
    assert check.kind == "role", check
    assert verify(passage, passage).verdict == "supported"


@pytest.mark.parametrize("name", list(KEPT))
def test_the_same_words_with_nothing_exchanged_stay_supported(name: str) -> None:
    claim, passage = KEPT[name]
    assert verify(claim, passage).verdict == "supported"
    assert swaps.exchanged(parse(claim), parse(passage)) is None
