"""The fit of the summary's sentence scorer: its target, its regression, what it may see."""

from __future__ import annotations

from typing import Any

import numpy as np

from bench.summary_learn import FIT_SETS, Prepared, fit_articles, ridge
from bench.summary_oracle import Tokens, rouge_l

TEXTS = [
    "Heineken has bought the Welsh brewer Brains for £42m.",
    "Brains employs 310 people at its brewery in Cardiff.",
    "The weather in Amsterdam was mild on Monday afternoon.",
    "Heineken said the deal for Brains would close in March.",
]


def _row(own: dict[str, str], in_sample: bool = False) -> dict[str, Any]:
    vectors = np.random.default_rng(0).normal(size=(len(TEXTS), 8)).astype(np.float32)
    return {
        "id": "t/1",
        "title": "Heineken buys Brains",
        "texts": TEXTS,
        "vectors": vectors,
        "title_vector": vectors[0],
        "may_open": [True] * len(TEXTS),
        "paragraph_starts": [True] * len(TEXTS),
        "lead3": " ".join(TEXTS[:3]),
        "article_text": " ".join(TEXTS),
        "own": own,
        "bbc": " ".join(TEXTS[:2]),
        "in_sample": in_sample,
    }


def test_a_sentences_target_is_what_it_adds_to_the_lede_less_the_articles_mean() -> None:
    reference = "Heineken bought Brains for £42m; the deal closes in March."
    tokens = Tokens()
    article = Prepared(_row({"refs1": reference}), tokens)
    ids = [tokens(t) for t in TEXTS]
    ref = tokens(reference)
    alone = rouge_l(ids[0], ref)
    gains = np.array([rouge_l(ids[0] + ids[i], ref) - alone for i in (1, 2, 3)])
    assert np.allclose(article.targets["refs1"], gains - gains.mean())
    assert int(np.argmax(article.targets["refs1"])) == 2  # the sentence on the deal's close
    assert int(np.argmax(article.targets["bbc"])) == 0  # the BBC's keeps the second sentence


def test_the_regression_recovers_a_preference_planted_in_the_rows() -> None:
    rng = np.random.default_rng(1)
    rows = rng.normal(size=(500, 3))
    targets = 2.0 * rows[:, 0] - 1.0 * rows[:, 2] + 0.5
    weights = ridge(rows, targets, rows.mean(axis=0), rows.std(axis=0))
    scale = rows.std(axis=0)
    assert np.allclose(weights[:3] / scale, [2.0, 0.0, -1.0], atol=0.05)


def test_no_article_of_the_report_set_or_the_bbc_sample_is_fitted_on() -> None:
    tokens = Tokens()
    fitted = Prepared(_row({"refs1": "Heineken bought Brains."}), tokens)
    reported = Prepared(_row({"refs2": "Heineken bought Brains.", "refs5": "Brains sold."}), tokens)
    sampled = Prepared(_row({"refs3": "Heineken bought Brains."}, in_sample=True), tokens)
    assert fit_articles([fitted, reported, sampled]) == [fitted]
    assert "refs5" not in FIT_SETS
