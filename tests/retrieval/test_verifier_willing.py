"""The infinitive of an adjective of ability or willingness is denied with it (twelfth session):
'is not prepared to recommend' does not recommend, 'unable to play' does not play, as 'would not
recommend' and 'could not play' say. Other adjectives keep their deed ('not afraid to say').
Sentences written for the tests; the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The board said it would not recommend the offer to its shareholders.",
            "The board said it is not prepared to recommend the offer to its shareholders.",
        ),
        (
            "The club said the striker was unable to play on Saturday.",
            "The club said the striker could not play on Saturday.",
        ),
        # the prefix and the copula's 'not' count alike
        (
            "The survey found that 43% were unwilling to give out personal details online.",
            "The survey found that 43% were not willing to hand over personal details online.",
        ),
    ],
)
def test_a_denied_adjective_of_willingness_denies_its_infinitive(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The board said it would recommend the offer to its shareholders.",
            "The board said it is not prepared to recommend the offer to its shareholders.",
        ),
        (
            "The club said the striker was able to play on Saturday.",
            "The club said the striker was not able to play on Saturday.",
        ),
    ],
)
def test_the_deed_said_where_the_passage_denies_it_is_contradicted(
    claim: str, passage: str
) -> None:
    check = verify(claim, passage)
    assert check.verdict == "contradicted" and check.kind == "negation", check
