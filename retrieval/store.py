"""The article store: clean articles and their chunks in Chroma, never drifting.

Two collections live side by side, in an embedded persistent Chroma or on a Chroma server:

- ``<prefix>_articles``: one record an article (its full stored text as the document, its
  metadata, and the mean of its chunk vectors as its embedding, used to link near-duplicates);
- ``<prefix>_chunks``: the quotable chunks, each with the metadata a citation needs.

Writes for an article go chunks first, then the article record (the commit point), then the
deletion of the chunks of the version it replaced. A crash between any two steps leaves chunks
that no article record accounts for; :meth:`ArticleStore.repair` removes them, and every ingest
runs it when the counts disagree. Chunk ids contain the article's content hash, so rewriting the
same version twice never duplicates anything.

Several writers may share one store (the bot's feed poll beside an ``/ingest``, or processes on
several machines sharing a Chroma server). Between one writer's chunk upsert and its article
upsert, its new chunks look exactly like a crash's leftovers, so repair only removes unaccounted
chunks older than ``repair_grace_s`` (each chunk records when it was written): it cannot touch
a write in progress. A writer deletes only the chunks of the version it saw and replaced, never
"every other version". Whatever still goes wrong (a writer paused for longer than the grace
period) is mended: re-ingesting an unchanged article checks that its chunks are all there and
writes them again when they are not.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from retrieval.article_records import parse_day, stored_article, summary_rows
from retrieval.chunking import ArticleChunker, ChunkText
from retrieval.errors import ArticleNotFound, StoreUnavailable
from retrieval.models import (
    ArticleSummaryRow,
    Hit,
    IngestedArticle,
    IngestReport,
    LoadFailure,
    RawArticle,
    SkippedSource,
    StoredArticle,
)
from retrieval.settings import EngineSettings
from retrieval.text import containment, shingles, text_hash

log = logging.getLogger(__name__)

EPOCH = date(1970, 1, 1)
NO_DATE = -1  # published_day of an undated article: kept by --as-of, dropped by --since
NEAR_DUPLICATE_COSINE = 0.90
NEAR_DUPLICATE_CONTAINMENT = 0.5
CONFIRM_BATCH = 200  # unchanged articles whose chunks are checked in one read
REPAIRED_UNTIL = "repaired_until"  # collection metadata: how far repair has looked
LOOKUP_BATCH = 200  # incoming articles whose stored records are looked up in one read
_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


def day_number(value: date | None) -> int:
    return NO_DATE if value is None else (value - EPOCH).days


def canonical_url(url: str) -> str:
    """The URL an article is known by: no fragment, no tracking parameters, tidy host and path."""
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PARAMS)
    ]
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    host = (parts.hostname or "").lower()
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80)
        or (parts.scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


@cache
def _store_failures() -> tuple[type[BaseException], ...]:
    """Exceptions that mean the store is down, unreachable, broken or full (not a bug here)."""
    import httpx
    from chromadb.errors import ChromaError

    return (httpx.HTTPError, ChromaError, sqlite3.Error, OSError)


@contextmanager
def store_errors(where: str) -> Iterator[None]:
    """Turn a failure of the Chroma store into a one-line ``StoreUnavailable``."""
    try:
        yield
    except _store_failures() as exc:
        raise StoreUnavailable(
            f"the Chroma store ({where}) is unavailable: {_one_line(exc)}"
        ) from exc


class GuardedCollection:
    """A Chroma collection whose every call fails with ``StoreUnavailable``, not a raw error."""

    def __init__(self, collection: Any, where: str) -> None:
        self._collection = collection
        self._where = where

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._collection, name)
        if not callable(value):
            return value

        def guarded(*args: Any, **kwargs: Any) -> Any:
            with store_errors(self._where):
                return value(*args, **kwargs)

        return guarded


@dataclass
class PreparedArticle:
    article_id: str
    title: str
    text: str
    url: str | None
    published: date | None
    source: str | None
    author: str | None
    origin: str
    content_hash: str
    text_hash: str
    chunks: list[ChunkText] = field(default_factory=list)
    vectors: np.ndarray | None = None
    story_id: str = ""
    status: str = "added"
    replaces: str = ""  # the content hash of the stored version this write replaces


@dataclass(frozen=True)
class ArticleRecord:
    article_id: str
    content_hash: str
    text_hash: str
    story_id: str
    n_chunks: int


def chunk_id(article_id: str, content_hash: str, position: int) -> str:
    return f"{article_id}#{content_hash[:12]}-{position}"


def _clean_meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if v is not None}


class ArticleStore:
    """Articles and chunks in Chroma (embedded or server), with idempotent, repairable ingest."""

    def __init__(self, settings: EngineSettings, embedder: Any, client: Any | None = None) -> None:
        self.settings = settings
        self.embedder = embedder
        self.chunker = ArticleChunker(settings.chunk_size, settings.chunk_overlap)
        self.client = client if client is not None else self._connect(settings)
        prefix = settings.collection_prefix
        try:
            self.chunks = GuardedCollection(
                self.client.get_or_create_collection(
                    f"{prefix}_chunks", metadata={"hnsw:space": "cosine"}
                ),
                self.location,
            )
            self.articles = GuardedCollection(
                self.client.get_or_create_collection(
                    f"{prefix}_articles", metadata={"hnsw:space": "cosine"}
                ),
                self.location,
            )
        except Exception as exc:
            raise StoreUnavailable(f"cannot open the Chroma store: {_one_line(exc)}") from exc
        try:
            self._max_batch = int(self.client.get_max_batch_size())
        except Exception:
            self._max_batch = 1000
        self._max_batch = max(1, min(self._max_batch, 4000))

    # ----------------------------------------------------------------- connection

    @staticmethod
    def _connect(settings: EngineSettings) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        try:
            if settings.chroma_url:
                parts = urlsplit(settings.chroma_url)
                return chromadb.HttpClient(
                    host=parts.hostname or "localhost",
                    port=parts.port or (443 if parts.scheme == "https" else 8000),
                    ssl=parts.scheme == "https",
                    settings=chroma_settings,
                )
            settings.store_dir.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(settings.store_dir), settings=chroma_settings)
        except Exception as exc:
            where = settings.chroma_url or str(settings.store_dir)
            raise StoreUnavailable(
                f"cannot open the Chroma store at {where}: {_one_line(exc)}"
            ) from exc

    @property
    def location(self) -> str:
        if self.settings.chroma_url:
            return f"server at {self.settings.chroma_url}"
        return f"embedded at {self.settings.store_dir}"

    def ping(self) -> None:
        """Raise ``StoreUnavailable`` when the store cannot be reached (constant cost)."""
        with store_errors(self.location):
            self.client.heartbeat()

    def revision(self) -> str:
        """Changes whenever the stored chunks change; lets derived indexes stay in step."""
        # Re-read the metadata: the collection object caches it, so another process's (or
        # another ArticleStore's) writes would go unnoticed.
        try:
            meta = self.client.get_collection(self.chunks.name).metadata
        except Exception:
            meta = self.chunks.metadata
        return f"{self.chunks.count()}:{(meta or {}).get('revision', '')}"

    def _collection_metadata(self) -> dict[str, Any]:
        # Re-read: the collection object caches it, so other writers' changes would be missed.
        try:
            return dict(self.client.get_collection(self.chunks.name).metadata or {})
        except Exception:
            return dict(self.chunks.metadata or {})

    def _bump_revision(
        self,
        ingested_at: datetime | None = None,
        *,
        repaired_until: float | None = None,
        new_revision: bool = True,
    ) -> None:
        meta = self._collection_metadata()
        meta.pop("hnsw:space", None)
        if new_revision:
            meta["revision"] = uuid.uuid4().hex
        if ingested_at is not None:  # so that last_ingest() need not read every article
            meta["last_ingest"] = ingested_at.isoformat()
        if repaired_until is not None:
            meta[REPAIRED_UNTIL] = repaired_until
        try:
            self.chunks.modify(metadata=meta)
        except Exception:  # some Chroma versions refuse to re-state the distance setting
            log.debug("could not record a new store revision", exc_info=True)

    # ----------------------------------------------------------------- reading

    def _get_all(
        self, collection: Any, include: list[str], where: dict | None = None, page: int = 5000
    ) -> Iterator[tuple[str, dict[str, Any], Any]]:
        offset = 0
        while True:
            batch = collection.get(include=include, where=where, limit=page, offset=offset)
            ids = batch["ids"]
            if not ids:
                return
            metas = batch.get("metadatas") or [{}] * len(ids)
            docs = batch.get("documents") or [None] * len(ids)
            yield from zip(ids, metas, docs, strict=True)
            if len(ids) < page:
                return
            offset += page

    def article_index(self) -> dict[str, ArticleRecord]:
        """Every article's record: a scan of the store, for repair and catch-up only."""
        return {
            article_id: _record(article_id, meta)
            for article_id, meta, _ in self._get_all(self.articles, ["metadatas"])
        }

    def count_articles(self) -> int:
        return int(self.articles.count())

    def count_chunks(self) -> int:
        return int(self.chunks.count())

    def list_articles(self) -> list[ArticleSummaryRow]:
        records = self._get_all(self.articles, ["metadatas"])
        return summary_rows((article_id, meta) for article_id, meta, _ in records)

    def article_metadata(self, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        if not article_ids:
            return {}
        ids = list(dict.fromkeys(article_ids))
        found: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), self._max_batch):
            got = self.articles.get(ids=ids[i : i + self._max_batch], include=["metadatas"])
            found.update(zip(got["ids"], got["metadatas"], strict=True))
        return found

    def get_article(self, article_id: str) -> StoredArticle:
        got = self.articles.get(ids=[article_id], include=["metadatas", "documents"])
        if not got["ids"]:
            raise ArticleNotFound(f"no stored article with id {article_id!r}")
        meta, text = got["metadatas"][0], got["documents"][0]
        chunk_got = self.chunks.get(where={"article_id": article_id}, include=["metadatas"])
        chunks = zip(chunk_got["ids"], chunk_got["metadatas"], strict=True)
        return stored_article(article_id, meta, text, chunks)

    def get_articles(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]:
        """The stored articles of ``article_ids`` (those found), in one read of the articles and
        one of their chunks a batch, where :meth:`get_article` reads twice an article."""
        ids = list(dict.fromkeys(article_ids))
        found: dict[str, StoredArticle] = {}
        for i in range(0, len(ids), self._max_batch):
            batch = ids[i : i + self._max_batch]
            got = self.articles.get(ids=batch, include=["metadatas", "documents"])
            if not got["ids"]:
                continue
            chunk_got = self.chunks.get(
                where={"article_id": {"$in": list(got["ids"])}}, include=["metadatas"]
            )
            chunks: dict[str, list[tuple[str, dict[str, Any]]]] = {}
            for cid, cmeta in zip(chunk_got["ids"], chunk_got["metadatas"], strict=True):
                chunks.setdefault(str(cmeta.get("article_id")), []).append((cid, dict(cmeta)))
            for article_id, meta, text in zip(
                got["ids"], got["metadatas"], got["documents"], strict=True
            ):
                found[article_id] = stored_article(
                    article_id, dict(meta), text, chunks.get(article_id, [])
                )
        return found

    def find_article_id(self, reference: str) -> str | None:
        """An article id for an id, a URL (canonicalised) or nothing."""
        ref = reference.strip()
        if self.articles.get(ids=[ref], include=[])["ids"]:
            return ref
        if ref.startswith(("http://", "https://")):
            got = self.articles.get(where={"url": canonical_url(ref)}, include=[], limit=1)
            if got["ids"]:
                return str(got["ids"][0])
            got = self.articles.get(where={"url": ref}, include=[], limit=1)
            if got["ids"]:
                return str(got["ids"][0])
        return None

    def known_urls(self, urls: Sequence[str]) -> dict[str, str]:
        """Those of ``urls`` (http(s) links) that a stored article has as its URL, each with
        that article's id."""
        canonical: dict[str, list[str]] = {}
        for url in urls:
            try:
                canonical.setdefault(canonical_url(url), []).append(url)
            except ValueError:
                continue
        found: dict[str, str] = {}
        names = list(canonical)
        for i in range(0, len(names), self._max_batch):
            got = self.articles.get(
                where={"url": {"$in": names[i : i + self._max_batch]}}, include=["metadatas"]
            )
            for article_id, meta in zip(got["ids"], got["metadatas"], strict=True):
                for url in canonical.get(str(meta.get("url")), []):
                    found[url] = str(article_id)
        return found

    def chunks_by_ids(self, ids: Sequence[str]) -> list[Hit]:
        if not ids:
            return []
        got = self.chunks.get(ids=list(ids), include=["metadatas", "documents"])
        return [
            hit_from_chunk(cid, meta, doc, 0.0)
            for cid, meta, doc in zip(got["ids"], got["metadatas"], got["documents"], strict=True)
        ]

    def iter_chunks(self) -> Iterator[tuple[str, dict[str, Any], str]]:
        for cid, meta, doc in self._get_all(self.chunks, ["metadatas", "documents"]):
            yield cid, meta, doc or ""

    def articles_between(self, first_day: int, last_day: int) -> list[tuple[str, dict[str, Any]]]:
        """Articles whose date (published, else first seen) falls in ``[first_day, last_day]``."""
        where = {"$and": [{"event_day": {"$gte": first_day}}, {"event_day": {"$lte": last_day}}]}
        return [(aid, meta) for aid, meta, _ in self._get_all(self.articles, ["metadatas"], where)]

    def articles_written_since(self, since: float) -> list[str]:
        """The ids of the articles with chunks written after ``since`` (a time): a metadata
        lookup, in what was written since then, not in the store's size."""
        recent = self._get_all(
            self.chunks, ["metadatas"], where={"written_at": {"$gt": since}}, page=10000
        )
        return list(dict.fromkeys(str(meta.get("article_id")) for _, meta, _ in recent))

    def article_vectors(self, article_ids: Sequence[str]) -> dict[str, np.ndarray]:
        if not article_ids:
            return {}
        got = self.articles.get(ids=list(article_ids), include=["embeddings"])
        return {
            aid: np.asarray(vec, dtype=np.float32)
            for aid, vec in zip(got["ids"], got["embeddings"], strict=True)
        }

    # ----------------------------------------------------------------- writing

    def prepare(self, raw: RawArticle) -> PreparedArticle:
        text = raw.text.strip()
        url = (
            canonical_url(raw.url)
            if raw.url and raw.url.startswith(("http://", "https://"))
            else None
        )
        t_hash = text_hash(text)
        if raw.id and raw.id.strip():
            article_id = raw.id.strip()
        elif url:
            article_id = "u-" + hashlib.sha256(url.encode()).hexdigest()[:20]
        else:
            article_id = "t-" + t_hash[:20]
        title = (raw.title or "").strip() or _title_from_text(text)
        fields = {
            "text": text,
            "title": title,
            "url": url,
            "published": raw.published.isoformat() if raw.published else None,
            "source": raw.source,
            "author": raw.author,
        }
        content_hash = hashlib.sha256(
            json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()
        return PreparedArticle(
            article_id=article_id,
            title=title,
            text=text,
            url=url,
            published=raw.published,
            source=raw.source,
            author=raw.author,
            origin=raw.origin or article_id,
            content_hash=content_hash,
            text_hash=t_hash,
        )

    def ingest(
        self,
        items: Iterable[RawArticle | LoadFailure | SkippedSource],
        *,
        batch_chunks: int | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Store every article of ``items``; unchanged ones cost a hash and a look at their
        chunk ids (an article whose chunks went missing is written again: ``updated``)."""
        batch_chunks = batch_chunks or self.settings.ingest_batch_chunks
        report = IngestReport()
        self.repair()
        # What the store holds about *these* articles, looked up a group at a time (by id
        # and by text hash): an ingest of k articles reads k records, not every record.
        index: dict[str, ArticleRecord] = {}
        by_text: dict[str, str] = {}
        pending: list[PreparedArticle] = []
        pending_chunks = 0
        unchanged: list[PreparedArticle] = []  # to confirm: are all their chunks there?
        order: dict[str, int] = {}  # report articles in source order, not in write order
        seen: dict[str, str] = {}  # article id -> the source that brought it in this run

        def enqueue(prepared: PreparedArticle) -> None:
            nonlocal pending, pending_chunks
            if any(p.article_id == prepared.article_id for p in pending):
                # The same id twice in one batch (e.g. two JSONL lines): write the first one
                # before, as Chroma refuses duplicate ids in one upsert.
                self._write(pending, report, index)
                pending, pending_chunks = [], 0
            prepared.chunks = self.chunker.split(prepared.text)
            by_text[prepared.text_hash] = prepared.article_id
            index[prepared.article_id] = ArticleRecord(
                prepared.article_id,
                prepared.content_hash,
                prepared.text_hash,
                prepared.article_id,
                len(prepared.chunks),
            )
            pending.append(prepared)
            pending_chunks += len(prepared.chunks)
            if pending_chunks >= batch_chunks:
                self._write(pending, report, index)
                pending, pending_chunks = [], 0

        def confirm_unchanged() -> None:
            for prepared, complete in self._chunks_complete(unchanged, index):
                if complete:
                    report.unchanged += 1
                    report.articles.append(
                        IngestedArticle(
                            source=prepared.origin,
                            article_id=prepared.article_id,
                            status="unchanged",
                        )
                    )
                else:
                    log.warning(
                        "article %s is missing chunks; writing them again", prepared.article_id
                    )
                    prepared.status = "updated"
                    prepared.replaces = prepared.content_hash
                    enqueue(prepared)
            unchanged.clear()

        def prepared_items() -> Iterator[tuple[PreparedArticle, bool]]:
            for item in items:
                if progress:
                    progress(1)
                if isinstance(item, LoadFailure):
                    report.failed.append(item)
                    continue
                if isinstance(item, SkippedSource):
                    report.skipped.append(item)
                    continue
                if not item.text.strip():
                    report.failed.append(
                        LoadFailure(source=item.origin or "?", error="no article text")
                    )
                    continue
                try:
                    prepared = self.prepare(item)
                except ValueError as exc:  # e.g. a malformed URL: this one fails, not the run
                    report.failed.append(
                        LoadFailure(
                            source=item.origin or "?", error=f"cannot store: {_one_line(exc)}"
                        )
                    )
                    continue
                yield prepared, bool((item.id or "").strip())

        for prepared, has_own_id in self._looked_up(prepared_items(), index, by_text):
            order.setdefault(prepared.origin, len(order))
            existing = index.get(prepared.article_id)
            first_source = seen.setdefault(prepared.article_id, prepared.origin)
            if (
                existing
                and existing.content_hash == prepared.content_hash
                and first_source != prepared.origin
            ):
                # Another source of this run is the same article (two saved copies of a page).
                report.articles.append(
                    IngestedArticle(
                        source=prepared.origin, article_id=prepared.article_id, status="duplicate"
                    )
                )
                continue
            if existing and existing.content_hash == prepared.content_hash:
                if all(p.article_id != prepared.article_id for p in pending + unchanged):
                    unchanged.append(prepared)
                    if len(unchanged) >= CONFIRM_BATCH:
                        confirm_unchanged()
                    continue
                report.unchanged += 1  # the same version twice in one run
                report.articles.append(
                    IngestedArticle(
                        source=prepared.origin, article_id=prepared.article_id, status="unchanged"
                    )
                )
                continue
            # The same text under another identity is stored once, unless the publisher gave
            # each its own id (then both are kept, and linked as one story).
            twin = by_text.get(prepared.text_hash)
            if twin is not None and twin != prepared.article_id and not has_own_id:
                report.articles.append(
                    IngestedArticle(source=prepared.origin, article_id=twin, status="duplicate")
                )
                continue
            prepared.status = "updated" if existing else "added"
            prepared.replaces = existing.content_hash if existing else ""
            enqueue(prepared)
        if unchanged:
            confirm_unchanged()
        if pending:
            self._write(pending, report, index)
        report.articles.sort(key=lambda a: order.get(a.source, len(order)))
        report.articles_total = self.count_articles()
        return report

    def _looked_up(
        self,
        prepared: Iterable[tuple[PreparedArticle, bool]],
        index: dict[str, ArticleRecord],
        by_text: dict[str, str],
    ) -> Iterator[tuple[PreparedArticle, bool]]:
        """Pass ``prepared`` through, a group at a time, after adding to ``index`` the stored
        records of the group's ids and to ``by_text`` the stored articles with its text hashes
        (two reads a group, whatever the size of the store)."""
        group: list[tuple[PreparedArticle, bool]] = []

        def look_up() -> None:
            ids = [p.article_id for p, _ in group if p.article_id not in index]
            for article_id, meta in self.article_metadata(ids).items():
                index[article_id] = _record(article_id, meta)
            hashes = list(
                dict.fromkeys(p.text_hash for p, _ in group if p.text_hash not in by_text)
            )
            for i in range(0, len(hashes), self._max_batch):
                got = self.articles.get(
                    where={"text_hash": {"$in": hashes[i : i + self._max_batch]}},
                    include=["metadatas"],
                )
                for article_id, meta in zip(got["ids"], got["metadatas"], strict=True):
                    by_text.setdefault(str(meta.get("text_hash", "")), str(article_id))

        for item in prepared:
            group.append(item)
            if len(group) >= LOOKUP_BATCH:
                look_up()
                yield from group
                group = []
        if group:
            look_up()
            yield from group

    def _chunks_complete(
        self, articles: list[PreparedArticle], index: dict[str, ArticleRecord]
    ) -> list[tuple[PreparedArticle, bool]]:
        """Whether each stored (unchanged) article still has every chunk its record names."""
        wanted = {
            a.article_id: [
                chunk_id(a.article_id, a.content_hash, position)
                for position in range(index[a.article_id].n_chunks)
            ]
            for a in articles
        }
        ids = [cid for cids in wanted.values() for cid in cids]
        present: set[str] = set()
        for i in range(0, len(ids), self._max_batch):
            present.update(self.chunks.get(ids=ids[i : i + self._max_batch], include=[])["ids"])
        return [(a, all(cid in present for cid in wanted[a.article_id])) for a in articles]

    def _write(
        self, batch: list[PreparedArticle], report: IngestReport, index: dict[str, ArticleRecord]
    ) -> None:
        started = time.perf_counter()
        self._embed(batch)
        self._link_stories(batch, index)
        now = datetime.now(UTC)
        try:
            self._upsert_chunks(batch)
            self._upsert_articles(batch, now)
            for article in batch:
                # Only the version this write replaced: "every other version" would include a
                # concurrent writer's newer chunks. Other leftovers are repair's to remove.
                if article.replaces and article.replaces != article.content_hash:
                    self.chunks.delete(
                        where={
                            "$and": [
                                {"article_id": article.article_id},
                                {"content_hash": article.replaces},
                            ]
                        }
                    )
        except StoreUnavailable:
            raise
        except Exception as exc:
            raise StoreUnavailable(f"cannot write to the Chroma store: {_one_line(exc)}") from exc
        self._bump_revision(ingested_at=now)
        for article in batch:
            index[article.article_id] = ArticleRecord(
                article.article_id,
                article.content_hash,
                article.text_hash,
                article.story_id,
                len(article.chunks),
            )
            if article.status == "added":
                report.added += 1
            else:
                report.updated += 1
            report.chunks_added += len(article.chunks)
            report.articles.append(
                IngestedArticle(
                    source=article.origin,
                    article_id=article.article_id,
                    status="added" if article.status == "added" else "updated",
                )
            )
        log.debug("wrote %d articles in %.2f s", len(batch), time.perf_counter() - started)

    def _embed(self, batch: list[PreparedArticle]) -> None:
        """Encode each distinct chunk text once, reusing vectors of unchanged chunks."""
        known: dict[str, np.ndarray] = {}
        updated = [a.article_id for a in batch if a.status == "updated"]
        if updated:
            old = self.chunks.get(
                where={"article_id": {"$in": updated}}, include=["documents", "embeddings"]
            )
            for doc, vec in zip(old["documents"], old["embeddings"], strict=True):
                if doc is not None:
                    known[doc] = np.asarray(vec, dtype=np.float32)
        todo = list(dict.fromkeys(c.text for a in batch for c in a.chunks if c.text not in known))
        if todo:
            for text, vec in zip(todo, self.embedder.encode(todo), strict=True):
                known[text] = vec
        for article in batch:
            article.vectors = np.stack([known[c.text] for c in article.chunks])

    def _link_stories(self, batch: list[PreparedArticle], index: dict[str, ArticleRecord]) -> None:
        """Give near-duplicates (lightly edited copies) the story id of the article they copy."""
        means = np.stack([_unit(a.vectors.mean(axis=0)) for a in batch if a.vectors is not None])
        candidates: list[list[tuple[str, float]]] = [[] for _ in batch]
        stored_story: dict[str, str] = {}  # the story of each stored candidate
        stored = self.articles.count()
        if stored:
            got = self.articles.query(
                query_embeddings=means.tolist(),
                n_results=min(3, stored),
                include=["distances", "metadatas"],
            )
            for i, (ids, dists, metas) in enumerate(
                zip(got["ids"], got["distances"], got["metadatas"], strict=True)
            ):
                candidates[i] = [
                    (aid, 1.0 - d)
                    for aid, d in zip(ids, dists, strict=True)
                    if aid != batch[i].article_id
                ]
                for aid, meta in zip(ids, metas, strict=True):
                    stored_story[aid] = str((meta or {}).get("story_id", aid))
        sims = means @ means.T
        for i in range(len(batch)):
            for j in range(i):
                candidates[i].append((batch[j].article_id, float(sims[i, j])))
        texts = {a.article_id: a.text for a in batch}
        stories = {a.article_id: a for a in batch}
        for i, article in enumerate(batch):
            article.story_id = article.article_id
            close = sorted(
                (c for c in candidates[i] if c[1] >= NEAR_DUPLICATE_COSINE), key=lambda c: -c[1]
            )
            if not close:
                continue
            missing = [aid for aid, _ in close if aid not in texts]
            if missing:
                got = self.articles.get(ids=missing, include=["documents"])
                texts.update(zip(got["ids"], (d or "" for d in got["documents"]), strict=True))
            mine = shingles(article.text)
            for aid, _ in close:
                if containment(mine, shingles(texts.get(aid, ""))) >= NEAR_DUPLICATE_CONTAINMENT:
                    if aid in stories:
                        article.story_id = stories[aid].story_id
                    elif aid in index:
                        article.story_id = index[aid].story_id
                    elif aid in stored_story:
                        article.story_id = stored_story[aid]
                    break

    def _upsert_chunks(self, batch: list[PreparedArticle]) -> None:
        ids, docs, metas, vecs = [], [], [], []
        written_at = time.time()  # repair leaves younger unaccounted chunks alone
        for article in batch:
            assert article.vectors is not None
            for chunk, vec in zip(article.chunks, article.vectors, strict=True):
                ids.append(chunk_id(article.article_id, article.content_hash, chunk.position))
                docs.append(chunk.text)
                vecs.append(vec)
                metas.append(
                    _clean_meta(
                        {
                            "article_id": article.article_id,
                            "title": article.title,
                            "source": article.source,
                            "url": article.url,
                            "published": article.published.isoformat()
                            if article.published
                            else None,
                            "published_day": day_number(article.published),
                            "author": article.author,
                            "position": chunk.position,
                            "start": chunk.start,
                            "end": chunk.end,
                            "content_hash": article.content_hash,
                            "story_id": article.story_id,
                            "written_at": written_at,
                        }
                    )
                )
        for i in range(0, len(ids), self._max_batch):
            j = i + self._max_batch
            self.chunks.upsert(
                ids=ids[i:j],
                documents=docs[i:j],
                metadatas=metas[i:j],
                embeddings=np.stack(vecs[i:j]),
            )

    def _upsert_articles(self, batch: list[PreparedArticle], now: datetime) -> None:
        existing = self.article_metadata([a.article_id for a in batch if a.status == "updated"])
        ids, docs, metas, vecs = [], [], [], []
        for article in batch:
            assert article.vectors is not None
            first_seen = existing.get(article.article_id, {}).get("first_seen") or now.isoformat()
            event = article.published or datetime.fromisoformat(first_seen).date()
            ids.append(article.article_id)
            docs.append(article.text)
            vecs.append(_unit(article.vectors.mean(axis=0)))
            metas.append(
                _clean_meta(
                    {
                        "title": article.title,
                        "source": article.source,
                        "url": article.url,
                        "published": article.published.isoformat() if article.published else None,
                        "published_day": day_number(article.published),
                        "event_day": day_number(event),
                        "author": article.author,
                        "content_hash": article.content_hash,
                        "text_hash": article.text_hash,
                        "story_id": article.story_id,
                        "n_chunks": len(article.chunks),
                        "first_seen": first_seen,
                        "ingested_at": now.isoformat(),
                    }
                )
            )
        for i in range(0, len(ids), self._max_batch):
            j = i + self._max_batch
            self.articles.upsert(
                ids=ids[i:j],
                documents=docs[i:j],
                metadatas=metas[i:j],
                embeddings=np.stack(vecs[i:j]),
            )

    # ----------------------------------------------------------------- consistency

    def repair(self, *, force: bool = False, grace_s: float | None = None) -> int:
        """Delete chunks that no article record accounts for; return how many were removed.

        Chunks written less than ``grace_s`` ago (default: the ``repair_grace_s`` setting) are
        kept: they may be another writer's, between its chunk upsert and its article upsert.

        Work in what was written since the last repair, not in the store's size: the store
        records how far repair has looked (``repaired_until``, a time), and a crash can only
        leave behind chunks written after that (a write's new chunks) or chunks of an article
        that has such chunks (the version a crashed update had yet to delete). So repair reads
        the chunks written since then and every chunk of their articles: the work is in what
        was written during the last grace period, whatever the store's size. A store that has
        no ``repaired_until`` yet, or ``force``, gets one full scan.
        """
        grace = self.settings.repair_grace_s if grace_s is None else grace_s
        started = time.time()
        checked_until = self._collection_metadata().get(REPAIRED_UNTIL)
        if force or not isinstance(checked_until, int | float):
            index = self.article_index()
            chunks = list(self._get_all(self.chunks, ["metadatas"], page=10000))
        else:
            article_ids = self.articles_written_since(float(checked_until))
            index = {
                aid: _record(aid, meta) for aid, meta in self.article_metadata(article_ids).items()
            }
            chunks = []
            for i in range(0, len(article_ids), CONFIRM_BATCH):
                chunks += self._get_all(
                    self.chunks,
                    ["metadatas"],
                    where={"article_id": {"$in": article_ids[i : i + CONFIRM_BATCH]}},
                    page=10000,
                )
        young_after = started - grace
        stale, young = [], 0
        for cid, meta, _ in chunks:
            rec = index.get(str(meta.get("article_id")))
            if (
                rec is None
                or rec.content_hash != meta.get("content_hash")
                or int(meta.get("position", -1)) >= rec.n_chunks
            ):
                written_at = float(meta.get("written_at", 0.0))
                if written_at > young_after:
                    young += 1
                else:
                    stale.append(cid)
        for i in range(0, len(stale), self._max_batch):
            self.chunks.delete(ids=stale[i : i + self._max_batch])
        if stale:
            log.warning("removed %d chunks left by an interrupted ingest", len(stale))
        if young:
            log.info("kept %d unaccounted chunks young enough to be a write in progress", young)
        # The next repair looks from here: every chunk written before ``young_after`` was
        # visible to this one (the grace period exceeds a write plus the clock skew) and is
        # accounted for now, or deleted; a young leftover is written after it, so seen again.
        self._bump_revision(repaired_until=young_after, new_revision=bool(stale))
        return len(stale)

    def last_ingest(self) -> datetime | None:
        """When an article was last written: recorded by every write, read in one call (a
        store written before that was recorded is scanned once)."""
        recorded = self._collection_metadata().get("last_ingest")
        if recorded:
            return datetime.fromisoformat(str(recorded))
        latest = None
        for _, meta, _ in self._get_all(self.articles, ["metadatas"]):
            value = meta.get("ingested_at")
            if value and (latest is None or value > latest):
                latest = value
        return datetime.fromisoformat(latest) if latest else None


def _record(article_id: str, meta: dict[str, Any]) -> ArticleRecord:
    return ArticleRecord(
        article_id=article_id,
        content_hash=str(meta.get("content_hash", "")),
        text_hash=str(meta.get("text_hash", "")),
        story_id=str(meta.get("story_id", article_id)),
        n_chunks=int(meta.get("n_chunks", 0)),
    )


def hit_from_chunk(cid: str, meta: dict[str, Any], doc: str | None, score: float) -> Hit:
    return Hit(
        chunk_id=cid,
        article_id=str(meta.get("article_id", "")),
        title=str(meta.get("title", "")),
        source=meta.get("source"),
        url=meta.get("url"),
        published=parse_day(meta.get("published")),
        story_id=meta.get("story_id"),
        position=int(meta.get("position", 0)),
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        score=score,
        text=doc or "",
    )


def _unit(vec: np.ndarray) -> np.ndarray:
    return vec / max(float(np.linalg.norm(vec)), 1e-12)


def _title_from_text(text: str) -> str:
    first = text.strip().split("\n", 1)[0].strip()
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "..."


def _one_line(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message[:300]


def chunk_at(article: StoredArticle, offset: int) -> str:
    """The id of the chunk of ``article`` that holds character ``offset``."""
    for span in article.chunks:
        if span.start <= offset < span.end:
            return span.chunk_id
    return article.chunks[0].chunk_id if article.chunks else ""
