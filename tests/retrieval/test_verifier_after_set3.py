"""Rules added after held-out set 3's one run was read (set 3 is a development set since)."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        # a verb WordNet gives a sense of, for a verb the lexicon does not pair
        (
            "The service lets people make free calls to other users of the network.",
            "The service allows people to make free calls to other users of the network.",
        ),
        (
            "The report calls for a major overhaul of the rules on arms exports.",
            "The report demands a major overhaul of the rules on arms exports.",
        ),
        # the modal kept, though the parser hangs it off another word in the claim
        (
            "Under the rules, no listed company can be more than 80 per cent owned by its ten "
            "largest shareholders.",
            "Under the rules, no listed company can be more than 80% owned by its ten largest "
            "shareholders.",
        ),
    ],
)
def test_a_faithful_paraphrase_is_supported(claim: str, passage: str) -> None:
    assert verify(claim, passage).verdict == "supported", verify(claim, passage)


def test_the_same_verb_with_the_opposite_particle_is_contradicted() -> None:
    passage = "The captain came off in the 67th minute with a shoulder injury."
    check = verify(passage.replace("came off", "came on"), passage)
    assert (check.verdict, check.kind) == ("contradicted", "predicate"), check


def test_can_made_will_is_not_supported() -> None:
    passage = "The manager believes his side can finish in the top four this season."
    check = verify(passage.replace("can finish", "will finish"), passage)
    assert (check.verdict, check.kind) == ("not_found", "hedge"), check


def test_a_verb_sharing_a_wordnet_sense_is_still_refused_when_it_is_an_opposite() -> None:
    # 'reopened' shares no sense with 'closed', and WordNet calls 'open'/'close' opposites
    passage = "A refinery in Houston was closed because of mechanical problems on Tuesday."
    check = verify(passage.replace("closed", "reopened"), passage)
    assert check.verdict != "supported", check
