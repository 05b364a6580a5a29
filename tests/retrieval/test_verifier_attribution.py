"""Attribution: what the passage reports as someone's word the claim may not state as fact."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        # a verb of saying the lexicon does not list, known to WordNet
        (
            "The referee had been influenced by the home side's coach at half-time.",
            "The manager intimated that the referee had been influenced by the home side's "
            "coach at half-time.",
        ),
        # 'is reported to be': a passive verb of saying with what is said as its complement
        (
            "The singer, born in Lagos, is the best-selling artist in the country.",
            "The singer, born in Lagos, is reported to be the best-selling artist in the country.",
        ),
        # the small parser joins the trailing '..., X told Y' as a conjunct without a subject
        (
            "Russia's forces have retaken 30 settlements in the border region over the last "
            "four days.",
            "Russia's forces have retaken 30 settlements in the border region over the last "
            "four days, chief of the general staff Valery Gerasimov told the Kremlin leader.",
        ),
        # an inner 'questioning whether' does not keep the outer 'according to'
        (
            "Analysts are now questioning whether the broker can keep its record of growth.",
            "According to the Financial Times, analysts are now questioning whether the broker "
            "can keep its record of growth.",
        ),
    ],
)
def test_a_dropped_source_is_not_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == ("not_found", "attribution"), check
    assert verify(passage, passage).verdict == "supported"


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The singer, born in Lagos, is reported to be the country's best-selling artist.",
            "The singer, born in Lagos, is reported to be the best-selling artist in the country.",
        ),
        # the claim keeps the passage's own verb of saying
        (
            "Morgan Stanley has forecast that the mobile market is likely to grow by about 40 "
            "per cent a year.",
            "Investment bank Morgan Stanley has forecast that the mobile market is likely to "
            "grow by about 40 per cent a year.",
        ),
    ],
)
def test_a_claim_that_keeps_the_source_is_supported(claim: str, passage: str) -> None:
    assert verify(claim, passage).verdict == "supported", verify(claim, passage)


def test_a_verb_with_a_clause_is_still_a_predicate_when_wordnet_calls_it_one_of_saying() -> None:
    # 'agree' is a verb of communication in WordNet; 'has agreed' is still a deed to compare
    passage = "Several ministers are among those who have asked for an apology but so far the "
    passage += "mayor has refused."
    claim = passage.replace("but", "and").replace("refused", "agreed")
    check = verify(claim, passage)
    assert check.verdict == "contradicted", check
