"""Digest dates: undated articles are not today's news, and a cut list says it is cut."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from retrieval.settings import EngineSettings

TODAY = date.today()
TOPICS = [
    ("harbour", "The council voted to rebuild the old harbour wall after years of flooding."),
    ("rail", "Engineers reopened the northern railway line after the landslide was cleared."),
    ("school", "A new primary school opened its doors to four hundred pupils this morning."),
    ("museum", "The city museum unveiled a restored medieval tapestry to the public."),
    ("bridge", "Traffic returned to the suspension bridge after six months of repairs."),
    ("market", "Farmers said the covered market had its busiest weekend in a decade."),
    ("library", "The central library extended its opening hours to ten at night."),
    ("park", "Volunteers planted two thousand trees along the river park."),
    ("hospital", "The hospital opened a new wing for children with heart conditions."),
    ("airport", "The regional airport announced three new routes to southern Europe."),
    ("festival", "Organisers said the jazz festival sold out within an hour."),
]


def _row(key: str, text: str, published: date | None) -> dict[str, Any]:
    body = f"{text} Officials described the {key} news as welcome on the day it was announced."
    row: dict[str, Any] = {"id": key, "title": f"{key.title()} news", "text": body}
    if published:
        row["published"] = published.isoformat()
        row["source"] = f"{key.title()} Gazette"
    return row


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, embedder: Any) -> Any:
    from bot.app import build_service

    folder: Path = tmp_path_factory.mktemp("digest-dates")
    rows = [_row(k, t, TODAY - timedelta(days=1)) for k, t in TOPICS]
    # Two undated stories (as BBC's 2004 articles are): stored today, news of an unknown day.
    rows.append(_row("archive", "The archive story says an old mill was sold at auction.", None))
    rows.append(_row("vault", "The vault story says a bank vault was found under a shop.", None))
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    svc = build_service(
        EngineSettings(store_dir=folder / "store", chat_model="extractive"), embedder=embedder
    )
    assert not svc.ingest([str(folder / "news.jsonl")]).failed
    return svc


def _ids(digest: Any) -> list[str]:
    return [story.citations[0].article_id for story in digest.stories]


def test_undated_articles_are_left_out_of_the_news_of_the_day_they_were_stored(
    service: Any,
) -> None:
    digest = service.digest(since=TODAY - timedelta(days=1))
    assert "archive" not in _ids(digest) and "vault" not in _ids(digest)
    assert digest.undated_left_out == 2


def test_first_seen_lists_undated_stories_after_every_dated_one_and_labels_them(
    service: Any,
) -> None:
    digest = service.digests.digest(
        since=TODAY - timedelta(days=1), first_seen=True, max_stories=20
    )
    ids = _ids(digest)
    assert set(ids[-2:]) == {"archive", "vault"}
    assert all(s.first_seen == TODAY for s in digest.stories[-2:])
    assert all(s.first_seen is None for s in digest.stories[:-2])
    from bot.render import digest_to_text

    text = digest_to_text(digest)
    assert f"Archive news  (undated; first seen {TODAY})" in text


def test_since_ranks_dated_stories_ahead_of_undated_ones(service: Any) -> None:
    digest = service.digests.digest(
        since=TODAY - timedelta(days=30), first_seen=True, max_stories=11
    )
    assert "archive" not in _ids(digest) and "vault" not in _ids(digest)
    assert digest.more_stories == 2


def test_a_digest_cut_at_ten_says_how_many_more_there_were(service: Any) -> None:
    from bot.render import digest_to_text

    digest = service.digest(since=TODAY - timedelta(days=1))
    assert len(digest.stories) == 10 and digest.more_stories == 1
    text = digest_to_text(digest)
    assert "1 more not shown" in text
    assert "2 undated article(s) stored in this period are not listed" in text
