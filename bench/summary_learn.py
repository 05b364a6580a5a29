"""Fit the summary's sentence scorer (``retrieval/data/summary_scorer.json``) and say how it does.

Run: ``python -m bench summary_learn [--write] [--rebuild]``.

The scorer (``retrieval.summary_scorer``) is two ridge regressions over features of a sentence
that need no reference. Their target is what the sentence adds to the lede: the ROUGE-L F1 of
the lede and that sentence (in article order) less the lede's alone, less the article's mean
over its sentences (only the order within an article counts), computed with ``bench
summary``'s tokens and ROUGE-L.

- ``own``: against summaries written in our own words, fitted on ``summary_refs.jsonl`` ..
  ``summary_refs4.jsonl`` (refs1-4), leaving out their articles in the BBC sample;
- ``bbc``: against the BBC's extractive references, fitted on a slice of the stored BBC articles
  (every third, less the 200 of ``bench summary``'s sample and every article of refs1-5).

Not fitted on, so reported: ``summary_refs5.jsonl`` and the BBC sample. ``mix`` (how much the
``own`` model counts) and ``facts`` (the weight of new key facts) are chosen by cross-validation
alone: refs1-4 each left out in turn (the ``own`` model refitted on the other three) and the BBC
slice in five folds (the ``bbc`` model refitted on the other four), keeping the BBC folds'
ratio to lead-3 at ``--bbc-floor`` or more; of the pairs that do, the best mean ratio on our
left-out sets wins. Every figure is ROUGE-L F1 as a ratio to lead-3 on the same articles, with
key-fact recall beside lead-3's, as ``bench summary`` gives them.

Each article's sentences, vectors and which may open a bullet are cached in
``bench/results/summary_learn/`` (``--rebuild`` makes them again; about 1 s an article).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import pickle
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from bench.bench_store import WORK_DIR
from bench.harness import (
    DATA_DIR,
    emit_figures,
    prepare_environment,
    print_table,
    read_jsonl,
    require_bbc,
    spread_sample,
)

log = logging.getLogger(__name__)

CACHE_DIR = WORK_DIR / "summary_learn"
OWN_FILES = {
    "refs1": DATA_DIR / "summary_refs.jsonl",
    "refs2": DATA_DIR / "summary_refs2.jsonl",
    "refs3": DATA_DIR / "summary_refs3.jsonl",
    "refs4": DATA_DIR / "summary_refs4.jsonl",
    "refs5": DATA_DIR / "summary_refs5.jsonl",
}
FIT_SETS = ("refs1", "refs2", "refs3", "refs4")
REPORT_SET = "refs5"
BBC_STRIDE = 3
SAMPLE_SIZE = 200  # bench summary's BBC sample
RIDGE = 10.0
MIXES = (0.0, 0.25, 0.4, 0.45, 0.5, 0.55, 0.6, 0.75, 1.0)
FACTS = (0.0, 0.15, 0.3, 0.45)
FOLDS = 5


# --- the articles ------------------------------------------------------------------------


def build_cache(rebuild: bool) -> dict[str, list[dict[str, Any]]]:
    """Every article the fit and the report need: ``own`` (refs1-5), ``sample`` (the BBC
    sample), ``slice`` (the BBC training slice)."""
    paths = {part: CACHE_DIR / f"{part}.pkl" for part in ("own", "sample", "slice")}
    if not rebuild and all(p.exists() for p in paths.values()):
        out = {}
        for part, path in paths.items():
            with path.open("rb") as handle:
                out[part] = pickle.load(handle)
        return out

    from bench.bench_store import open_bench_service, shared_embedder
    from bench.summary import lead_sentences, reference_sentences
    from retrieval.compress import without_opening_connective
    from retrieval.keyfacts import without_opening_heading
    from retrieval.summarize import MAX_SENTENCES, can_open_bullet
    from retrieval.text import split_sentences

    embedder = shared_embedder()
    service = open_bench_service(embedder, "extractive", check_store=True)
    records = read_jsonl(require_bbc())
    in_store = set(service.store.article_index())
    stored = [r for r in records if r["id"] in in_store]
    by_id = {r["id"]: r for r in stored}
    sample = [r["id"] for r in spread_sample(stored, SAMPLE_SIZE)]
    own: dict[str, dict[str, str]] = {}
    for name, path in OWN_FILES.items():
        for row in read_jsonl(path):
            own.setdefault(str(row["id"]), {})[name] = str(row["summary"])
    taken = set(sample) | set(own)
    parts = {
        "own": sorted(own),
        "sample": sample,
        "slice": [r["id"] for r in stored[::BBC_STRIDE] if r["id"] not in taken],
    }
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    out = {}
    for part, ids in parts.items():
        rows = []
        started = time.perf_counter()
        for n, article_id in enumerate(ids):
            article = service.show(article_id)
            sentences = [s for s in split_sentences(article.text) if len(s.text) >= 25]
            sentences = sentences[:MAX_SENTENCES]
            if not sentences:
                continue
            texts = [without_opening_connective(without_opening_heading(s.text)) for s in sentences]
            rows.append(
                {
                    "id": article_id,
                    "title": article.title,
                    "texts": texts,
                    "vectors": np.asarray(
                        embedder.encode([s.text for s in sentences]), dtype=np.float32
                    ),
                    "title_vector": np.asarray(embedder.encode([article.title])[0], np.float32),
                    "may_open": [can_open_bullet(t) for t in texts],
                    "paragraph_starts": [
                        s.start == 0 or article.text[s.start - 1] == "\n" for s in sentences
                    ],
                    "lead3": " ".join(lead_sentences(article.text)),
                    "article_text": article.text,
                    "own": own.get(article_id, {}),
                    "bbc": " ".join(reference_sentences(by_id[article_id]["extractive_summary"])),
                    "in_sample": article_id in sample,
                }
            )
            if n % 100 == 0:
                log.info("%s: %d of %d (%.0f s)", part, n, len(ids), time.perf_counter() - started)
        with paths[part].open("wb") as handle:
            pickle.dump(rows, handle)
        out[part] = rows
    return out


class Prepared:
    """One article with its features, tokens and each candidate's target."""

    def __init__(self, row: dict[str, Any], tokens: Any) -> None:
        from bench.summary_oracle import rouge_l
        from retrieval.summary_scorer import sentence_features

        self.row = row
        texts = row["texts"]
        may_open = [i for i, ok in enumerate(row["may_open"]) if ok]
        self.candidates = may_open or list(range(len(texts)))
        self.features = sentence_features(
            texts,
            row["vectors"],
            row["title"],
            row["title_vector"],
            self.candidates,
            row["paragraph_starts"],
        )
        self.ids = [tokens(t) for t in texts]
        self.lead_ids = tokens(row["lead3"])
        self.references = {name: tokens(text) for name, text in row["own"].items()}
        self.references["bbc"] = tokens(row["bbc"])
        self.targets: dict[str, np.ndarray] = {}
        lede = self.candidates[0]
        for name, reference in self.references.items():
            alone = rouge_l(self.ids[lede], reference)
            gains = [
                rouge_l([t for j in sorted({lede, i}) for t in self.ids[j]], reference) - alone
                for i in self.candidates[1:]
            ]
            values = np.asarray(gains, dtype=np.float64)
            self.targets[name] = values - values.mean() if len(values) else values

    def reference_text(self, name: str) -> str:
        return self.row["bbc"] if name == "bbc" else self.row["own"][name]


# --- the fit ---------------------------------------------------------------------------------


def stack(articles: Sequence[Prepared], names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Rows (the lede left out: it is always chosen) and targets against each of ``names``."""
    rows, targets = [], []
    for article in articles:
        for name in names:
            if name in article.targets and len(article.targets[name]):
                rows.append(article.features[1:])
                targets.append(article.targets[name])
    if not rows:
        raise SystemExit(f"no articles with references {names}")
    return np.vstack(rows), np.concatenate(targets)


def ridge(rows: np.ndarray, targets: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Weights (then the intercept) of a ridge regression on standardised rows."""
    z = np.hstack([(rows - mean) / scale, np.ones((len(rows), 1))])
    penalty = RIDGE * np.eye(z.shape[1])
    penalty[-1, -1] = 0.0  # the intercept is not shrunk
    return np.linalg.solve(z.T @ z + penalty, z.T @ targets)


def fit(
    own_articles: Sequence[Prepared],
    bbc_articles: Sequence[Prepared],
    mix: float,
    facts: float,
) -> Any:
    from retrieval.summary_scorer import FEATURES, SentenceScorer

    own_rows, own_targets = stack(own_articles, FIT_SETS)
    bbc_rows, bbc_targets = stack(bbc_articles, ["bbc"])
    everything = np.vstack([own_rows, bbc_rows])
    mean = everything.mean(axis=0)
    scale = everything.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return SentenceScorer(
        features=FEATURES,
        mean=mean,
        scale=scale,
        own=ridge(own_rows, own_targets, mean, scale),
        bbc=ridge(bbc_rows, bbc_targets, mean, scale),
        mix=mix,
        facts=facts,
    )


# --- the measure -----------------------------------------------------------------------------


Chooser = Callable[[Prepared], list[int]]


def scorer_chooser(scorer: Any) -> Chooser:
    from retrieval.summarize import bullet_count, pick_sentences

    def choose(article: Prepared) -> list[int]:
        texts = article.row["texts"]
        return pick_sentences(
            texts,
            article.row["vectors"],
            article.candidates,
            scorer.worth(article.features),
            scorer.facts,
            bullet_count(len(texts)),
        )

    return choose


def measure(articles: Sequence[Prepared], name: str, choose: Chooser) -> dict[str, float]:
    """ROUGE-L F1 against ``name``'s references as a ratio to lead-3, key-fact recall beside
    lead-3's, mean words."""
    from bench.summary import FactRecall
    from bench.summary_oracle import rouge_l

    ours, lead = [], []
    recall, lead_recall = FactRecall(), FactRecall()
    n_words = []
    for article in articles:
        reference = article.references[name]
        chosen = sorted(choose(article))
        ours.append(rouge_l([t for i in chosen for t in article.ids[i]], reference))
        lead.append(rouge_l(article.lead_ids, reference))
        joined = " ".join(article.row["texts"][i] for i in chosen)
        text = article.reference_text(name)
        recall.add(text, joined, article.row["article_text"])
        lead_recall.add(text, article.row["lead3"], article.row["article_text"])
        n_words.append(len(joined.split()))
    return {
        "articles": len(articles),
        "to_lead3": round(float(np.mean(ours)) / max(float(np.mean(lead)), 1e-12), 3),
        "key_fact_recall": recall.mean(),
        "lead3_key_fact_recall": lead_recall.mean(),
        "mean_words": round(float(np.mean(n_words)), 1),
    }


def fit_articles(own: Sequence[Prepared]) -> list[Prepared]:
    """The articles of refs1-4 the ``own`` model may see: none in the BBC sample or in refs5."""
    return [a for a in own if not a.row["in_sample"] and REPORT_SET not in a.row["own"]]


def cross_validate(
    own: Sequence[Prepared], bbc_slice: Sequence[Prepared]
) -> dict[tuple[float, float], dict[str, Any]]:
    """For each (mix, facts): our left-out sets' ratios and the BBC folds' ratio."""
    results: dict[tuple[float, float], dict[str, Any]] = {
        (m, f): {"own": {}, "bbc": []} for m in MIXES for f in FACTS
    }
    fitting = fit_articles(own)
    # ``fit`` does not read ``mix`` or ``facts``: fit once per fold, then vary the two.
    for held in FIT_SETS:
        train = [a for a in fitting if held not in a.row["own"]]
        test = [a for a in own if held in a.row["own"]]
        fitted = fit(train, bbc_slice, 0.0, 0.0)
        for (mix, facts), result in results.items():
            scorer = dataclasses.replace(fitted, mix=mix, facts=facts)
            result["own"][held] = measure(test, held, scorer_chooser(scorer))
    for fold in range(FOLDS):
        train = [a for k, a in enumerate(bbc_slice) if k % FOLDS != fold]
        test = [a for k, a in enumerate(bbc_slice) if k % FOLDS == fold]
        fitted = fit(fitting, train, 0.0, 0.0)
        for (mix, facts), result in results.items():
            scorer = dataclasses.replace(fitted, mix=mix, facts=facts)
            result["bbc"].append(measure(test, "bbc", scorer_chooser(scorer))["to_lead3"])
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench summary_learn",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--write", action="store_true", help="write the fitted scorer")
    parser.add_argument("--rebuild", action="store_true", help="cache the articles again")
    parser.add_argument(
        "--bbc-floor",
        type=float,
        default=1.18,
        help="the least ratio to lead-3 on the BBC folds a (mix, facts) pair may have (1.18: the "
        "hand-weighted picker's on the slice; the shipped table's mix 0.55, facts 0.3)",
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    prepare_environment(args.verbose)

    from bench.summary_oracle import Tokens
    from retrieval.summary_scorer import SCORER_PATH

    cache = build_cache(args.rebuild)
    tokens = Tokens()
    own = [Prepared(row, tokens) for row in cache["own"]]
    sample = [Prepared(row, tokens) for row in cache["sample"]]
    bbc_slice = [Prepared(row, tokens) for row in cache["slice"]]

    results = cross_validate(own, bbc_slice)
    table = []
    for (mix, facts), result in results.items():
        own_mean = float(np.mean([r["to_lead3"] for r in result["own"].values()]))
        result["own_mean"] = round(own_mean, 3)
        result["bbc_mean"] = round(float(np.mean(result["bbc"])), 3)
        ratios = [result["own"][s]["to_lead3"] for s in FIT_SETS]
        table.append([mix, facts, *ratios, own_mean, result["bbc_mean"]])
    print_table(
        "cross-validation: each of refs1-4 left out in turn; the BBC slice in five folds",
        ["mix", "facts", *FIT_SETS, "mean", "BBC folds"],
        table,
    )
    allowed = [k for k, r in results.items() if r["bbc_mean"] >= args.bbc_floor]
    if not allowed:
        raise SystemExit(f"no (mix, facts) keeps the BBC folds at {args.bbc_floor}")
    mix, facts = max(allowed, key=lambda k: (results[k]["own_mean"], results[k]["bbc_mean"]))
    print(f"chosen: mix {mix}, facts {facts}")

    fitting = fit_articles(own)
    scorer = fit(fitting, bbc_slice, mix, facts)
    choose = scorer_chooser(scorer)
    report: dict[str, Any] = {
        REPORT_SET: measure([a for a in own if REPORT_SET in a.row["own"]], REPORT_SET, choose),
        "bbc_sample": measure(sample, "bbc", choose),
    }
    for name in FIT_SETS:  # fitted on: for the record, not a measure
        report[f"{name} (fitted on)"] = measure(
            [a for a in own if name in a.row["own"]], name, choose
        )
    print_table(
        "the fitted scorer",
        ["set", "articles", "R-L / lead-3", "key-fact recall", "lead-3's", "words"],
        [[name, *values.values()] for name, values in report.items()],
    )
    if args.write:
        SCORER_PATH.write_text(json.dumps(scorer.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {SCORER_PATH}")
    emit_figures(
        "summary_learn",
        {
            "cross_validation": [
                {"mix": m, "facts": f, "own": r["own"], "bbc_folds": r["bbc"]}
                for (m, f), r in results.items()
            ],
            "chosen": {"mix": mix, "facts": facts},
            "report": report,
            "fit": {
                "own_articles": len(fitting),
                "bbc_slice_articles": len(bbc_slice),
                "bbc_sample_articles": len(sample),
            },
        },
    )
    return 0
