"""The one rank each text gives, on the thing counted through a measure word: 'his second piece
of silverware' for 'his first silverware' (set 6, u027); the same rank said so stays supported.
The real parser."""

from __future__ import annotations

from retrieval.verifier import verify

PASSAGE = "It was an amazing climax which gave Mourinho his first silverware as Chelsea manager."


def test_another_rank_on_a_measure_word_contradicts() -> None:
    claim = (
        "It was an amazing climax which gave Mourinho his second piece of silverware as Chelsea "
        "manager."
    )
    check = verify(claim, PASSAGE)
    assert check.verdict == "contradicted", check
    assert check.kind == "comparison", check


def test_the_same_rank_on_a_measure_word_is_supported() -> None:
    claim = (
        "It was an amazing climax which gave Mourinho his first piece of silverware as Chelsea "
        "manager."
    )
    assert verify(claim, PASSAGE).verdict == "supported"
