"""Reading stored articles without Chroma, embeddings or torch: for ``articles`` and ``show``.

Importing chromadb alone costs about a second and 90 MB here, more than a listing should. An
embedded store is one SQLite file (``chroma.sqlite3``) in which Chroma's metadata segment of
each collection holds every record's metadata and document, written before Chroma's own
``get`` would return them. :class:`SqliteArticleRecords` reads those tables read-only (so a
read-only store is readable too) and answers as :class:`retrieval.store.ArticleStore` does.

It trusts the file only when the layout is the one it knows and the metadata segment has
applied every write in Chroma's log; otherwise (or for a Chroma server)
:func:`open_article_records` returns a real ``ArticleStore`` (with no embedder: reading needs
none).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from retrieval.errors import ArticleNotFound, StoreUnavailable
from retrieval.models import ArticleSummaryRow, ChunkSpan, StoredArticle
from retrieval.settings import EngineSettings

log = logging.getLogger(__name__)

CHROMA_FILE = "chroma.sqlite3"
_DOCUMENT_KEY = "chroma:document"
_METADATA_SEGMENT = "urn:chroma:segment/metadata/sqlite"


class ArticleReader(Protocol):
    def count_articles(self) -> int: ...
    def list_articles(self) -> list[ArticleSummaryRow]: ...
    def get_article(self, article_id: str) -> StoredArticle: ...
    def find_article_id(self, reference: str) -> str | None: ...


class LayoutUnknown(Exception):
    """The SQLite file is not laid out (or not up to date) as this reader expects."""


def open_article_records(settings: EngineSettings) -> ArticleReader:
    """The fastest faithful reader of the store ``settings`` name."""
    if not settings.chroma_url:
        path = settings.store_dir / CHROMA_FILE
        try:
            return SqliteArticleRecords(path, settings.collection_prefix)
        except LayoutUnknown as exc:
            log.info("reading %s through Chroma: %s", path, exc)
    from retrieval.store import ArticleStore

    return ArticleStore(settings, embedder=None)


class SqliteArticleRecords:
    """Article records of an embedded Chroma store, read straight from its SQLite file."""

    def __init__(self, path: Path, prefix: str) -> None:
        self.path = path
        if not path.is_file():
            self._db: sqlite3.Connection | None = None
            self._articles = self._chunks = ""
            return
        try:
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            self._articles = self._segment(f"{prefix}_articles")
            self._chunks = self._segment(f"{prefix}_chunks")
        except sqlite3.DatabaseError as exc:
            raise LayoutUnknown(str(exc)) from exc

    def _segment(self, collection: str) -> str:
        """The metadata segment of ``collection`` ("" when it does not exist yet)."""
        assert self._db is not None
        row = self._db.execute(
            "SELECT s.id, c.id FROM segments s JOIN collections c ON s.collection = c.id"
            " WHERE c.name = ? AND s.type = ?",
            (collection, _METADATA_SEGMENT),
        ).fetchone()
        if row is None:
            exists = self._db.execute(
                "SELECT 1 FROM collections WHERE name = ?", (collection,)
            ).fetchone()
            if exists:
                raise LayoutUnknown(f"no SQLite metadata segment for {collection}")
            return ""
        segment, collection_id = row
        applied = self._db.execute(
            "SELECT seq_id FROM max_seq_id WHERE segment_id = ?", (segment,)
        ).fetchone()
        logged = self._db.execute(
            "SELECT MAX(seq_id) FROM embeddings_queue WHERE topic LIKE ?",
            (f"%/{collection_id}",),
        ).fetchone()
        if logged and logged[0] is not None and (applied is None or applied[0] < logged[0]):
            raise LayoutUnknown(f"{collection}: Chroma's log holds writes not yet applied")
        return str(segment)

    # ------------------------------------------------------------------ records

    def _records(
        self, segment: str, where: str = "", params: tuple[Any, ...] = (), documents: bool = False
    ) -> Iterator[tuple[str, dict[str, Any], str | None]]:
        if self._db is None or not segment:
            return
        document_filter = "" if documents else f" AND m.key != '{_DOCUMENT_KEY}'"
        rows = self._db.execute(
            "SELECT e.embedding_id, m.key, m.string_value, m.int_value, m.float_value,"
            " m.bool_value FROM embeddings e LEFT JOIN embedding_metadata m ON m.id = e.id"
            f"{document_filter} WHERE e.segment_id = ? {where} ORDER BY e.id",
            (segment, *params),
        )
        current: str | None = None
        meta: dict[str, Any] = {}
        document: str | None = None
        for record_id, key, text, integer, number, flag in rows:
            if record_id != current:
                if current is not None:
                    yield current, meta, document
                current, meta, document = record_id, {}, None
            if key is None:
                continue
            if key == _DOCUMENT_KEY:
                document = text
            elif text is not None:
                meta[key] = text
            elif integer is not None:
                meta[key] = integer
            elif number is not None:
                meta[key] = number
            elif flag is not None:
                meta[key] = bool(flag)
        if current is not None:
            yield current, meta, document

    def _guarded(self, query: Any) -> Any:
        try:
            return query()
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"cannot read the store {self.path}: {exc}") from exc

    # ------------------------------------------------------------------ ArticleStore's reads

    def count_articles(self) -> int:
        if self._db is None or not self._articles:
            return 0
        db = self._db
        row = self._guarded(
            lambda: db.execute(
                "SELECT COUNT(*) FROM embeddings WHERE segment_id = ?", (self._articles,)
            ).fetchone()
        )
        return int(row[0])

    def list_articles(self) -> list[ArticleSummaryRow]:
        records = self._guarded(lambda: list(self._records(self._articles)))
        return summary_rows((article_id, meta) for article_id, meta, _ in records)

    def get_article(self, article_id: str) -> StoredArticle:
        found = self._guarded(
            lambda: list(
                self._records(
                    self._articles, "AND e.embedding_id = ?", (article_id,), documents=True
                )
            )
        )
        if not found:
            raise ArticleNotFound(f"no stored article with id {article_id!r}")
        _, meta, text = found[0]
        chunk_rows = self._guarded(
            lambda: list(
                self._records(
                    self._chunks,
                    "AND e.id IN (SELECT id FROM embedding_metadata"
                    " WHERE key = 'article_id' AND string_value = ?)",
                    (article_id,),
                )
            )
        )
        return stored_article(article_id, meta, text, ((c, m) for c, m, _ in chunk_rows))

    def find_article_id(self, reference: str) -> str | None:
        """An article id for an id or a URL (as given or canonicalised), else ``None``."""
        if self._db is None or not self._articles:
            return None
        ref = reference.strip()
        candidates = [ref]
        if ref.startswith(("http://", "https://")):
            from retrieval.store import canonical_url  # only for URLs: it costs a second

            candidates.insert(0, canonical_url(ref))
        db = self._db
        for candidate in candidates:
            row = self._guarded(
                lambda candidate=candidate: db.execute(
                    "SELECT e.embedding_id FROM embeddings e WHERE e.segment_id = ? AND"
                    " (e.embedding_id = ? OR e.id IN (SELECT id FROM embedding_metadata"
                    " WHERE key = 'url' AND string_value = ?)) ORDER BY e.embedding_id != ?"
                    " LIMIT 1",
                    (self._articles, candidate, candidate, candidate),
                ).fetchone()
            )
            if row is not None:
                return str(row[0])
        return None


def parse_day(value: Any) -> date | None:
    """The day of a stored ``published`` value (``2025-03-12`` or a longer ISO time), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def summary_rows(records: Iterable[tuple[str, dict[str, Any]]]) -> list[ArticleSummaryRow]:
    """``articles`` rows from (id, metadata) article records, newest first."""
    rows = [
        ArticleSummaryRow(
            article_id=article_id,
            title=str(meta.get("title", "")),
            source=meta.get("source"),
            published=parse_day(meta.get("published")),
            chunks=int(meta.get("n_chunks", 0)),
        )
        for article_id, meta in records
    ]
    rows.sort(key=lambda r: (r.published or date.min, r.title), reverse=True)
    return rows


def stored_article(
    article_id: str,
    meta: dict[str, Any],
    text: str | None,
    chunk_records: Iterable[tuple[str, dict[str, Any]]],
) -> StoredArticle:
    """An article from its record and its chunks' (id, metadata) records: only the chunks of
    the version the record names, in their order in the text."""
    spans = sorted(
        (
            (
                int(cmeta["position"]),
                ChunkSpan(chunk_id=cid, start=int(cmeta["start"]), end=int(cmeta["end"])),
            )
            for cid, cmeta in chunk_records
            if cmeta.get("content_hash") == meta.get("content_hash")
        ),
        key=lambda pair: pair[0],
    )
    return StoredArticle(
        article_id=article_id,
        title=str(meta.get("title", "")),
        source=meta.get("source"),
        url=meta.get("url"),
        published=parse_day(meta.get("published")),
        author=meta.get("author"),
        text=text or "",
        content_hash=str(meta.get("content_hash", "")),
        story_id=str(meta.get("story_id", article_id)),
        chunks=[s for _, s in spans],
    )
