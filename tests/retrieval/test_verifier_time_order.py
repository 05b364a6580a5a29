"""'A after B' is 'B before A': the same order told from the other end is a paraphrase, and the
same word with the two events crossed is a date error."""

from __future__ import annotations

from retrieval.verifier import verify

PASSAGE = "Shares in the firm rose to 310p in early trading before closing at 295p."


def test_the_same_order_told_from_the_other_end_is_supported() -> None:
    claim = "Shares in the firm closed at 295p, after rising to 310p in early trading."
    check = verify(claim, PASSAGE)
    assert check.verdict == "supported", check


def test_the_same_time_word_with_the_events_crossed_is_a_date_error() -> None:
    claim = "Shares in the firm closed at 295p before rising to 310p in early trading."
    check = verify(claim, PASSAGE)
    assert check.verdict == "contradicted", check
    assert check.kind == "date"


def test_the_opposite_time_word_on_the_same_order_is_still_a_date_error() -> None:
    claim = "Shares in the firm rose to 310p in early trading after closing at 295p."
    check = verify(claim, PASSAGE)
    assert check.verdict == "contradicted", check
    assert check.kind == "date"


def test_a_time_clause_moved_to_the_front_is_supported() -> None:
    claim = "Before closing at 295p, shares in the firm rose to 310p in early trading."
    check = verify(claim, PASSAGE)
    assert check.verdict == "supported", check
