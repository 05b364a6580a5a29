from datetime import date

import pytest

from retrieval.dates import date_from_url, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-12", date(2025, 3, 12)),
        ("2025-03-12T09:30:00Z", date(2025, 3, 12)),
        ("2025-03-12T23:30:00-05:00", date(2025, 3, 12)),
        ("2025-03-12 09:30", date(2025, 3, 12)),
        ("2025/03/12", date(2025, 3, 12)),
        ("20250312", date(2025, 3, 12)),
        ("Wed, 12 Mar 2025 09:30:00 +0000", date(2025, 3, 12)),
        ("Sat, 09 Nov 2025 16:00:00 GMT", date(2025, 11, 9)),
        ("March 12, 2025", date(2025, 3, 12)),
        ("Wednesday, March 12, 2025", date(2025, 3, 12)),
        ("Mar. 12 2025", date(2025, 3, 12)),
        ("12 March 2025", date(2025, 3, 12)),
        ("  2025-03-12  ", date(2025, 3, 12)),
    ],
)
def test_parse_date_reads_the_day_written(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "garbage",
        "2025",
        "March 2025",
        "2025-02-30",
        "2025-13-01",
        "13/03/2025",
        "2025-03-123",
        "Thu, 31 Feb 2025 10:00:00 GMT",
    ],
)
def test_parse_date_gives_none_rather_than_inventing_a_day(value: str | None) -> None:
    assert parse_date(value) is None


def test_future_dates_parse_as_given() -> None:
    assert parse_date("2099-01-01") == date(2099, 1, 1)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.cnn.com/2023/11/06/politics/story/index.html", date(2023, 11, 6)),
        ("https://example.com/news/2025-03-12/putin-kursk", date(2025, 3, 12)),
        ("https://example.com/a/2025/3/7", date(2025, 3, 7)),
    ],
)
def test_date_from_url_reads_dated_paths(url: str, expected: date) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/2025/02/30/impossible",
        "https://example.com/2025/13/01/impossible",
        "https://example.com/article/123456",
        "https://2025.example.com/03/12",
        "https://example.com/2023-11/17/month-only",
        None,
    ],
)
def test_date_from_url_rejects_missing_or_impossible_dates(url: str | None) -> None:
    assert date_from_url(url) is None
