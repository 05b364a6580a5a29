"""The bundled MiniLM on torch alone gives sentence-transformers' own vectors."""

from __future__ import annotations

import json

import numpy as np

from retrieval.embeddings import _bundled_minilm_path, build_embeddings
from retrieval.minilm import MiniLM


def test_the_default_embeddings_are_sentence_transformers_vectors(shared_data) -> None:  # type: ignore[no-untyped-def]
    from sentence_transformers import SentenceTransformer

    with (shared_data / "bbc_news_summary.jsonl").open(encoding="utf-8") as lines:
        bodies = [json.loads(next(lines))["body"] for _ in range(12)]
    # Short and long (truncated at 256 tokens), one word, accents, figures, an empty string.
    texts = [
        *bodies,
        *(b[:300] for b in bodies[:4]),
        "Kursk",
        "",
        "Zürich's café raised £1.13bn (76%) — “quoted” text.",
        "Russian forces have reclaimed about 1,100 square kilometers of territory in Kursk.",
    ]
    path = _bundled_minilm_path()
    reference = SentenceTransformer(path, device="cpu").encode(
        texts, batch_size=5, normalize_embeddings=True, convert_to_numpy=True
    )

    ours = build_embeddings(None).encode(texts)

    assert ours.shape == reference.shape == (len(texts), 384)
    assert np.abs(ours - reference).max() < 1e-5
    # Batches of different lengths pad differently; the vectors must not depend on it.
    alone = MiniLM(path).encode(texts[-1:], batch_size=1)
    assert np.abs(alone[0] - ours[-1]).max() < 1e-5


def test_no_texts_is_an_empty_matrix() -> None:
    assert MiniLM(_bundled_minilm_path()).encode([]).shape == (0, 384)
