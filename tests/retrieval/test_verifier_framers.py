"""A frame needs a framer (fifteenth session; verifier set 14's refused paraphrases, read after
its run): a verb that frames by its WordNet sense alone ('agree', 'decide', 'mean', 'ensure',
'focus') frames a statement only when someone can hold it: a person, a body or a document as its
subject or agent, not a thing ('which means', 'the revolution is focused on'), nor no one ('a
duty to ensure'). Sentences written for the tests."""

from __future__ import annotations

import pytest

from retrieval import wordnet
from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        # 'which' of a thing: what the tuners make possible, no one's statement
        (
            "Viewers can record two channels at once.",
            "The box has three tuners, which means viewers can record two channels at once.",
        ),
        # 'a duty to ensure': no one holds the thought; the speaker's own frame is kept
        (
            "Councils had a duty to make sure children could walk to school safely, the "
            "minister said.",
            "The minister said councils had a duty to ensure children could walk to school safely.",
        ),
        # a passive of a thing by a phrase: how the service is, not what someone holds
        (
            "Nordpress chief Anna Berg says the new service centres on letting readers tell and "
            "share their own stories.",
            "The new service is focused on letting readers tell and share their own stories, "
            "according to Anna Berg, chief of publishing giant Nordpress.",
        ),
    ],
)
def test_a_verb_with_no_framer_frames_nothing(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # guards: a body, a person, an agent, a passive of a person hold the thought
        (
            "The factory would close in May.",
            "The board decided that the factory would close in May.",
        ),
        ("Prices would rise next year.", "Analysts agreed that prices would rise next year."),
        ("He helped to found the club.", "He is widely credited with helping to found the club."),
        (
            "The club will move to a new ground.",
            "It is understood that the club will move to a new ground.",
        ),
        # 'it' of the body named before it
        (
            "Up to 4,000 supporters will march in London.",
            "The Countryside Alliance says it expects up to 4,000 supporters to march in London.",
        ),
    ],
)
def test_a_verb_with_a_framer_still_frames(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check


def test_speaking_nouns_are_persons_bodies_and_documents() -> None:
    assert all(wordnet.can_speak(n) for n in ("analyst", "ministry", "report", "court"))
    assert not any(wordnet.can_speak(n) for n in ("revolution", "plan", "situation", "price"))


@pytest.mark.parametrize(
    "claim, passage",
    [
        # 'claims to represent': the group's own statement, not a fact
        (
            "The offer is too low, according to the fund, which represents owners of 8% of "
            "the shares.",
            "The fund, which claims to represent owners of 8% of the shares, has complained "
            "that the offer is too low.",
        ),
        (
            "The two men were taken to hospital after being hurt in a car crash.",
            "The two men were taken to hospital after claiming to have been hurt in a car crash.",
        ),
    ],
)
def test_a_verb_of_saying_frames_its_infinitive(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check


def test_a_kept_claim_to_is_supported() -> None:
    check = verify(
        "The fund claims to represent owners of 8% of the shares.",
        "The fund, which claims to represent owners of 8% of the shares, has complained.",
    )
    assert check.verdict == "supported", check
