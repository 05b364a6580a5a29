"""A BM25 index over the stored chunks that updates and never rebuilds: SQLite FTS5.

The index is an FTS5 table in one SQLite file (beside the embedded store, or at
``NEWSBOT_LEXICAL_PATH``). Each chunk is indexed as its content terms (the same stems and
stopwords as the rest of the engine), and FTS5's own ``bm25()`` ranks a query (k1 = 1.2,
b = 0.75). Adding k chunks costs work in k; an edited article's old chunks are deleted by id.
Every process that writes to one store updates the same file (SQLite's locking lets several
processes share it), so they all agree on it, and it survives restarts.

The index follows the store *after* each ingest: :meth:`LexicalRanker.follow` indexes the
articles an ingest added or updated. :meth:`LexicalRanker.catch_up` mends an index that fell
behind (a crash between the store write and the index write, a writer that did not update the
index, a store made before the index existed, and, with a Chroma server, the writes of other
machines, each of which keeps its own file) by comparing article versions, reading chunk
texts only for the articles that differ. With a server a running process also catches up by
itself, in the background, every ``NEWSBOT_LEXICAL_CATCH_UP_S`` at most (at a search).
Questions never scan, rebuild or wait for a catch-up.
"""

from __future__ import annotations

import logging
import math
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from retrieval.models import ArticleSummaryRow
from retrieval.sqlite_wal import connect_wal
from retrieval.store import chunk_id
from retrieval.text import TERMS_VERSION, content_terms

log = logging.getLogger(__name__)

# FTS5 splits on anything that is not a letter or digit; the engine's words may hold these.
_TOKEN_CHARS = ".,''’-"  # as an SQL string: '' is one quote

FOLLOW_BATCH = 200  # articles indexed per store read
CAUGHT_UP_UNTIL = "caught_up_until"  # lexical_meta: how far the index has caught up (a time)
SCHEMA_VERSION = 3
# Titles for autocomplete, newest first as FTS5 reads fastest: in ascending rowid order (a
# descending read of a long doclist costs more as it grows), so a title's rowid counts down
# from here as its article's rowid counts up.
NEWEST_TITLE = 1 << 40
# FTS5 prefix indexes: a keystroke of up to this many letters reads the first entries of one
# prefix's list instead of merging the lists of every word that begins with it (all of them:
# a single letter's run through most titles).
TITLE_PREFIXES = 8
# Each connection's page cache (KiB; SQLite's default is 2 MiB). A question's BM25 search reads
# more than 2 MiB of a large index and pushed out the pages every keystroke reads again (the
# inner pages of the title index and of the articles' rows), so at 300k articles a keystroke
# read ~9 pages back from the OS after each question. Heap memory, counted in RSS, filled only
# as pages are read: at most this much per thread that uses the index (the bot's engine pool of
# 2, and a catch-up while it runs), and never more than the file.
PAGE_CACHE_KIB = 8 * 1024
_TABLES = (
    "lexical_vocab",
    "lexical_fts",
    "lexical_titles",
    "lexical_chunks",
    "lexical_articles",
    "lexical_meta",
)
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS lexical_articles (
    article_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    source TEXT,
    published TEXT,
    n_chunks INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT
);
CREATE INDEX IF NOT EXISTS lexical_articles_by_published ON lexical_articles (published);
CREATE INDEX IF NOT EXISTS lexical_articles_by_ingest ON lexical_articles (ingested_at);
CREATE TABLE IF NOT EXISTS lexical_chunks (
    id INTEGER PRIMARY KEY,
    chunk_id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS lexical_chunks_by_article ON lexical_chunks (article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS lexical_fts USING fts5 (
    terms, day UNINDEXED, tokenize = "unicode61 remove_diacritics 0 tokenchars '{_TOKEN_CHARS}'"
);
CREATE VIRTUAL TABLE IF NOT EXISTS lexical_vocab USING fts5vocab (lexical_fts, 'row');
CREATE TABLE IF NOT EXISTS lexical_meta (
    key TEXT PRIMARY KEY,
    value NOT NULL
);
INSERT OR IGNORE INTO lexical_meta (key, value) VALUES ('chunks', 0);
INSERT OR IGNORE INTO lexical_meta (key, value) VALUES ('articles', 0);
"""
_TITLES = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS lexical_titles USING fts5 (
    title, tokenize = "unicode61 remove_diacritics 2",
    prefix = '{" ".join(str(n) for n in range(1, TITLE_PREFIXES + 1))}'
)
"""


_TITLE_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass
class IndexedArticle:
    """What the index keeps of an article: its version, catalogue fields and chunks."""

    article_id: str
    content_hash: str
    title: str
    source: str | None
    published: str | None  # ISO date
    ingested_at: str | None  # ISO time
    chunks: list[tuple[str, int, str]]  # (chunk_id, published_day, text)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class LexicalIndex:
    """The FTS5 file. Thread-safe: each thread has its own connection."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        path.parent.mkdir(parents=True, exist_ok=True)
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            terms = None
            if version in (2, SCHEMA_VERSION):
                row = db.execute("SELECT value FROM lexical_meta WHERE key = 'terms'").fetchone()
                terms = row[0] if row else None
            if version == 2 and terms == TERMS_VERSION:
                self._titles_with_prefixes(db)  # the chunks' index stays as it is
                version = SCHEMA_VERSION
            if version != SCHEMA_VERSION or terms != TERMS_VERSION:
                # Another layout or another stemmer (an older newsbot): start afresh;
                # catch_up() refills it from the store, once.
                for table in _TABLES:
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                for statement in [*_SCHEMA.split(";"), _TITLES]:
                    if statement.strip():
                        db.execute(statement)
                db.execute(
                    "INSERT INTO lexical_meta (key, value) VALUES ('terms', ?)", (TERMS_VERSION,)
                )
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            # Files written before the article counter existed count their articles once.
            db.execute(
                "INSERT OR IGNORE INTO lexical_meta (key, value) "
                "SELECT 'articles', count(*) FROM lexical_articles"
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    @staticmethod
    def _titles_with_prefixes(db: sqlite3.Connection) -> None:
        """Version 2 to 3: the titles again, with prefix indexes and newest first (from the
        articles table, a few seconds at 300k articles; no chunk is read again)."""
        log.info("lexical index: rebuilding the title index for autocomplete (once)")
        db.execute("DROP TABLE IF EXISTS lexical_titles")
        db.execute(_TITLES)
        db.execute(
            "INSERT INTO lexical_titles (rowid, title) "
            "SELECT ? - rowid, title FROM lexical_articles",
            (NEWEST_TITLE,),
        )
        # One segment rather than the dozens a bulk insert leaves (a lookup seeks in each).
        db.execute("INSERT INTO lexical_titles (lexical_titles) VALUES ('optimize')")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _connection(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = connect_wal(self.path, timeout=60.0)
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
            self._local.db = db
        return db

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    # ------------------------------------------------------------------ reading

    @property
    def size(self) -> int:
        """How many chunks are indexed (a counter kept with every write: no scan)."""
        return self._counter("chunks")

    @property
    def article_count(self) -> int:
        """How many articles are indexed (a counter kept with every write: no scan)."""
        return self._counter("articles")

    def _counter(self, key: str) -> int:
        row = (
            self._connection()
            .execute("SELECT value FROM lexical_meta WHERE key = ?", (key,))
            .fetchone()
        )
        return int(row[0]) if row else 0

    def versions(self, article_ids: Sequence[str] | None = None) -> dict[str, str]:
        """The content hash of every indexed article, or of those of ``article_ids`` that are
        indexed (for :meth:`LexicalRanker.catch_up`)."""
        db = self._connection()
        if article_ids is None:
            rows = db.execute("SELECT article_id, content_hash FROM lexical_articles").fetchall()
        else:
            ids, rows = list(article_ids), []
            for i in range(0, len(ids), 500):
                part = ids[i : i + 500]
                rows += db.execute(
                    "SELECT article_id, content_hash FROM lexical_articles "
                    f"WHERE article_id IN ({','.join('?' * len(part))})",
                    part,
                ).fetchall()
        return {str(a): str(h) for a, h in rows}

    def mark(self, key: str) -> float | None:
        """A time the index keeps (e.g. how far it has caught up with the store)."""
        row = (
            self._connection()
            .execute("SELECT value FROM lexical_meta WHERE key = ?", (key,))
            .fetchone()
        )
        return float(row[0]) if row else None

    def set_mark(self, key: str, value: float) -> None:
        self._connection().execute(
            "INSERT OR REPLACE INTO lexical_meta (key, value) VALUES (?, ?)", (key, value)
        )

    def search(
        self, query: str, k: int, min_day: int | None = None, max_day: int | None = None
    ) -> list[tuple[str, float]]:
        terms = list(dict.fromkeys(content_terms(query)))
        if not terms or k <= 0:
            return []
        where = ["lexical_fts MATCH ?"]
        params: list[str | int] = [" OR ".join(_phrase(t) for t in terms)]
        if min_day is not None:
            where.append("day >= ?")
            params.append(min_day)
        if max_day is not None:
            where.append("day <= ?")
            params.append(max_day)
        sql = (
            "SELECT c.chunk_id, -top.score FROM ("
            "  SELECT rowid, bm25(lexical_fts) AS score FROM lexical_fts"
            f"  WHERE {' AND '.join(where)} ORDER BY score LIMIT ?"
            ") AS top JOIN lexical_chunks AS c ON c.id = top.rowid ORDER BY top.score"
        )
        rows = self._connection().execute(sql, (*params, k)).fetchall()
        return [(str(cid), float(score)) for cid, score in rows if score > 0]

    def find_articles(self, text: str, limit: int) -> list[ArticleSummaryRow]:
        """Articles for autocomplete: the one whose id is ``text``, then those whose title has
        every word of ``text`` (the last may be cut short), newest first; the newest articles
        when ``text`` is empty. An index lookup of ``limit`` rows, whatever the store's size:
        a last word of up to :data:`TITLE_PREFIXES` letters reads its prefix index in order
        and stops at ``limit``; a longer one merges the lists of the few words it begins."""
        db = self._connection()
        columns = "a.article_id, a.title, a.source, a.published, a.n_chunks"
        needle = text.strip()
        rows = []
        if needle:
            rows += db.execute(
                f"SELECT {columns} FROM lexical_articles AS a WHERE a.article_id = ?", (needle,)
            ).fetchall()
            words = _TITLE_WORD.findall(needle.lower())
            if words:
                query = " ".join(_phrase(w) for w in words[:-1]) + f" {_phrase(words[-1])}*"
                rows += db.execute(
                    f"SELECT {columns} FROM lexical_titles AS t "
                    "JOIN lexical_articles AS a ON a.rowid = ? - t.rowid "
                    "WHERE lexical_titles MATCH ? ORDER BY t.rowid LIMIT ?",
                    (NEWEST_TITLE, query.strip(), limit),
                ).fetchall()
        else:
            rows = db.execute(
                f"SELECT {columns} FROM lexical_articles AS a ORDER BY a.published DESC LIMIT ?",
                (limit,),
            ).fetchall()
        found: dict[str, ArticleSummaryRow] = {}
        for article_id, title, source, published, n_chunks in rows:
            found.setdefault(
                article_id,
                ArticleSummaryRow(
                    article_id=article_id,
                    title=title,
                    source=source,
                    published=date.fromisoformat(published[:10]) if published else None,
                    chunks=n_chunks,
                ),
            )
        return list(found.values())[:limit]

    def last_ingest(self) -> datetime | None:
        row = self._connection().execute("SELECT max(ingested_at) FROM lexical_articles").fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        db = self._connection()
        out = {}
        for term in dict.fromkeys(terms):
            row = db.execute("SELECT doc FROM lexical_vocab WHERE term = ?", (term,)).fetchone()
            out[term] = int(row[0]) if row else 0
        return out

    # ------------------------------------------------------------------ writing

    def replace_articles(self, articles: Sequence[IndexedArticle]) -> None:
        """Index these articles and their chunks, replacing whatever was indexed for them
        before. One transaction."""
        if not articles:
            return
        prepared = [
            (a, [(cid, day, " ".join(content_terms(text))) for cid, day, text in a.chunks])
            for a in articles
        ]
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            delta = articles_delta = 0
            for article, chunks in prepared:
                article_id = article.article_id
                removed_chunks, removed_article = self._delete_article(db, article_id)
                delta -= removed_chunks
                articles_delta += 1 - removed_article
                for cid, day, terms in chunks:
                    cursor = db.execute(
                        "INSERT INTO lexical_chunks (chunk_id, article_id) VALUES (?, ?)",
                        (cid, article_id),
                    )
                    db.execute(
                        "INSERT INTO lexical_fts (rowid, terms, day) VALUES (?, ?, ?)",
                        (cursor.lastrowid, terms, day),
                    )
                delta += len(chunks)
                db.execute(
                    "INSERT INTO lexical_articles (article_id, content_hash, title, source, "
                    "published, n_chunks, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        article_id,
                        article.content_hash,
                        article.title,
                        article.source,
                        article.published,
                        len(chunks),
                        article.ingested_at,
                    ),
                )
                rowid = db.execute(
                    "SELECT rowid FROM lexical_articles WHERE article_id = ?", (article_id,)
                ).fetchone()[0]
                db.execute(
                    "INSERT INTO lexical_titles (rowid, title) VALUES (?, ?)",
                    (NEWEST_TITLE - rowid, article.title),
                )
            db.execute("UPDATE lexical_meta SET value = value + ? WHERE key = 'chunks'", (delta,))
            db.execute(
                "UPDATE lexical_meta SET value = value + ? WHERE key = 'articles'",
                (articles_delta,),
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def remove_articles(self, article_ids: Iterable[str]) -> None:
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            removed = removed_articles = 0
            for article_id in article_ids:
                chunks, article = self._delete_article(db, article_id)
                removed += chunks
                removed_articles += article
            db.execute("UPDATE lexical_meta SET value = value - ? WHERE key = 'chunks'", (removed,))
            db.execute(
                "UPDATE lexical_meta SET value = value - ? WHERE key = 'articles'",
                (removed_articles,),
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    @staticmethod
    def _delete_article(db: sqlite3.Connection, article_id: str) -> tuple[int, int]:
        """Remove an article, its title and its chunks; returns how many chunks and
        articles (0 or 1) were removed."""
        found = db.execute(
            "SELECT rowid FROM lexical_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        if found is not None:
            db.execute("DELETE FROM lexical_titles WHERE rowid = ?", (NEWEST_TITLE - found[0],))
            db.execute("DELETE FROM lexical_articles WHERE rowid = ?", (found[0],))
        rows = [
            r[0]
            for r in db.execute("SELECT id FROM lexical_chunks WHERE article_id = ?", (article_id,))
        ]
        for rowid in rows:
            db.execute("DELETE FROM lexical_fts WHERE rowid = ?", (rowid,))
        db.execute("DELETE FROM lexical_chunks WHERE article_id = ?", (article_id,))
        return len(rows), int(found is not None)


class LexicalRanker:
    """Keeps one :class:`LexicalIndex` in step with an :class:`~retrieval.store.ArticleStore`.

    ``catch_up_every_s`` (> 0 when other processes write to the store: a Chroma server): a
    search at least that long after the last catch-up starts one in the background, reading
    only what was written since (:meth:`catch_up` with ``recent_only``); the search itself
    answers from the index as it is and never waits for it.
    """

    def __init__(self, store: Any, path: Path, *, catch_up_every_s: float = 0.0) -> None:
        self.store = store
        self._index = LexicalIndex(path)
        self._catch_up_lock = threading.Lock()
        self._catch_up_every_s = catch_up_every_s
        self._due_lock = threading.Lock()
        self._last_catch_up = time.monotonic()

    def index(self) -> LexicalIndex:
        """The index as it is: never a scan, never a rebuild."""
        return self._index

    @property
    def catch_up_every_s(self) -> float:
        """Seconds between periodic catch-ups; 0 when no other process writes to the store."""
        return self._catch_up_every_s

    def search(
        self, query: str, k: int, min_day: int | None = None, max_day: int | None = None
    ) -> list[tuple[str, float]]:
        self._catch_up_when_due()
        return self._index.search(query, k, min_day, max_day)

    def _catch_up_when_due(self) -> None:
        if self._catch_up_every_s <= 0:
            return
        with self._due_lock:
            if self._catch_up_lock.locked():  # one is running (an ingest's, or the last one)
                return
            if time.monotonic() - self._last_catch_up < self._catch_up_every_s:
                return
            self._last_catch_up = time.monotonic()  # one catch-up at a time, not one a search
        threading.Thread(
            target=self._catch_up_in_background, name="lexical-catch-up", daemon=True
        ).start()

    def _catch_up_in_background(self) -> None:
        try:
            self.catch_up(recent_only=True)
        except Exception:
            log.warning("lexical index could not catch up; next time", exc_info=True)
        finally:
            self._index.close()  # this thread's connection

    def follow(self, article_ids: Iterable[str]) -> int:
        """Index the stored versions of ``article_ids`` (just written by an ingest), a batch of
        articles at a time (one store read a batch; Chroma refuses very long id lists)."""
        ids = list(dict.fromkeys(article_ids))
        return sum(
            self._follow(ids[i : i + FOLLOW_BATCH]) for i in range(0, len(ids), FOLLOW_BATCH)
        )

    def _follow(self, ids: list[str]) -> int:
        if not ids:
            return 0
        metas = self.store.article_metadata(ids)
        gone = [aid for aid in ids if aid not in metas]
        wanted = {
            aid: [
                chunk_id(aid, str(meta.get("content_hash", "")), p)
                for p in range(int(meta.get("n_chunks", 0)))
            ]
            for aid, meta in metas.items()
        }
        # One read for the chunks of every article (not one an article).
        hits = self.store.chunks_by_ids([cid for cids in wanted.values() for cid in cids])
        by_article: dict[str, list[Any]] = {}
        for hit in sorted(hits, key=lambda h: h.position):
            by_article.setdefault(hit.article_id, []).append(hit)
        entries = [
            IndexedArticle(
                article_id=aid,
                content_hash=str(meta.get("content_hash", "")),
                title=str(meta.get("title", "")),
                source=meta.get("source"),
                published=meta.get("published"),
                ingested_at=meta.get("ingested_at"),
                chunks=[
                    (h.chunk_id, int(meta.get("published_day", -1)), h.text)
                    for h in by_article.get(aid, [])
                ],
            )
            for aid, meta in metas.items()
        ]
        self._index.replace_articles(entries)
        if gone:
            self._index.remove_articles(gone)
        return sum(len(a.chunks) for a in entries)

    def catch_up(self, *, force: bool = False, recent_only: bool = False) -> int:
        """Mend the index when it disagrees with the store; return how many articles changed.

        Cheap when they agree (two counts; the index is then taken as level). Otherwise,
        incremental: the index keeps how far it has caught up (a time, less the store's grace
        period, which covers a write in flight and clock skew between machines), and only the
        articles with chunks written since then are compared and re-read. This is how one
        machine's index follows the writes of other machines sharing a Chroma server. An index
        that has never caught up (a new file), or ``force``, compares every article's version
        (the store's article metadata, no chunk text) and re-reads only those that differ.

        ``recent_only`` (the periodic catch-up) skips the count comparison, whose cost grows
        with the store (Chroma counts its records), and equal counts would miss an edit: it
        always reads what was written since the index last caught up, and nothing else.
        """
        with self._catch_up_lock:
            started = time.time()
            self._last_catch_up = time.monotonic()
            caught_up = started - self.store.settings.repair_grace_s
            since = self._index.mark(CAUGHT_UP_UNTIL)
            recent_only = recent_only and since is not None and not force
            if not (force or recent_only) and self._index.size == self.store.count_chunks():
                self._index.set_mark(CAUGHT_UP_UNTIL, caught_up)  # level, as far as counts tell
                return 0
            extra: list[str] = []
            if force or since is None:
                # The index first: an article indexed by then has its store record by then
                # too, so a concurrent writer's new article is never taken for one the store
                # lacks.
                indexed = self._index.versions()
                stored = {aid: rec.content_hash for aid, rec in self.store.article_index().items()}
                extra = [aid for aid in indexed if aid not in stored]
                if extra:
                    self._index.remove_articles(extra)
            else:
                recent = self.store.articles_written_since(since)
                indexed = self._index.versions(recent)
                stored = {
                    aid: str(meta.get("content_hash", ""))
                    for aid, meta in self.store.article_metadata(recent).items()
                }
            stale = [aid for aid, chash in stored.items() if indexed.get(aid) != chash]
            self.follow(stale)
            self._index.set_mark(CAUGHT_UP_UNTIL, caught_up)
            if stale or extra:
                log.info(
                    "lexical index caught up: %d articles indexed, %d removed",
                    len(stale),
                    len(extra),
                )
            return len(stale) + len(extra)


def idf_weights(index: LexicalIndex, terms: list[str]) -> dict[str, float]:
    """Weights of ``terms`` by rarity in the index: 0.5 + BM25's IDF.

    The constant keeps a small store (a handful of articles, where IDF swings wildly) from
    letting one rare word decide everything.
    """
    n = max(index.size, 1)
    df = index.document_frequencies(terms)
    return {t: 0.5 + math.log(1.0 + (n - df[t] + 0.5) / (df[t] + 0.5)) for t in terms}
