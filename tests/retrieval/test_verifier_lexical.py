"""A verb said in a nearby word: WordNet's hypernyms and verb groups, in the passage verb's place,
never an opposite (fifth session; held-out set 5's refused paraphrases, read after its run).
Sentences written for the tests."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        # a direct hypernym: 'form' is a way to 'create'
        (
            "The group was created in 1998 when two regional banks merged.",
            "The group was formed in 1998 when two regional banks merged.",
        ),
        # one verb group: 'withdraw' / 'pull out'
        (
            "The cyclist pulled out of the race after a crash on the second day.",
            "The cyclist withdrew from the race after a crash on the second day.",
        ),
        # two hypernym steps up, the claim the more general: 'show' evidence for 'produce' it
        (
            "Applicants must show evidence of their address at the town hall.",
            "Applicants must produce evidence of their address at the town hall.",
        ),
    ],
)
def test_a_verb_in_a_nearby_word_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # sisters under one hypernym are opposites as often as not
        ("Shares in the firm rose 5% on Monday.", "Shares in the firm fell 5% on Monday."),
        (
            "The council approved the plan for a new stadium.",
            "The council rejected the plan for a new stadium.",
        ),
        ("The club bought the striker for £5m.", "The club sold the striker for £5m."),
        # WordNet's phrase is another verb: 'close in on' is not 'close' (complete)
        (
            "The club has completed a £2m deal for the striker.",
            "The club is closing in on a £2m deal for the striker.",
        ),
    ],
)
def test_opposites_and_other_phrases_are_still_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # a participle that is a WordNet adjective of the passage's: 'prepared to' / 'willing to'
        (
            "Anyone prepared to declare their savings will pay a lower rate, the minister said.",
            "The minister said anyone willing to declare their savings will pay a lower rate.",
        ),
        # 'stop X from doing' / 'prevent X doing': the parser hangs 'doing' off X
        (
            "Red tape is still stopping small firms from bidding for public contracts, she said.",
            "She said red tape was still preventing small firms bidding for public contracts.",
        ),
    ],
)
def test_other_words_of_one_meaning_are_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


def test_letting_is_not_preventing() -> None:
    # a guard: the negative implicative still counts against its opposite
    check = verify(
        "Red tape is still letting small firms bid for public contracts, she said.",
        "She said red tape was still preventing small firms bidding for public contracts.",
    )
    assert check.verdict != "supported", check
