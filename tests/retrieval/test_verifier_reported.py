"""'reportedly' = 'according to reports' = 'it was reported' (fifteenth session; verifier set
14's cv097, read after its run): an adverb made of a verb of saying is a frame the claim keeps by
giving the statement to a source, as the passage's 'according to reports' is kept by
'reportedly'. Sentences written for the tests."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify

_PASSAGE = "The striker is reportedly close to signing a new contract with Lyon."


@pytest.mark.parametrize(
    "claim",
    [
        "According to reports, the striker is close to signing a new contract with Lyon.",
        "It has been reported that the striker is close to signing a new contract with Lyon.",
    ],
)
def test_a_source_keeps_reportedly(claim: str) -> None:
    check = verify(claim, _PASSAGE)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # guards: dropped, the frame is missed; a source does not keep a modal
        ("The striker is close to signing a new contract with Lyon.", _PASSAGE),
        (
            "According to reports, the striker signed a new contract with Lyon.",
            "The striker may sign a new contract with Lyon.",
        ),
    ],
)
def test_reportedly_dropped_is_still_missed(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check
