"""The article store, driven through the real service against embedded Chroma and a Chroma server.

Everything is real: the MiniLM embedder (shared for the session), Chroma (embedded and
``chroma run``), the loaders, and a local HTTP server on 127.0.0.1 for URLs and feeds.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.app import build_service
from retrieval.chunking import ArticleChunker
from retrieval.loaders import article_from_record
from retrieval.service import NewsService
from retrieval.store import ArticleStore, PreparedArticle
from retrieval.text import text_hash
from tests.retrieval.local_http import RecordingServer, send_body

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
BBC = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "bbc_news_summary.jsonl"

HARBOUR = (
    "The city council voted on Tuesday to rebuild the old harbour wall, ending years of debate "
    "about flooding in the lower town.",
    "The work will cost 40 million euros and should be finished in 2028, the mayor told "
    "reporters after the vote, adding that the first stones would be laid in the spring.",
    "Fishermen said the delay had already cost them two winters of storms, and asked the "
    "council to pay for temporary moorings while the wall is rebuilt.",
    "Opponents said the money would be better spent on the railway line to the capital, and "
    "promised to keep campaigning against the project until the first stone is laid.",
)
HARBOUR_TEXT = "\n\n".join(HARBOUR)

COMET = (
    "Astronomers at the northern observatory have spotted a bright comet that should be "
    "visible to the naked eye in the evening sky next month.",
    "The comet, found by an amateur astronomer using a small telescope, is travelling towards "
    "the Sun and will pass closest to Earth in late October.",
    "Scientists said dark skies away from city lights would give the best view, and advised "
    "looking low on the western horizon an hour after sunset.",
)
COMET_TEXT = "\n\n".join(COMET)


# ---------------------------------------------------------------------------------------------
# Helpers


class CountingEmbedder:
    """The real embedder, counting what it is asked to encode."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls = 0
        self.texts = 0
        self.name = getattr(inner, "name", "counting")

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        self.texts += len(texts)
        return self.inner.encode(texts)  # type: ignore[no-any-return]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()  # type: ignore[no-any-return]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def statuses(report: Any) -> list[str]:
    return [a.status for a in report.articles]


def all_chunk_ids(store: ArticleStore) -> set[str]:
    return {cid for cid, _, _ in store.iter_chunks()}


def assert_store_consistent(store: ArticleStore) -> None:
    """No orphan or duplicate chunks: every chunk belongs to its article's current version."""
    index = store.article_index()
    positions: dict[str, list[int]] = {}
    for cid, meta, doc in store.iter_chunks():
        article_id = str(meta["article_id"])
        assert article_id in index, f"orphan chunk {cid}"
        assert meta["content_hash"] == index[article_id].content_hash, f"stale chunk {cid}"
        positions.setdefault(article_id, []).append(int(meta["position"]))
        assert doc, f"empty chunk {cid}"
    assert store.count_chunks() == sum(r.n_chunks for r in index.values())
    for article_id, record in index.items():
        assert sorted(positions.get(article_id, [])) == list(range(record.n_chunks)), article_id


def edited_copy(text: str) -> str:
    """A lightly edited copy: a few words changed and a sentence added."""
    return (
        text.replace("Tuesday", "Wednesday")
        .replace("40 million", "42 million")
        .replace("the mayor told", "the mayor, Anna Berg, told")
        + " A public meeting on the plans will be held next week."
    )


def stop_half_way(
    store: ArticleStore, record: dict[str, Any], *, status: str, write_record: bool
) -> PreparedArticle:
    """Run the store's write steps for one JSONL record and stop as a crash would.

    Chunks are always written; the article record only when ``write_record``; the previous
    version's chunks are never deleted.
    """
    prepared = store.prepare(article_from_record(record))
    prepared.status = status
    prepared.chunks = store.chunker.split(prepared.text)
    store._embed([prepared])
    store._link_stories([prepared], store.article_index())
    store._upsert_chunks([prepared])
    if write_record:
        from datetime import UTC, datetime

        store._upsert_articles([prepared], datetime.now(UTC))
    return prepared


# ---------------------------------------------------------------------------------------------
# Fixtures


@pytest.fixture
def service(engine_settings: Any, make_service: Callable[..., Any]) -> NewsService:
    return make_service(engine_settings, with_model=False)  # type: ignore[no-any-return]


@pytest.fixture
def counter(embedder: Any) -> CountingEmbedder:
    return CountingEmbedder(embedder)


@pytest.fixture
def counted_service(engine_settings: Any, counter: CountingEmbedder) -> NewsService:
    return build_service(engine_settings, with_model=False, embedder=counter)


def page_html(title: str, paragraphs: tuple[str, ...]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title} | The Local Herald</title>"
        "<meta property='og:site_name' content='The Local Herald'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Sign up for our newsletter. Privacy Policy.</footer></body></html>"
    ).encode()


def feed_xml(base: str) -> bytes:
    full = " ".join(COMET)
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        "<title>Herald Science</title><link>" + base + "/</link><description>d</description>"
        "<item><title>Bright comet to light up the evening sky</title>"
        f"<link>{base}/comet</link><pubDate>Mon, 06 Oct 2025 09:00:00 GMT</pubDate>"
        f"<description>{full}</description></item>"
        "<item><title>Harbour wall to be rebuilt</title>"
        f"<link>{base}/harbour</link><pubDate>Tue, 07 Oct 2025 09:00:00 GMT</pubDate>"
        "<description>The council votes on the harbour.</description></item>"
        "</channel></rss>"
    ).encode()


@pytest.fixture
def news_site() -> Iterator[RecordingServer]:
    """A local news site: two article pages and an RSS feed, on 127.0.0.1."""
    routes: dict[str, Callable[[Any], None]] = {}
    server = RecordingServer(routes)
    base = server.url("")
    routes["/harbour"] = lambda h: send_body(h, page_html("Harbour wall to be rebuilt", HARBOUR))
    routes["/comet"] = lambda h: send_body(h, page_html("Bright comet on its way", COMET))
    routes["/feed.xml"] = lambda h: send_body(h, feed_xml(base), content_type="application/rss+xml")
    with server:
        yield server


# ---------------------------------------------------------------------------------------------
# Every kind of source


def test_a_text_file_is_stored_with_its_first_line_as_title(
    service: NewsService, tmp_path: Path
) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text("Harbour wall to be rebuilt\n\n" + HARBOUR_TEXT, encoding="utf-8")
    report = service.ingest([str(path)])
    assert (report.added, statuses(report), report.failed) == (1, ["added"], [])
    stored = service.show(report.articles[0].article_id)
    assert stored.title == "Harbour wall to be rebuilt"
    assert stored.text.startswith("The city council voted")
    assert_store_consistent(service.store)


def test_a_markdown_file_is_stored(service: NewsService, tmp_path: Path) -> None:
    path = tmp_path / "comet.md"
    path.write_text("# Bright comet on its way\n\n" + COMET_TEXT, encoding="utf-8")
    report = service.ingest([str(path)])
    assert statuses(report) == ["added"]
    assert service.show(report.articles[0].article_id).title == "Bright comet on its way"


def test_an_html_file_is_stored_without_its_page_furniture(
    service: NewsService, tmp_path: Path
) -> None:
    path = tmp_path / "harbour.html"
    path.write_bytes(page_html("Harbour wall to be rebuilt", HARBOUR))
    report = service.ingest([str(path)])
    assert statuses(report) == ["added"], report
    stored = service.show(report.articles[0].article_id)
    assert stored.title == "Harbour wall to be rebuilt"
    assert "Fishermen said" in stored.text
    assert "newsletter" not in stored.text and "Home" not in stored.text


def test_a_jsonl_file_stores_one_article_a_line_with_its_fields(
    service: NewsService, tmp_path: Path
) -> None:
    path = write_jsonl(
        tmp_path / "news.jsonl",
        [
            {
                "id": "h-1",
                "title": "Harbour wall",
                "text": HARBOUR_TEXT,
                "published": "2025-03-12",
                "source": "The Local Herald",
                "author": "Ann Writer",
                "url": "https://h.example/1",
            },
            {"title": "Comet", "body": COMET_TEXT, "published": "2025/03/14"},
        ],
    )
    report = service.ingest([str(path)])
    assert statuses(report) == ["added", "added"]
    assert [a.source for a in report.articles] == [f"{path}:1", f"{path}:2"]
    stored = service.show("h-1")
    assert (
        stored.title,
        stored.source,
        stored.author,
        stored.published.isoformat(),
        stored.url,
    ) == ("Harbour wall", "The Local Herald", "Ann Writer", "2025-03-12", "https://h.example/1")
    assert service.show(report.articles[1].article_id).published.isoformat() == "2025-03-14"


def test_a_folder_is_stored_recursively(service: NewsService, tmp_path: Path) -> None:
    (tmp_path / "news" / "science").mkdir(parents=True)
    (tmp_path / "news" / "harbour.txt").write_text("Harbour wall\n\n" + HARBOUR_TEXT)
    (tmp_path / "news" / "science" / "comet.md").write_text("# Comet\n\n" + COMET_TEXT)
    (tmp_path / "news" / "notes.csv").write_text("not,a,source\n")
    report = service.ingest([str(tmp_path / "news")])
    assert statuses(report) == ["added", "added"]
    assert service.store.count_articles() == 2
    assert_store_consistent(service.store)


def test_an_article_url_is_fetched_and_stored(
    service: NewsService, news_site: RecordingServer
) -> None:
    url = news_site.url("/harbour")
    report = service.ingest([url])
    assert statuses(report) == ["added"], report
    stored = service.show(report.articles[0].article_id)
    assert stored.url == url
    assert stored.title == "Harbour wall to be rebuilt"
    assert "Fishermen said" in stored.text
    # The same page under a tracking parameter and a fragment is the same article.
    again = service.ingest([url + "?utm_source=newsletter#top"])
    assert statuses(again) == ["unchanged"]
    assert service.show(url).article_id == stored.article_id


def test_an_rss_feed_stores_each_entry_fetching_pages_for_short_entries(
    service: NewsService, news_site: RecordingServer
) -> None:
    report = service.ingest([news_site.url("/feed.xml")])
    assert statuses(report) == ["added", "added"], report
    comet = service.show(news_site.url("/comet"))
    harbour = service.show(news_site.url("/harbour"))
    assert comet.source == harbour.source == "Herald Science"
    assert comet.published.isoformat() == "2025-10-06"
    assert "Fishermen said" in harbour.text  # fetched from the linked page
    assert [r.path for r in news_site.requests] == ["/feed.xml", "/harbour"]
    assert_store_consistent(service.store)


# ---------------------------------------------------------------------------------------------
# Identity and idempotence


def test_identity_is_the_id_else_the_canonical_url_else_the_text(
    service: NewsService, tmp_path: Path
) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "given-id", "text": HARBOUR_TEXT, "url": "https://x.example/a"},
            {"text": COMET_TEXT, "url": "https://X.example/comet/?utm_source=rss#top"},
        ],
    )
    txt = tmp_path / "plain.txt"
    txt.write_text("A third story\n\nThe river rose overnight and the bridge was closed to cars.")
    report = service.ingest([str(path), str(txt)])
    ids = [a.article_id for a in report.articles]
    assert ids[0] == "given-id"
    assert ids[1].startswith("u-")
    assert ids[2].startswith("t-")
    assert service.store.find_article_id("https://x.example/comet") == ids[1]
    # The same text saved under another file name is the same article.
    copy = tmp_path / "copy.txt"
    copy.write_text(txt.read_text())
    assert statuses(service.ingest([str(copy)])) == ["unchanged"]


def test_reingesting_unchanged_articles_changes_nothing_and_embeds_nothing(
    counted_service: NewsService, counter: CountingEmbedder, tmp_path: Path
) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "harbour", "title": "Harbour", "text": HARBOUR_TEXT},
            {"id": "comet", "title": "Comet", "text": COMET_TEXT},
        ],
    )
    txt = tmp_path / "c.txt"
    txt.write_text("Harbour wall\n\n" + HARBOUR_TEXT.replace("Tuesday", "Monday") + " Extra.")
    sources = [str(path), str(txt)]
    first = counted_service.ingest(sources)
    assert statuses(first) == ["added", "added", "added"]
    store = counted_service.store
    chunks_before, revision_before = all_chunk_ids(store), store.revision()
    encoded_before = counter.texts

    second = counted_service.ingest(sources)

    assert statuses(second) == ["unchanged"] * 3
    assert (second.added, second.updated, second.unchanged, second.chunks_added) == (0, 0, 3, 0)
    assert counter.texts == encoded_before
    assert all_chunk_ids(store) == chunks_before
    assert store.count_chunks() == len(chunks_before)
    assert store.revision() == revision_before
    assert second.articles_total == 3


def test_a_changed_article_replaces_its_old_chunks(
    counted_service: NewsService, counter: CountingEmbedder, tmp_path: Path, engine_settings: Any
) -> None:
    long_text = "\n\n".join([*HARBOUR, *COMET])
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "story", "title": "T", "text": long_text}])
    counted_service.ingest([str(path)])
    store = counted_service.store
    old_chunks = all_chunk_ids(store)
    old_hash = store.get_article("story").content_hash

    edited = long_text.replace("western horizon", "eastern horizon") + "\n\nA late update."
    write_jsonl(path, [{"id": "story", "title": "T", "text": edited}])
    encoded_before = counter.texts
    report = counted_service.ingest([str(path)])

    assert statuses(report) == ["updated"]
    assert (report.updated, report.added) == (1, 0)
    stored = store.get_article("story")
    assert stored.text == edited and stored.content_hash != old_hash
    new_chunks = all_chunk_ids(store)
    assert not new_chunks & old_chunks
    expected = ArticleChunker(engine_settings.chunk_size, engine_settings.chunk_overlap).split(
        edited
    )
    assert len(new_chunks) == len(expected) == len(stored.chunks) == report.chunks_added
    # Chunks whose text did not change keep their vectors: only the edited ones are encoded.
    assert 0 < counter.texts - encoded_before < len(expected)
    assert_store_consistent(store)


def test_the_same_id_twice_in_one_file_keeps_the_last_version(
    service: NewsService, tmp_path: Path
) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "story", "text": HARBOUR_TEXT},
            {"id": "story", "text": COMET_TEXT},
        ],
    )
    report = service.ingest([str(path)])
    assert statuses(report) == ["added", "updated"]
    assert service.show("story").text == COMET_TEXT
    assert service.store.count_articles() == 1
    assert_store_consistent(service.store)


def test_the_same_text_under_two_urls_is_stored_once(service: NewsService, tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"title": "Harbour", "text": HARBOUR_TEXT, "url": "https://one.example/harbour"},
            {"title": "Harbour", "text": HARBOUR_TEXT, "url": "https://two.example/h?id=1"},
        ],
    )
    report = service.ingest([str(path)])
    assert statuses(report) == ["added", "duplicate"]
    assert report.articles[1].article_id == report.articles[0].article_id
    assert report.added == 1
    assert service.store.count_articles() == 1
    # Reported as a duplicate again next time, still stored once.
    assert statuses(service.ingest([str(path)])) == ["unchanged", "duplicate"]
    assert service.store.count_articles() == 1


def test_the_same_text_under_two_given_ids_is_kept_under_both_as_one_story(
    service: NewsService, tmp_path: Path
) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "wire-1", "text": HARBOUR_TEXT},
            {"id": "wire-2", "text": HARBOUR_TEXT},
        ],
    )
    assert statuses(service.ingest([str(path)])) == ["added", "added"]
    assert service.show("wire-1").story_id == service.show("wire-2").story_id == "wire-1"
    assert statuses(service.ingest([str(path)])) == ["unchanged", "unchanged"]
    assert_store_consistent(service.store)


def test_a_lightly_edited_copy_is_stored_but_linked_to_the_same_story(
    service: NewsService, tmp_path: Path
) -> None:
    first = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "herald", "title": "Harbour wall", "text": HARBOUR_TEXT, "source": "Herald"},
            {"id": "comet", "title": "Comet", "text": COMET_TEXT},
        ],
    )
    service.ingest([str(first)])
    copy = write_jsonl(
        tmp_path / "b.jsonl",
        [
            {
                "id": "gazette",
                "title": "Harbour wall rebuilt",
                "text": edited_copy(HARBOUR_TEXT),
                "source": "Gazette",
            },
        ],
    )
    report = service.ingest([str(copy)])
    assert statuses(report) == ["added"]
    herald, gazette, comet = (service.show(i) for i in ("herald", "gazette", "comet"))
    assert gazette.text != herald.text
    assert gazette.story_id == herald.story_id == "herald"
    assert comet.story_id == "comet"
    chunk_meta = service.store.chunks.get(where={"article_id": "gazette"}, include=["metadatas"])
    assert {m["story_id"] for m in chunk_meta["metadatas"]} == {"herald"}


def test_near_duplicates_in_one_batch_are_linked_too(service: NewsService, tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "herald", "text": HARBOUR_TEXT},
            {"id": "comet", "text": COMET_TEXT},
            {"id": "gazette", "text": edited_copy(HARBOUR_TEXT)},
        ],
    )
    assert statuses(service.ingest([str(path)])) == ["added"] * 3
    assert service.show("gazette").story_id == "herald"
    assert service.show("comet").story_id == "comet"


# ---------------------------------------------------------------------------------------------
# Crashes and repair


def test_repair_removes_chunks_written_before_a_crash_left_no_article_record(
    service: NewsService, tmp_path: Path
) -> None:
    service.ingest([str(write_jsonl(tmp_path / "a.jsonl", [{"id": "comet", "text": COMET_TEXT}]))])
    store = service.store
    kept = all_chunk_ids(store)
    stop_half_way(
        store, {"id": "harbour", "text": HARBOUR_TEXT}, status="added", write_record=False
    )
    assert store.count_chunks() > len(kept)
    # Just written, the chunks may be another writer's ingest in progress: kept for now.
    assert store.repair() == 0 and store.count_chunks() > len(kept)

    removed = store.repair(grace_s=0)  # once the grace period is over

    assert removed == len(ArticleChunker().split(HARBOUR_TEXT))
    assert all_chunk_ids(store) == kept
    assert_store_consistent(store)
    assert store.repair() == 0


def test_repair_removes_the_old_chunks_when_a_crash_came_after_the_new_record(
    service: NewsService, tmp_path: Path
) -> None:
    long_text = "\n\n".join([*HARBOUR, *COMET])
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "story", "text": long_text}])
    service.ingest([str(path)])
    store = service.store
    old_chunks = all_chunk_ids(store)
    edited = long_text.replace("Fishermen", "Sailors")
    new = stop_half_way(store, {"id": "story", "text": edited}, status="updated", write_record=True)
    assert store.count_chunks() == len(old_chunks) + len(new.chunks)

    assert store.repair(grace_s=0) == len(old_chunks)

    stored = store.get_article("story")
    assert stored.text == edited
    assert len(stored.chunks) == len(new.chunks) == store.count_chunks()
    assert not all_chunk_ids(store) & old_chunks
    assert_store_consistent(store)
    write_jsonl(path, [{"id": "story", "text": edited}])
    assert statuses(service.ingest([str(path)])) == ["unchanged"]


def test_the_next_ingest_repairs_an_update_interrupted_before_its_record(
    service: NewsService, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "story", "text": HARBOUR_TEXT}])
    service.ingest([str(path)])
    store = service.store
    old_chunks = all_chunk_ids(store)
    edited = HARBOUR_TEXT.replace("Fishermen", "Sailors")
    stop_half_way(store, {"id": "story", "text": edited}, status="updated", write_record=False)
    assert store.get_article("story").text == HARBOUR_TEXT  # the old version still stands

    write_jsonl(path, [{"id": "story", "text": edited}])
    report = service.ingest([str(path)])

    assert statuses(report) == ["updated"]
    assert store.get_article("story").text == edited
    assert not all_chunk_ids(store) & old_chunks
    assert_store_consistent(store)


def test_reingesting_an_article_whose_chunks_went_missing_writes_them_again(
    service: NewsService, tmp_path: Path
) -> None:
    long_text = "\n\n".join([*HARBOUR, *COMET])
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [{"id": "story", "text": long_text}, {"id": "comet", "text": COMET_TEXT}],
    )
    service.ingest([str(path)])
    store = service.store
    chunks = [span.chunk_id for span in store.get_article("story").chunks]
    assert len(chunks) > 1
    store.chunks.delete(ids=chunks[1:])  # lost, as a concurrent repair once deleted them

    report = service.ingest([str(path)])

    assert statuses(report) == ["updated", "unchanged"]
    assert [span.chunk_id for span in store.get_article("story").chunks] == chunks
    assert_store_consistent(store)
    assert statuses(service.ingest([str(path)])) == ["unchanged", "unchanged"]


# ---------------------------------------------------------------------------------------------
# The seed, end to end


def test_the_seed_is_stored_clean_with_its_sidecar_fields_and_exact_chunks(
    service: NewsService,
) -> None:
    report = service.ingest([str(SEEDS)])
    assert statuses(report) == ["added"], report
    article = service.show(report.articles[0].article_id)
    assert article.title == "Putin Visits Kursk Region for First Time Since Ukraine’s Offensive"
    assert article.source == "The Moscow Times"
    assert article.published is not None and article.published.isoformat() == "2025-03-12"
    assert article.text.startswith("President Vladimir Putin on Wednesday")
    assert article.text.endswith("leverage in peace negotiations with Russia.")
    for furniture in ("Support The Moscow Times", "newsletter", "Dear readers", "Remind me later"):
        assert furniture not in article.text
    stored = service.store.chunks.get(
        ids=[c.chunk_id for c in article.chunks], include=["documents"]
    )
    documents = dict(zip(stored["ids"], stored["documents"], strict=True))
    assert len(documents) == len(article.chunks) > 1
    for span in article.chunks:
        assert article.text[span.start : span.end] == documents[span.chunk_id]


# ---------------------------------------------------------------------------------------------
# A real ingest killed with SIGKILL half-way, then run again


def bbc_corpus(
    tmp_path: Path, lines: int, keep: list[int] | None = None
) -> tuple[Path, list[dict[str, Any]]]:
    """The first ``lines`` BBC articles (each with an id), or generated ones when absent;
    ``keep`` picks which of those lines (by index) make the corpus."""
    path = tmp_path / "corpus.jsonl"
    if BBC.exists():
        with BBC.open(encoding="utf-8") as source:
            records = [json.loads(next(source)) for _ in range(lines)]
        if keep is not None:
            records = [records[i] for i in keep]
    else:
        records = [
            {
                "id": f"gen/{i:03d}",
                "title": f"Report {i}",
                "text": "\n\n".join(
                    f"Report {i}, part {p}: {HARBOUR[(i + p) % 4]} {COMET[p % 3]}" for p in range(6)
                ),
            }
            for i in range(lines)
        ]
    write_jsonl(path, records)
    return path, records


def same_text_groups(records: list[dict[str, Any]]) -> list[list[str]]:
    """Ids of records whose bodies are the same text, in groups of two or more."""
    groups: dict[str, list[str]] = {}
    for record in records:
        groups.setdefault(text_hash(str(record.get("text") or record.get("body"))), []).append(
            str(record["id"])
        )
    return [ids for ids in groups.values() if len(ids) > 1]


def cli_env(settings: Any) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    env["NEWSBOT_STORE_DIR"] = str(settings.store_dir)
    env["NEWSBOT_COLLECTION_PREFIX"] = settings.collection_prefix
    if settings.chroma_url:
        env["NEWSBOT_CHROMA_URL"] = settings.chroma_url
    return env


def kill_after_first_write(command: list[str], env: dict[str, str], cwd: Path) -> int:
    """Start ``command``; SIGKILL it as soon as it logs its first written batch."""
    process = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    watchdog = threading.Timer(180, process.kill)
    watchdog.start()
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if "wrote " in line and " articles in " in line:
                os.kill(process.pid, signal.SIGKILL)
                break
        return process.wait(timeout=30)
    finally:
        watchdog.cancel()
        if process.poll() is None:
            process.kill()
            process.wait()


def test_an_ingest_killed_half_way_then_run_again_leaves_a_consistent_store(
    engine_settings: Any, make_service: Callable[..., Any], tmp_path: Path
) -> None:
    # 50 BBC articles make about 270 chunks: three write batches of 100, killed after the first.
    corpus, records = bbc_corpus(tmp_path, 50)
    ids = {r["id"] for r in records}
    env = cli_env(engine_settings)
    env["NEWSBOT_INGEST_BATCH_CHUNKS"] = "100"
    ingest = [sys.executable, "-m", "bot", "-vv", "ingest", str(corpus), "--json"]

    returncode = kill_after_first_write(ingest, env, tmp_path)
    assert returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    rerun = subprocess.run(
        ingest[:3] + ingest[4:], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=240
    )
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    report = json.loads(rerun.stdout)
    counts = Counter(a["status"] for a in report["articles"])
    assert len(report["articles"]) == len(records) and not report["failed"]
    assert counts["unchanged"] > 0, "nothing was committed before the kill"
    assert counts["added"] > 0, "everything was committed before the kill"
    assert counts["added"] + counts["unchanged"] + counts["updated"] + counts["duplicate"] == len(
        records
    )
    assert (report["added"], report["updated"], report["unchanged"]) == (
        counts["added"],
        counts["updated"],
        counts["unchanged"],
    )
    assert report["articles_total"] == len(ids)

    store = make_service(engine_settings, with_model=False).store
    assert store.count_articles() == len(ids)
    assert set(store.article_index()) == ids
    assert_store_consistent(store)


# ---------------------------------------------------------------------------------------------
# Real data: the BBC articles


def test_bbc_articles_ingest_once_and_a_second_run_finds_them_unchanged(
    shared_data: Path, tmp_path: Path, make_service: Callable[..., Any]
) -> None:
    from retrieval.settings import EngineSettings

    settings = EngineSettings(
        store_dir=tmp_path / "store", chat_model="extractive", collection_prefix="bbc"
    )
    service = make_service(settings, with_model=False)
    # 80 articles, and the two pairs of same-text twins among the first 300 (lines 6 and 252,
    # 213 and 239): the data set's duplicate bodies are what this test is about.
    corpus, records = bbc_corpus(tmp_path, 300, keep=[*range(80), 213, 239, 252])
    ids = [str(r["id"]) for r in records]
    assert len(set(ids)) == len(ids)

    first = service.ingest([str(corpus)])
    assert (first.added, first.failed) == (len(ids), [])
    assert [a.article_id for a in first.articles] == ids

    second = service.ingest([str(corpus)])
    assert (second.added, second.updated, second.unchanged) == (0, 0, len(ids))
    assert {a.status for a in second.articles} == {"unchanged"}
    assert_store_consistent(service.store)

    # The data set repeats some bodies under other ids: each id is kept, as one story.
    twins = same_text_groups(records)
    assert twins
    for group in twins:
        assert len({service.show(article_id).story_id for article_id in group}) == 1

    listed = subprocess.run(
        [sys.executable, "-m", "bot", "articles", "--json"],
        env=cli_env(settings),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr[-2000:]
    assert len(json.loads(listed.stdout)["articles"]) == len(ids) == second.articles_total
