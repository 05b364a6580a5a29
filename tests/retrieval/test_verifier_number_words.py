"""Figures in words and abbreviations: 'a quarter of a million' is 250,000, '£50m.' is £50
million, 'two million' is 2m; and 'a billion' is not 'half a billion' (fifth session; held-out
set 5, read after its run). Sentences written for the tests."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The plan predicted that 250,000 visitors would come within a decade.",
            "The plan forecast a quarter of a million visitors coming within a decade.",
        ),
        (
            "The scheme was dropped after costing £50 million.",
            "The scheme was dropped after costing £50m.",
        ),
        (
            "By May the filter was stopping over 2m junk e-mails a month.",
            "By May the filter was stopping more than two million junk e-mails a month.",
        ),
        (
            "The museum expects 750,000 visitors this year.",
            "The museum expects three quarters of a million visitors this year.",
        ),
        # the noun read from the surface: the parser picks another word of 'spam-related'
        (
            "By May the filter was stopping over 2m spam-related e-mails a month.",
            "By May the filter was stopping more than two million spam related e-mail "
            "messages a month.",
        ),
    ],
)
def test_a_figure_in_other_words_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "Trade between the two could cross a billion dollars this year, the minister said.",
            "Trade between the two could cross half a billion dollars this year, the minister "
            "said.",
        ),
        (
            "The plan forecast half a million visitors within a decade.",
            "The plan forecast a quarter of a million visitors within a decade.",
        ),
        ("The scheme cost £50bn.", "The scheme cost £50 million."),
    ],
)
def test_another_figure_in_words_is_contradicted(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == ("contradicted", "quantity"), check
