"""The digest: stories, not articles, most widely reported first, dates from metadata only."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from retrieval.settings import EngineSettings

FLOOD = (
    "Officials said floodwaters had destroyed {n} homes in the river valley by Tuesday "
    "evening, as rescue teams continued to search the worst-hit villages. {extra}"
)

# A sub-heading, then a sentence that leans on one the page does not show, then the lede and a
# sentence that reads on from it.
BRIDGE = (
    "Flood latest: the rescue effort in pictures and video\n\n"
    "He said the bridge would stay closed until engineers had checked it for damage.\n\n"
    "Engineers closed the Severn road bridge on Monday after flood water undermined one of its "
    "piers, the council said. They expect to reopen it within a fortnight, a spokesman said."
)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, embedder):  # type: ignore[no-untyped-def]
    from bot.app import build_service

    folder = tmp_path_factory.mktemp("digest")
    rows = [
        {
            "id": "wire-1",
            "title": "Floods destroy homes in river valley",
            "source": "Wire One",
            "published": "2025-04-01",
            "text": FLOOD.format(n="1,200", extra="More rain is due."),
        },
        {
            "id": "paper-2",
            "title": "Valley floods leave families homeless",
            "source": "Daily Two",
            "published": "2025-04-02",
            "text": FLOOD.format(n="1,450", extra="The governor visited on Wednesday."),
        },
        {
            "id": "sport-3",
            "title": "City win the cup final",
            "source": "Daily Two",
            "published": "2025-04-02",
            "text": "City won the cup final 2-1 on Saturday after a late goal from their captain, "
            "ending a ten-year wait for a trophy in front of a sold-out stadium.",
        },
        {
            "id": "old-4",
            "title": "Budget approved",
            "source": "Wire One",
            "published": "2025-01-15",
            "text": "Parliament approved the annual budget on Wednesday after a long debate over "
            "spending on schools and hospitals, with the vote passing comfortably.",
        },
        {
            "id": "bridge-5",
            "title": "Flood-hit bridge closed",
            "source": "Wire One",
            "published": "2025-06-10",
            "text": BRIDGE,
        },
    ]
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    svc = build_service(
        EngineSettings(store_dir=folder / "store", chat_model="extractive"), embedder=embedder
    )
    assert not svc.ingest([str(folder / "news.jsonl")]).failed
    return svc


def test_a_story_reported_by_two_outlets_appears_once_and_first(service) -> None:  # type: ignore[no-untyped-def]
    digest = service.digest(since=date(2025, 4, 1), as_of=date(2025, 4, 2))
    headlines = [s.headline for s in digest.stories]
    assert len(digest.stories) == 2
    assert headlines[1] == "City win the cup final"
    flood = digest.stories[0]
    assert {c.source for c in flood.citations} == {"Wire One", "Daily Two"}
    assert "Also reported by" in flood.summary


def test_every_digest_citation_quotes_its_article(service) -> None:  # type: ignore[no-untyped-def]
    digest = service.digest(since=date(2025, 4, 1), as_of=date(2025, 4, 2))
    for story in digest.stories:
        for citation in story.citations:
            assert citation.quote in service.show(citation.article_id).text
            assert citation.published is not None


def test_the_window_keeps_older_news_out(service) -> None:  # type: ignore[no-untyped-def]
    digest = service.digest(since=date(2025, 1, 15), as_of=date(2025, 1, 16))
    assert [s.headline for s in digest.stories] == ["Budget approved"]
    assert service.digest(since=date(2025, 5, 1), as_of=date(2025, 5, 2)).stories == []


def test_a_digest_line_its_passage_does_not_support_is_left_out() -> None:
    from retrieval.digest import verified_lines

    passage = (
        "Officials said floodwaters had destroyed 1,200 homes in the river valley by Tuesday "
        "evening, as rescue teams continued to search the worst-hit villages."
    )
    reworded = "Officials said floodwaters had destroyed 1,200 homes in the river valley."
    wrong = reworded.replace("1,200", "2,100")
    assert verified_lines([(passage, passage), (reworded, passage), (wrong, passage)]) == [
        True,
        True,
        False,
    ]


def test_every_digest_line_is_checked_against_the_passage_it_cites(service, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import retrieval.digest

    checked: list[tuple[str, str]] = []

    def recording_verify(claim: str, passage: str):  # type: ignore[no-untyped-def]
        checked.append((claim, passage))
        return real_verify(claim, passage)

    real_verify = retrieval.digest.verify
    monkeypatch.setattr(retrieval.digest, "verify", recording_verify)
    digest = service.digest(since=date(2025, 4, 1), as_of=date(2025, 4, 2))
    for story in digest.stories:
        lead = [c for c in story.citations if f"{c.quote} [{c.n}]" in story.summary]
        assert lead
        assert all((c.quote, c.quote) in checked for c in lead)


def test_a_digest_line_is_never_a_sub_heading_or_a_sentence_leaning_on_one_it_skips(
    service: Any,
) -> None:
    (story,) = service.digest(since=date(2025, 6, 10), as_of=date(2025, 6, 11)).stories
    assert [c.quote for c in story.citations] == [
        "Engineers closed the Severn road bridge on Monday after flood water undermined one of "
        "its piers, the council said.",
        # It leans back, but on the sentence just before it, which the digest shows.
        "They expect to reopen it within a fortnight, a spokesman said.",
    ]
