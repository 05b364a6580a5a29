"""What a sentence is worth to a summary, read from features that need no reference.

Features of each sentence that may open a bullet: where it stands (its rank among those
sentences, its place in the article, whether it opens a paragraph), its length, the figures and
names it carries, how close it is to the title, to the article's mean vector and to the lede,
whether it quotes someone. ``FEATURES`` names them in order; ``sentence_features`` computes them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.keyfacts import fact_weights, sentence_facts
from retrieval.text import STOPWORDS, stem, words

FEATURES = (
    "rank_inverse",
    "rank_log",
    "position",
    "paragraph_start",
    "words_log",
    "words_20",
    "numbers",
    "names",
    "fact_weight",
    "fact_density",
    "centrality",
    "centrality_z",
    "title_similarity",
    "title_terms",
    "lede_similarity",
    "quote",
    "said",
)
_QUOTE = re.compile(r"[\"“”]")
_SAID = re.compile(r"\b(?:said|says|told|added|according)\b")


def _terms(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1}


def sentence_features(
    texts: Sequence[str],
    vectors: np.ndarray,
    title: str,
    title_vector: np.ndarray,
    candidates: Sequence[int],
    paragraph_starts: Sequence[bool],
) -> np.ndarray:
    """A row of ``FEATURES`` for each of ``candidates`` (indexes into ``texts``)."""
    n = len(texts)
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    centroid = unit.mean(axis=0)
    centroid = centroid / max(float(np.linalg.norm(centroid)), 1e-12)
    centrality = unit @ centroid
    cand_cent = centrality[list(candidates)] if candidates else centrality
    mean, spread = float(cand_cent.mean()), max(float(cand_cent.std()), 1e-6)
    t_unit = title_vector / max(float(np.linalg.norm(title_vector)), 1e-12)
    title_sim = unit @ t_unit
    lede = candidates[0] if candidates else 0
    lede_sim = unit @ unit[lede]
    title_terms = _terms(title)
    value = fact_weights(texts)
    rows = []
    # The divisors below (/20, /5, /8, /4) change nothing once ``mean``/``scale`` standardise.
    for rank, i in enumerate(candidates):
        text = texts[i]
        facts = sentence_facts(text)
        n_words = max(len(words(text)), 1)
        weight = sum(value.get(f, 0.0) for f in facts)
        terms = _terms(text)
        rows.append(
            [
                1.0 / (1.0 + rank),
                math.log1p(rank),
                i / max(n - 1, 1),
                float(paragraph_starts[i]),
                math.log(n_words),
                n_words / 20.0,
                min(sum(f.startswith("num:") for f in facts), 5) / 5.0,
                min(sum(f.startswith("name:") for f in facts), 8) / 8.0,
                min(weight, 8.0) / 8.0,
                weight / math.sqrt(n_words / 12.0) / 4.0,
                float(centrality[i]),
                (float(centrality[i]) - mean) / spread,
                float(title_sim[i]),
                len(terms & title_terms) / max(len(title_terms), 1),
                float(lede_sim[i]) if rank else 1.0,
                float(bool(_QUOTE.search(text))),
                float(bool(_SAID.search(text))),
            ]
        )
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))


SCORER_PATH = Path(__file__).parent / "data" / "summary_scorer.json"

# A fixed text whose feature rows the fit stores beside the weights (``fingerprint``), so that a
# change to how a feature is computed shows as a table fitted on other features. Its vectors are
# drawn from a seeded generator: the fingerprint needs no embedding model.
FINGERPRINT_TITLE = "Heineken buys Cardiff brewer Brains for £42m"
FINGERPRINT_TEXTS = (
    "A small Welsh brewery has been bought by one of Europe's largest drinks groups.",
    "Heineken paid £42m for Brains, which employs 310 people at its Cardiff site.",
    "The deal values Brains at 14 times its 2004 profit of £3m, analysts at Panmure said.",
    '"It is a good day for Cardiff," chairman John Rhys told staff on Monday.',
    "Brains sold 1.2 million pints in December, up 8% on 2003, according to Panmure, and "
    "4.1 million in 2002, 3.9 million in 2001, 3.7 million in 2000 and 3.5 million in 1999.",
    "Heineken bought Scottish & Newcastle's French arm for £1.1bn in 2003.",
    "Shares in Heineken rose 2% to 24.50 euros in Amsterdam on Monday, and Carlsberg, "
    "Diageo, Molson Coors, Asahi and Kirin also rose, Reuters, Bloomberg and AP said.",
)


def feature_fingerprint() -> list[list[float]]:
    """``sentence_features`` of ``FINGERPRINT_TEXTS``, rounded to six places."""
    rng = np.random.default_rng(20261201)
    vectors = rng.normal(size=(len(FINGERPRINT_TEXTS) + 1, 16))
    rows = sentence_features(
        FINGERPRINT_TEXTS,
        vectors[:-1],
        FINGERPRINT_TITLE,
        vectors[-1],
        list(range(len(FINGERPRINT_TEXTS))),
        [True, False, False, True, False, True, False],
    )
    return [[round(float(v), 6) for v in row] for row in rows]


@dataclass(frozen=True)
class SentenceScorer:
    """Two linear models over ``FEATURES`` (each feature standardised by ``mean`` and
    ``scale``): ``own`` predicts what a sentence adds to the lede against summaries people wrote
    in their own words, ``bbc`` against the BBC's extractive ones. A sentence's worth is the mix
    ``mix * own + (1 - mix) * bbc`` of the two predictions, each standardised over the article's
    candidate sentences, plus ``facts`` per unit of new key-fact weight as the summary is built.
    Fitted by ``python -m bench summary_learn`` (which says on which articles)."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    own: np.ndarray  # a weight per feature, then the intercept
    bbc: np.ndarray
    mix: float
    facts: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SentenceScorer:
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"a scorer fitted on other features: {data['features']}")
        return cls(
            features=FEATURES,
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            own=np.asarray(data["own"], dtype=np.float64),
            bbc=np.asarray(data["bbc"], dtype=np.float64),
            mix=float(data["mix"]),
            facts=float(data["facts"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "own": [round(float(v), 6) for v in self.own],
            "bbc": [round(float(v), 6) for v in self.bbc],
            "mix": self.mix,
            "facts": self.facts,
            "fingerprint": feature_fingerprint(),
        }

    def predict(self, rows: np.ndarray, which: str) -> np.ndarray:
        weights = self.own if which == "own" else self.bbc
        return ((rows - self.mean) / self.scale) @ weights[:-1] + weights[-1]

    def worth(self, rows: np.ndarray) -> np.ndarray:
        """Each row's worth before key facts: the standardised mix of the two predictions."""
        return self.mix * _standardised(self.predict(rows, "own")) + (
            1.0 - self.mix
        ) * _standardised(self.predict(rows, "bbc"))


def _standardised(values: np.ndarray) -> np.ndarray:
    spread = float(values.std())
    return (values - values.mean()) / spread if spread > 1e-12 else np.zeros_like(values)


@lru_cache(maxsize=1)
def default_scorer() -> SentenceScorer:
    """The scorer shipped in ``retrieval/data/summary_scorer.json``."""
    return SentenceScorer.from_json(json.loads(SCORER_PATH.read_text(encoding="utf-8")))
