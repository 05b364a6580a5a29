"""A BM25 index over the stored chunks that stays in step with the store.

The index is a sparse document-term matrix of precomputed BM25 weights, so a query is a sum of
a few columns: milliseconds at 100k chunks. It is rebuilt when the store's revision changes and
cached on disk beside the store, keyed by that revision.
"""

from __future__ import annotations

import json
import logging
import math
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from retrieval.text import TERMS_VERSION, content_terms

log = logging.getLogger(__name__)

K1 = 1.2
B = 0.75


class LexicalIndex:
    def __init__(
        self,
        chunk_ids: list[str],
        days: np.ndarray,
        matrix: sparse.csc_matrix,
        vocabulary: dict[str, int],
        revision: str,
    ) -> None:
        self.chunk_ids = chunk_ids
        self.days = days
        self.matrix = matrix
        self.vocabulary = vocabulary
        self.revision = revision

    @classmethod
    def build(cls, rows: list[tuple[str, int, str]], revision: str) -> LexicalIndex:
        """``rows`` are ``(chunk_id, published_day, text)``."""
        vocabulary: dict[str, int] = {}
        indptr, indices, counts = [0], [], []
        lengths = np.zeros(len(rows), dtype=np.float32)
        for i, (_, _, text) in enumerate(rows):
            terms = Counter(content_terms(text))
            lengths[i] = sum(terms.values())
            for term, count in terms.items():
                indices.append(vocabulary.setdefault(term, len(vocabulary)))
                counts.append(count)
            indptr.append(len(indices))
        n_docs, n_terms = len(rows), len(vocabulary)
        tf = sparse.csr_matrix(
            (
                np.asarray(counts, dtype=np.float32),
                np.asarray(indices, dtype=np.int64),
                np.asarray(indptr, dtype=np.int64),
            ),
            shape=(n_docs, n_terms),
        )
        if n_docs:
            df = np.bincount(tf.indices, minlength=n_terms).astype(np.float32)
            idf = np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
            avgdl = max(float(lengths.mean()), 1.0)
            norm = K1 * (1.0 - B + B * lengths / avgdl)
            row_of = np.repeat(np.arange(n_docs), np.diff(tf.indptr))
            data = tf.data * (K1 + 1.0) / (tf.data + norm[row_of]) * idf[tf.indices]
            tf = sparse.csr_matrix(
                (data.astype(np.float32), tf.indices, tf.indptr), shape=(n_docs, n_terms)
            )
        days = np.asarray([d for _, d, _ in rows], dtype=np.int32)
        return cls([cid for cid, _, _ in rows], days, tf.tocsc(), vocabulary, revision)

    def search(
        self, query: str, k: int, min_day: int | None = None, max_day: int | None = None
    ) -> list[tuple[str, float]]:
        cols = [
            self.vocabulary[t] for t in dict.fromkeys(content_terms(query)) if t in self.vocabulary
        ]
        if not cols or not self.chunk_ids:
            return []
        scores = np.asarray(self.matrix[:, cols].sum(axis=1)).ravel()
        if min_day is not None:
            scores[self.days < min_day] = 0.0
        if max_day is not None:
            scores[self.days > max_day] = 0.0
        k = min(k, int(np.count_nonzero(scores)))
        if k <= 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.chunk_ids[i], float(scores[i])) for i in top]

    # ------------------------------------------------------------- persistence

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        m = self.matrix
        np.savez(
            tmp,
            data=m.data,
            indices=m.indices,
            indptr=m.indptr,
            shape=np.asarray(m.shape),
            days=self.days,
        )
        meta = {
            "revision": self.revision,
            "terms": TERMS_VERSION,
            "chunk_ids": self.chunk_ids,
            "vocabulary": self.vocabulary,
        }
        path.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path, revision: str) -> LexicalIndex | None:
        try:
            meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            if meta.get("revision") != revision or meta.get("terms") != TERMS_VERSION:
                return None  # another store state, or terms from another stemmer
            arrays = np.load(path)
            matrix = sparse.csc_matrix(
                (arrays["data"], arrays["indices"], arrays["indptr"]),
                shape=tuple(int(x) for x in arrays["shape"]),
            )
            return cls(
                list(meta["chunk_ids"]), arrays["days"], matrix, dict(meta["vocabulary"]), revision
            )
        except (OSError, ValueError, KeyError):
            return None


class LexicalRanker:
    """Keeps one :class:`LexicalIndex` in step with an :class:`~retrieval.store.ArticleStore`."""

    def __init__(self, store: Any, cache_path: Path | None = None) -> None:
        self.store = store
        self.cache_path = cache_path
        self._index: LexicalIndex | None = None
        self._lock = threading.Lock()

    def index(self) -> LexicalIndex:
        revision = self.store.revision()
        with self._lock:
            if self._index is not None and self._index.revision == revision:
                return self._index
            loaded = LexicalIndex.load(self.cache_path, revision) if self.cache_path else None
            if loaded is None:
                rows = [
                    (cid, int(meta.get("published_day", -1)), doc)
                    for cid, meta, doc in self.store.iter_chunks()
                ]
                loaded = LexicalIndex.build(rows, revision)
                log.info("built the lexical index over %d chunks", len(rows))
                if self.cache_path is not None:
                    try:
                        loaded.save(self.cache_path)
                    except OSError:
                        log.warning("could not cache the lexical index at %s", self.cache_path)
            self._index = loaded
            return loaded

    def search(
        self, query: str, k: int, min_day: int | None = None, max_day: int | None = None
    ) -> list[tuple[str, float]]:
        return self.index().search(query, k, min_day, max_day)


def idf_weights(index: LexicalIndex, terms: list[str]) -> dict[str, float]:
    """Weights of ``terms`` by rarity in the index: 0.5 + BM25's IDF.

    The constant keeps a small store (a handful of articles, where IDF swings wildly) from
    letting one rare word decide everything.
    """
    n = max(len(index.chunk_ids), 1)
    out = {}
    for term in terms:
        col = index.vocabulary.get(term)
        df = 0 if col is None else int(index.matrix.indptr[col + 1] - index.matrix.indptr[col])
        out[term] = 0.5 + math.log(1.0 + (n - df + 0.5) / (df + 0.5))
    return out
