"""A claim verb, adjective or adverb the Moby thesaurus gives for the passage word it replaces,
where WordNet links neither (seventh session): 'urged' / 'called on', 'thrilled' / 'delighted'.
Nouns are left out (a thesaurus lists kinds of one thing together: 'ankle' / 'knee'), a particle
verb is looked up only as its phrase ('closing in on' is not 'closing'), and the opposite tests
still come first. Sentences written for the tests; the real parser and the real thesaurus file."""

from __future__ import annotations

import pytest

from retrieval import thesaurus
from retrieval.verifier import verify


def test_the_thesaurus_ships_and_links_both_ways_in_either_spelling() -> None:
    assert thesaurus.known("urge")
    assert thesaurus.same("urge", "call on") and thesaurus.same("call on", "urge")
    assert thesaurus.same("thrilled", "delighted") and thesaurus.same("delighted", "thrilled")
    # Moby is American: a British spelling is read as the American one
    assert thesaurus.same("organise", "arrange") and thesaurus.same("arrange", "organise")
    assert not thesaurus.same("praise", "criticise")


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The union leader has called on ministers to approve the pay deal before Easter.",
            "The union leader has urged ministers to approve the pay deal before Easter.",
        ),
        (
            "The young striker is thrilled to have been picked for the national squad.",
            "The young striker is delighted to have been picked for the national squad.",
        ),
        (
            "Plans for a new ring road around the town have been dropped by the council.",
            "Plans for a new ring road around the town have been scrapped by the council.",
        ),
    ],
)
def test_a_word_the_thesaurus_gives_for_the_passage_word_is_supported(
    claim: str, passage: str
) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # nouns: the thesaurus lists 'knee' under 'ankle'
        (
            "The defender is close to fitness after an ankle operation in March.",
            "The defender is close to fitness after a knee operation in March.",
        ),
        # a particle verb is its phrase: 'close in on' is not 'close' (= complete)
        (
            "The club has completed a £2m deal for the Danish midfielder.",
            "The club is closing in on a £2m deal for the Danish midfielder.",
        ),
    ],
)
def test_what_the_thesaurus_links_loosely_is_not_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check


def test_without_the_thesaurus_package_nothing_more_is_linked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    claim = "The union leader has called on ministers to approve the pay deal before Easter."
    passage = "The union leader has urged ministers to approve the pay deal before Easter."
    monkeypatch.setattr(thesaurus, "_source", lambda: None)
    for cached in (thesaurus._lines, thesaurus._entry, thesaurus.same):
        cached.cache_clear()
    try:
        assert not thesaurus.same("urge", "call on")
        check = verify(claim, passage)
        assert check.verdict == "not_found" and check.kind == "predicate", check
    finally:
        monkeypatch.undo()
        for cached in (thesaurus._lines, thesaurus._entry, thesaurus.same):
            cached.cache_clear()
    assert verify(claim, passage).verdict == "supported"
