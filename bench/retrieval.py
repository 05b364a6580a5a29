"""Retrieval quality: recall@1/@5/@10 and MRR of hybrid vs dense-only vs lexical-only.

Run: ``python -m bench retrieval [--quick] [--queries FILE]``.

Every query of ``bench/data/retrieval_dev.jsonl`` (``{"id", "query", "article_id", "style"}``) is
run through ``HybridRetriever.search(query, k=10, mode=...)`` on the cached BBC + seeds store.
A query is a hit at k when any of the first k chunks belongs to its article; MRR uses the rank of
the first such chunk (0 beyond 10). Dense-only is the baseline: the ratios say what fusion adds.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path
from typing import Any

from bench.bench_store import open_bench_service, shared_embedder
from bench.harness import (
    RETRIEVAL_DEV,
    emit_figures,
    prepare_environment,
    print_table,
    ratio,
    read_jsonl,
    spread_sample,
)

log = logging.getLogger(__name__)

MODES = ("hybrid", "dense", "lexical")
DEPTH = 10
CUTOFFS = (1, 5, 10)


def first_rank(article_ids: list[str], gold: str) -> int | None:
    """1-based rank of the first chunk of ``gold``, or None."""
    for rank, article_id in enumerate(article_ids, 1):
        if article_id == gold:
            return rank
    return None


def score_ranks(ranks: list[int | None]) -> dict[str, float]:
    n = max(len(ranks), 1)
    figures = {
        f"recall@{k}": round(sum(1 for r in ranks if r is not None and r <= k) / n, 3)
        for k in CUTOFFS
    }
    figures["mrr"] = round(sum(1.0 / r for r in ranks if r is not None) / n, 3)
    return figures


def run(service: Any, queries: list[dict[str, Any]]) -> dict[str, Any]:
    ranks: dict[str, list[int | None]] = {mode: [] for mode in MODES}
    styles: dict[str, dict[str, list[int | None]]] = {}
    seconds: dict[str, float] = dict.fromkeys(MODES, 0.0)
    service.warm_up()  # the lexical index level with the store, outside the timings
    for query in queries:
        for mode in MODES:
            started = time.perf_counter()
            hits = service.retriever.search(query["query"], k=DEPTH, mode=mode)
            seconds[mode] += time.perf_counter() - started
            rank = first_rank([h.article_id for h in hits], query["article_id"])
            ranks[mode].append(rank)
            style = query.get("style") or "all"
            styles.setdefault(style, {m: [] for m in MODES})[mode].append(rank)
    return {
        "modes": {mode: score_ranks(ranks[mode]) for mode in MODES},
        "by_style": {
            style: {mode: score_ranks(r[mode]) for mode in MODES}
            for style, r in sorted(styles.items())
        },
        "mean_ms": {mode: round(seconds[mode] * 1000 / max(len(queries), 1), 1) for mode in MODES},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench retrieval", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="60 queries")
    parser.add_argument("--queries", type=Path, default=RETRIEVAL_DEV)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    prepare_environment(args.verbose)

    queries = read_jsonl(args.queries)
    queries = spread_sample(queries, 60 if args.quick else None)
    embedder = shared_embedder()
    service = open_bench_service(embedder)
    result = run(service, queries)

    modes = result["modes"]
    print_table(
        f"Retrieval on {args.queries.name}: {len(queries)} queries, "
        f"{service.store.count_chunks()} chunks",
        ["mode", "recall@1", "recall@5", "recall@10", "MRR", "mean ms"],
        [
            [
                m,
                modes[m]["recall@1"],
                modes[m]["recall@5"],
                modes[m]["recall@10"],
                modes[m]["mrr"],
                result["mean_ms"][m],
            ]
            for m in MODES
        ],
    )
    print_table(
        "By query style (MRR)",
        ["style", "n", *MODES],
        [
            [
                style,
                sum(1 for q in queries if (q.get("style") or "all") == style),
                *(r[m]["mrr"] for m in MODES),
            ]
            for style, r in result["by_style"].items()
        ],
    )
    figures = {
        "queries": len(queries),
        "chunks": service.store.count_chunks(),
        **{f"{m}_{key}": value for m in MODES for key, value in modes[m].items()},
        "hybrid_to_dense_mrr": ratio(modes["hybrid"]["mrr"], modes["dense"]["mrr"]),
        "hybrid_to_dense_recall@5": ratio(modes["hybrid"]["recall@5"], modes["dense"]["recall@5"]),
        "by_style_mrr": {
            style: {m: r[m]["mrr"] for m in MODES} for style, r in result["by_style"].items()
        },
        "mean_ms": result["mean_ms"],
    }
    emit_figures("retrieval", figures)
    return 0
