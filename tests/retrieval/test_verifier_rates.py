"""A rate's time is part of its figure: '$10bn a year' is not '$10bn a month' (held-out set 5,
v049 and v247, read after its one clean run)."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify

BROWN = (
    "Gordon Brown will need to raise about $10bn a year in order to sustain the public finances "
    "in the short term, the firm claims."
)


@pytest.mark.parametrize(
    "claim, passage",
    [
        (BROWN.replace("a year", "a month"), BROWN),
        (
            '"Every single user will contribute three to four megabytes per hour," he said.',
            '"Every single user will contribute three to four megabytes per day," he said, '
            '"about one MP3 file."',
        ),
        (
            "The economy grew 3% a year over the decade.",
            "The economy grew 3% a quarter over the decade.",
        ),
    ],
)
def test_a_rate_over_another_time_is_contradicted(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == ("contradicted", "quantity"), check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # the same rate in other words, or the rate left out (compression): guards
        (BROWN.replace("a year", "per year"), BROWN),
        (
            "The economy grew 3 per cent a year over the decade.",
            "The economy grew 3% a year over the decade.",
        ),
        # 'a year ago' is a date, not a rate
        (
            "Profits were $2bn a year ago, the firm said.",
            "Profits were $2bn a year ago, the firm said.",
        ),
    ],
)
def test_the_same_rate_in_other_words_is_supported(claim: str, passage: str) -> None:
    assert verify(claim, passage).verdict == "supported"


@pytest.mark.parametrize(
    "claim, passage",
    [
        # a rate said by a time unit's adjective or adverb (thirteenth session)
        (
            "The scheme would provide up to £40m a month for school sports.",
            "The scheme would provide up to £40m yearly for school sports.",
        ),
        (
            "The new commissioner will oversee a £3m monthly budget.",
            "The new commissioner will oversee a £3m annual budget.",
        ),
    ],
)
def test_a_rate_said_by_its_adjective_or_adverb_is_compared(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "contradicted" and check.kind == "quantity", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The scheme would provide up to £40m a year for school sports.",
            "The scheme would provide up to £40m yearly for school sports.",
        ),
        (
            "The new commissioner will oversee a budget of £3m a year.",
            "The new commissioner will oversee a £3m annual budget.",
        ),
    ],
)
def test_the_same_rate_said_by_its_adjective_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check
