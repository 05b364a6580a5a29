"""No full scans on the hot paths: what an ingest, a question and ``/status`` read from the store.

Each test counts the records the real Chroma collections hand back (a recorder wrapped around
them, passing every call through), so a path that reads every article or counts the store
shows up at any store size.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from retrieval.service import NewsService

FILLER = [
    f"Filler report {i} about the {word} market in the region, with prices and sales figures "
    f"for the {word} trade described by local traders at length."
    for i, word in enumerate(
        "wheat barley oats maize rice sugar coffee cocoa tea cotton wool timber copper tin "
        "zinc nickel silver gold iron coal salt fish beef pork lamb milk cheese butter eggs "
        "honey".split()
    )
]
COMET = (
    "Astronomers at the northern observatory have spotted a bright comet that should be "
    "visible to the naked eye in the evening sky next month. The comet, found by an amateur "
    "astronomer using a small telescope, will pass closest to Earth in late October."
)


class RecordingCollection:
    """A real collection, counting the calls made to it and the records they returned."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.calls: list[str] = []
        self.records = 0

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._inner, name)
        if not callable(value):
            return value

        def recorded(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            result = value(*args, **kwargs)
            if name in ("get", "query") and isinstance(result, dict):
                ids = result.get("ids") or []
                self.records += (
                    sum(len(i) for i in ids) if ids and isinstance(ids[0], list) else len(ids)
                )
            return result

        return recorded


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


@pytest.fixture
def service(tmp_path: Path, make_service: Callable[..., Any]) -> NewsService:
    from retrieval.settings import EngineSettings

    settings = EngineSettings(
        store_dir=tmp_path / "store",
        chat_model="extractive",
        collection_prefix="hot",
        repair_grace_s=0.0,  # so that a repair's look-back is only what was written since
    )
    built: NewsService = make_service(settings, with_model=False)
    built.ingest(
        [
            write_jsonl(
                tmp_path / "filler.jsonl",
                [
                    {"id": f"filler-{i}", "title": f"Market {i}", "text": t}
                    for i, t in enumerate(FILLER)
                ],
            )
        ]
    )
    return built


def record(service: NewsService) -> tuple[RecordingCollection, RecordingCollection]:
    store = service.store
    articles, chunks = RecordingCollection(store.articles), RecordingCollection(store.chunks)
    store.articles, store.chunks = articles, chunks  # type: ignore[assignment]
    return articles, chunks


def test_an_ingest_reads_the_records_of_its_own_articles_not_every_record(
    service: NewsService, tmp_path: Path
) -> None:
    stored = service.store.count_articles()
    assert stored == len(FILLER)
    # One more ingest, so that the filler's own write lies behind the last repair.
    service.ingest([write_jsonl(tmp_path / "one.jsonl", [{"id": "comet", "text": COMET}])])
    articles, chunks = record(service)

    report = service.ingest(
        [
            write_jsonl(
                tmp_path / "two.jsonl",
                [
                    {"id": "harbour", "text": "The council voted to rebuild the harbour wall."},
                    {"id": "filler-3", "text": FILLER[3], "title": "Market 3"},  # unchanged
                ],
            )
        ]
    )

    assert sorted(a.status for a in report.articles) == ["added", "unchanged"]
    # The record written since the last repair, the two looked up by id and by text, and
    # the new article's 3 nearest (story linking): 8 at most. Before: every article record
    # twice (repair, then the ingest's own index), 62 here.
    assert articles.records <= 8, articles.records
    # The chunks of the one article written since the last repair, and those just checked.
    assert chunks.records <= 6, chunks.records


def test_status_reads_counters_and_never_counts_or_scans_the_store(
    service: NewsService, tmp_path: Path
) -> None:
    articles, chunks = record(service)

    status = service.status()

    assert articles.calls == chunks.calls == []
    assert (status.articles, status.chunks) == (len(FILLER), service.store.count_chunks())
    assert status.last_ingest == service.store.last_ingest()
    # Still true after an update (one article, more chunks) and an addition.
    longer = FILLER[0] + " " + " ".join(FILLER[1:6])
    service.ingest(
        [
            write_jsonl(
                tmp_path / "more.jsonl",
                [
                    {"id": "filler-0", "text": longer, "title": "Market 0"},
                    {"id": "comet", "text": COMET},
                ],
            )
        ]
    )
    status = service.status()
    assert status.articles == len(FILLER) + 1 == service.store.count_articles()
    assert status.chunks == service.store.count_chunks() > len(FILLER) + 1


def test_an_index_file_without_the_article_counter_counts_its_articles_once(
    service: NewsService, make_service: Callable[..., Any]
) -> None:
    path = service.store.settings.lexical_index_path
    with sqlite3.connect(path) as db:  # as a file of the previous release was
        db.execute("DELETE FROM lexical_meta WHERE key = 'articles'")
    reopened: NewsService = make_service(service.store.settings, with_model=False)
    assert reopened.status().articles == len(FILLER)


def test_a_question_reads_the_text_of_each_candidate_article_once(service: NewsService) -> None:
    service.answers.ask("What are the prices in the wheat market?")  # warm: model, caches
    articles, _ = record(service)

    service.answers.ask("What are the sales figures of the copper trade?")

    # One read for every candidate's article text (before: one read a candidate sentence).
    assert articles.calls.count("get") <= 1, articles.calls


def test_another_machines_index_catches_up_reading_only_the_articles_written_since(
    service: NewsService, tmp_path: Path, make_service: Callable[..., Any]
) -> None:
    # A second machine: the same store, its own lexical index file.
    settings = service.store.settings.model_copy(update={"lexical_path": tmp_path / "b.sqlite3"})
    other: NewsService = make_service(settings, with_model=False)
    other.warm_up()  # a new file: one full comparison, then it knows how far it got
    assert other.status().articles == len(FILLER)
    service.ingest([write_jsonl(tmp_path / "new.jsonl", [{"id": "comet", "text": COMET}])])
    articles, _ = record(other)

    assert other.retriever.lexical.catch_up() == 1

    # The comet's record (before: every article record, 31 here).
    assert articles.records <= 2, articles.records
    hits = other.retriever.search("comet observatory telescope", mode="lexical")
    assert hits[0].article_id == "comet"


def bytes_read_by_this_thread() -> int:
    """What this thread has read through system calls (SQLite reads its pages so)."""
    try:
        io = Path("/proc/thread-self/io").read_text()
    except OSError:
        pytest.skip("no per-thread I/O counters here")
    return next(int(line.split()[1]) for line in io.splitlines() if line.startswith("rchar:"))


def titles_index(path: Path, n: int) -> Path:
    """An index of ``n`` articles whose titles each hold three words beginning with 't'."""
    from retrieval.lexical import IndexedArticle, LexicalIndex

    index = LexicalIndex(path)
    index.replace_articles(
        [
            IndexedArticle(f"a{i}", "h", f"Trade talks {i} in town", None, None, None, [])
            for i in range(n)
        ]
    )
    index.close()
    return path


@pytest.mark.parametrize("typed", ["t", "in t"])
def test_an_autocomplete_keystroke_reads_about_as_much_of_a_large_index_as_of_a_small_one(
    tmp_path: Path, typed: str
) -> None:
    from retrieval.lexical import LexicalIndex

    read = {}
    for n in (500, 20_000):
        # A new connection (an empty page cache), warmed by a keystroke that finds nothing.
        index = LexicalIndex(titles_index(tmp_path / f"{n}.sqlite3", n))
        index.find_articles("qqqq", 25)
        before = bytes_read_by_this_thread()
        found = index.find_articles(typed, 25)
        read[n] = bytes_read_by_this_thread() - before
        index.close()
        assert [r.article_id for r in found[:2]] == [f"a{n - 1}", f"a{n - 2}"]  # newest first
        assert len(found) == 25

    # 40 times the titles: a few more B-tree levels (4 -> 8 pages here). Before: every title's
    # 't' words merged, 16 times the pages (3 -> 47).
    assert read[20_000] <= 3 * read[500], read


@pytest.mark.slow  # ~7 s: 2.4 million words to index
def test_a_keystroke_after_a_question_reads_none_of_its_pages_again(tmp_path: Path) -> None:
    import random

    from retrieval.lexical import IndexedArticle, LexicalIndex

    words = "market trade growth price bank energy player season film music".split()
    words += "court police school health water river city farm train phone".split()
    pick = random.Random(7).choice
    index = LexicalIndex(tmp_path / "big.sqlite3")
    index.replace_articles(
        [
            IndexedArticle(
                f"a{i}",
                "h",
                f"Trade talks {i} in town",
                None,
                None,
                None,
                [(f"a{i}:0", 0, " ".join(pick(words) for _ in range(600)))],
            )
            for i in range(4_000)
        ]
    )
    index.close()

    index = LexicalIndex(tmp_path / "big.sqlite3")
    assert len(index.find_articles("in t", 25)) == 25
    before = bytes_read_by_this_thread()
    index.search(" ".join(words), 40)  # a question whose terms are in every article
    question = bytes_read_by_this_thread() - before
    before = bytes_read_by_this_thread()
    assert len(index.find_articles("in t", 25)) == 25
    keystroke = bytes_read_by_this_thread() - before
    index.close()

    # The question reads more than SQLite's default page cache (2 MiB) holds; the keystroke's
    # pages stay cached all the same. With the default cache: 15 pages read back (61,563 B).
    assert question > 2 * 1024 * 1024, question
    assert keystroke < 4096, keystroke


def test_the_periodic_catch_up_reads_what_was_written_since_and_never_counts_the_store(
    service: NewsService, tmp_path: Path, make_service: Callable[..., Any]
) -> None:
    settings = service.store.settings.model_copy(update={"lexical_path": tmp_path / "b.sqlite3"})
    other: NewsService = make_service(settings, with_model=False)
    other.warm_up()
    longer = FILLER[2] + " The comet was seen over the market."  # an edit: the counts stay
    service.ingest([write_jsonl(tmp_path / "edit.jsonl", [{"id": "filler-2", "text": longer}])])
    articles, chunks = record(other)

    assert other.lexical_catch_up_s == 0  # embedded: no other process writes, no timer
    assert other.catch_up_lexical() == 1  # what the bot's timer calls

    # No count of either collection (its cost grows with the store; equal counts would also
    # have hidden this edit): the chunks written since, and the edited article's record.
    assert "count" not in articles.calls + chunks.calls, (articles.calls, chunks.calls)
    assert articles.records <= 2, articles.records
    hits = other.retriever.search("comet market", mode="lexical")
    assert hits[0].article_id == "filler-2"
