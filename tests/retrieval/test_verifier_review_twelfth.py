"""Review of the twelfth session (thirteenth session): a number written in two words with a
space is one figure, as the twelfth session made one written with a hyphen. The BBC corpus
writes both: 'Ninety one MPs have signed a petition' (politics/068), 'Fifty nine percent of
people said' (tech/061), beside 'Twenty-seven British films'. Read as 90 and 1, '91 MPs' was
refused and '90 MPs' supported. Sentences of those articles, and edits of them; the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify

# (claim, passage): the same figure, written in digits, with a hyphen or with a space
KEPT = [
    (
        "91 MPs have signed a petition backing the amendment.",
        "Ninety one MPs have signed a petition backing the amendment.",
    ),
    (
        "Ninety-one MPs have signed a petition backing the amendment.",
        "Ninety one MPs have signed a petition backing the amendment.",
    ),
    (
        "59% of people said they were worried that RFID tags would be used to track them.",
        "Fifty nine percent of people said they were worried that RFID tags would be used to "
        "track them.",
    ),
    # a units word that begins a compound of its own is not the tens word's: twenty matches
    (
        "The side played 20 one-day matches last year.",
        "The side played twenty one-day matches last year.",
    ),
]

# (claim, passage): another figure
REFUSED = [
    (
        "90 MPs have signed a petition backing the amendment.",
        "Ninety one MPs have signed a petition backing the amendment.",
    ),
    (
        "Ninety one MPs have signed a petition backing the amendment.",
        "Ninety-two MPs have signed a petition backing the amendment.",
    ),
    (
        "One MP has signed a petition backing the amendment.",
        "Ninety one MPs have signed a petition backing the amendment.",
    ),
]


@pytest.mark.parametrize(("claim", "passage"), KEPT)
def test_a_number_in_two_words_is_one_figure(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(("claim", "passage"), REFUSED)
def test_another_figure_for_a_number_in_two_words_is_contradicted(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == ("contradicted", "quantity"), check
