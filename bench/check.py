"""The claim verifier on ``bench/data/check_pairs.jsonl``: precision and recall per kind of edit.

Usage: ``python -m bench check [--split tune|report|all] [--show N] [--pairs FILE]`` or
``python -m bench check --batch-timing N [--baseline M] [--store-dir DIR]``

For each pair the verifier (:func:`retrieval.verifier.verify`, the function answers, summaries,
digests and ``newsbot check`` use) judges the claim against its passage.

- Paraphrases must come back ``supported``: the table gives the share that do.
- Each kind of edit must not: **recall** is the share of that kind's edited claims not
  ``supported`` (also the share ``contradicted``); **precision** is, of the claims the verifier
  rejected *for that reason*, the share that really were edited (a paraphrase rejected as a
  "negation" counts against negation's precision).

Thresholds were tuned on ``tune`` only; the figures to quote are those of ``report``.

``--batch-timing N`` instead times ``newsbot check --batch`` over N distinct claims (see
:func:`batch_claims`) against a store of 500 BBC articles plus the seed built through the real
ingest (once, into ``--store-dir``), in this process, with a same-run baseline.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.check_corpus import KINDS, OUT
from bench.harness import emit_figures, prepare_environment, read_jsonl, spread_sample

DONE_EDIT_RECALL = 0.95
DONE_PARAPHRASE = 0.90


def evaluate(pairs: list[dict[str, Any]], show: int = 0) -> dict[str, Any]:
    from retrieval.verifier import preparse, verify

    started = time.perf_counter()
    preparse([p["claim"] for p in pairs] + [p["passage"] for p in pairs])
    results = []
    for pair in pairs:
        check = verify(pair["claim"], pair["passage"])
        results.append((pair, check))
    seconds = time.perf_counter() - started

    total: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    contradicted: Counter[str] = Counter()
    flagged_as: Counter[str] = Counter()  # rejections by the verifier's reason, any pair
    true_flags: Counter[str] = Counter()  # ... of which the pair really was edited
    misses: dict[str, list[str]] = {}
    for pair, check in results:
        kind = pair["kind"]
        total[kind] += 1
        if check.verdict != "supported":
            rejected[kind] += 1
            flagged_as[check.kind] += 1
            if kind != "paraphrase":
                true_flags[check.kind] += 1
        if check.verdict == "contradicted":
            contradicted[kind] += 1
        wrong = (check.verdict == "supported") != (kind == "paraphrase")
        if wrong:
            misses.setdefault(kind, []).append(
                f"  [{pair['id']}] {pair['claim']}\n      passage: {pair['passage']}\n"
                f"      -> {check.verdict} {check.kind} {check.reason}"
            )
    rows = []
    figures: dict[str, Any] = {
        "pairs": len(pairs),
        "ms_per_pair": 1000 * seconds / max(1, len(pairs)),
    }
    for kind in KINDS:
        if not total[kind]:
            continue
        if kind == "paraphrase":
            share = (total[kind] - rejected[kind]) / total[kind]
            rows.append((kind, total[kind], share, None, None))
            figures["paraphrase_supported"] = round(share, 3)
        else:
            recall = rejected[kind] / total[kind]
            contra = contradicted[kind] / total[kind]
            flagged = flagged_as[kind]
            precision = true_flags[kind] / flagged if flagged else None
            rows.append((kind, total[kind], recall, contra, precision))
            figures[f"{kind}_not_supported"] = round(recall, 3)
            figures[f"{kind}_contradicted"] = round(contra, 3)
            if precision is not None:
                figures[f"{kind}_precision"] = round(precision, 3)
    edits = [p for p, _ in results if p["kind"] != "paraphrase"]
    caught = sum(1 for p, c in results if p["kind"] != "paraphrase" and c.verdict != "supported")
    figures["all_edits_not_supported"] = round(caught / max(1, len(edits)), 3)
    para_rejected = rejected["paraphrase"]
    figures["overall_rejection_precision"] = round(caught / max(1, caught + para_rejected), 3)
    figures["rows"] = rows
    figures["misses"] = {k: v[:show] for k, v in misses.items()} if show else {}
    return figures


def _table(figures: dict[str, Any]) -> str:
    lines = [
        f"{'kind':<12} {'pairs':>5}  {'not supp.':>9}  {'contradicted':>12}  {'precision':>9}",
    ]
    for kind, n, recall, contra, precision in figures["rows"]:
        if kind == "paraphrase":
            lines.append(f"{'paraphrase':<12} {n:>5}  supported: {recall:.3f}")
            continue
        p = f"{precision:.3f}" if precision is not None else "-"
        mark = "" if recall >= DONE_EDIT_RECALL else "  < 0.95"
        lines.append(f"{kind:<12} {n:>5}  {recall:>9.3f}  {contra:>12.3f}  {p:>9}{mark}")
    lines.append(
        f"all edits not supported {figures['all_edits_not_supported']:.3f}; precision of "
        f"rejections {figures['overall_rejection_precision']:.3f}; "
        f"{figures['ms_per_pair']:.1f} ms a pair"
    )
    return "\n".join(lines)


def batch_claims(n: int, stored: int = 500) -> list[str]:
    """``n`` distinct claims about the news for timing ``check --batch`` (deterministic).

    A third are sentences of the ``stored`` articles as written, a third are sentences of them
    changed by one of the scripted edits or paraphrases of :mod:`bench.check_corpus`, and a
    third are sentences of BBC articles that are not in the store."""
    from bench.check_corpus import (
        _change_date,
        _change_quantity,
        _drop_attribution,
        _harden,
        _negate,
        _opposite,
        _paraphrase,
        _usable,
    )
    from bench.harness import require_bbc
    from retrieval.text import split_sentences
    from retrieval.verifier import _parser

    articles = read_jsonl(require_bbc())

    def sentences(part: list[dict[str, Any]]) -> list[str]:
        return [s.text for a in part for s in split_sentences(a["body"]) if _usable(s.text)]

    inside, outside = sentences(articles[:stored]), sentences(articles[stored:])
    third = n // 3
    chosen = inside[:: max(1, len(inside) // (2 * third))][: 2 * third]
    makers = [
        _negate,
        _opposite,
        lambda d: _change_quantity(d.text, 1),
        lambda d: _change_date(d.text),
        lambda d: _drop_attribution(d.text),
        _harden,
        lambda d: _paraphrase(d, 2),
    ]
    claims = chosen[:third]
    for i, doc in enumerate(_parser().parse_many(chosen[third:])):
        edits = (makers[(i + k) % len(makers)](doc) for k in range(len(makers)))
        claims.append(next((e for e in edits if e and e != doc.text), doc.text))
    claims += outside[:: max(1, len(outside) // max(1, n - len(claims)))]
    unique = list(dict.fromkeys(claims))
    return (unique + [c for c in outside if c not in set(unique)])[:n]


def _store(folder: Path) -> Path:
    """500 BBC articles and the seed, through the real ingest (built once into ``folder``)."""
    from bench.harness import SEEDS_DIR, require_bbc
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    store = folder / "store"
    if (store / "chroma.sqlite3").is_file():
        return store
    folder.mkdir(parents=True, exist_ok=True)
    lines = require_bbc().read_text(encoding="utf-8").splitlines()[:500]
    (folder / "bbc500.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    service = build_service(EngineSettings(store_dir=store, chat_model="extractive"))
    started = time.perf_counter()
    report = service.ingest([str(SEEDS_DIR), str(folder / "bbc500.jsonl")])
    print(f"store: {len(report.articles)} articles in {time.perf_counter() - started:.0f} s")
    return store


def _embedding_ranked_judge(checker: Any, sentence: str, pool: list[Any]) -> Any:
    """The checker before this change: every pool sentence embedded, the 8 closest in meaning
    verified, each with its context parsed up front. For the same-run baseline only."""
    import numpy as np

    from retrieval.factcheck import PASSAGES_PER_SENTENCE
    from retrieval.grounding import evidence_context
    from retrieval.verifier import preparse, verify

    if not pool:
        return [], [], "no stored passage is about this"
    vectors = checker.retriever.embedder.encode([sentence] + [ev.text for ev in pool])
    order = np.argsort(-(np.asarray(vectors[1:]) @ np.asarray(vectors[0])))
    closest = [pool[int(i)] for i in order[:PASSAGES_PER_SENTENCE]]
    preparse([sentence] + [ev.text for ev in closest] + [evidence_context(e) for e in closest])
    support, against = [], []
    for ev in closest:
        result = verify(sentence, ev.text, context=evidence_context(ev))
        if result.verdict == "supported":
            support.append(ev)
        elif result.verdict == "contradicted":
            against.append(ev)
    return support, against, ""


def batch_timing(n_claims: int, folder: Path, baseline: int) -> dict[str, Any]:
    """Time ``newsbot check --batch`` of ``n_claims`` claims on 500 BBC articles + the seed,
    in this process, from loading the models to the last line; then, on ``baseline`` of the
    same claims, the checker as it was (embedding-ranked passages) beside the current one, both
    from cold caches, with how often their verdicts agree."""
    import io
    import os
    from contextlib import redirect_stdout

    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch loads, as bot/cli.py does
    from bot.app import build_service
    from bot.cli import main as cli_main
    from retrieval.settings import EngineSettings
    from retrieval.verifier import _parser

    store = _store(folder)
    claims = batch_claims(n_claims)
    batch = folder / f"claims-{n_claims}.jsonl"
    with batch.open("w", encoding="utf-8") as handle:
        for i, claim in enumerate(claims):
            handle.write(json.dumps({"id": str(i), "claim": claim}) + "\n")
    out = io.StringIO()
    started, cpu = time.perf_counter(), time.process_time()
    with redirect_stdout(out):
        status = cli_main(["--store", str(store), "check", "--batch", str(batch)])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    results = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    figures: dict[str, Any] = {
        "claims": len(claims),
        "distinct": len(set(claims)),
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),  # this process, all threads: the wall time less the wait
        "ms_per_claim": round(1000 * seconds / max(1, len(claims)), 1),
        "exit": status,
        "verdicts": dict(Counter(r["verdict"] for r in results)),
    }
    if baseline:
        sample = spread_sample(claims, baseline)
        service = build_service(EngineSettings(store_dir=store, chat_model="extractive"))
        checker = service.checker
        service.check("Warm up the parser and the encoder.")
        _parser()._cache.clear()  # both start cold: nothing parsed or encoded yet
        started = time.perf_counter()
        now = [service.check(c).verdict for c in sample]
        current = time.perf_counter() - started
        checker._judge = lambda sentence, pool: _embedding_ranked_judge(checker, sentence, pool)
        checker._vectors.clear()
        _parser()._cache.clear()
        started = time.perf_counter()
        before = [service.check(c).verdict for c in sample]
        old = time.perf_counter() - started
        pairs = list(zip(now, before, strict=True))
        figures["baseline"] = {
            "claims": len(sample),
            "old_ms_per_claim": round(1000 * old / len(sample), 1),
            "new_ms_per_claim": round(1000 * current / len(sample), 1),
            "speedup": round(old / max(current, 1e-9), 1),
            "verdicts_agree": round(sum(a == b for a, b in pairs) / len(sample), 3),
            "changes": dict(Counter(f"{b}->{a}" for a, b in pairs if a != b)),
        }
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench check", description=__doc__)
    parser.add_argument("--split", choices=["tune", "report", "all"], default="report")
    parser.add_argument("--show", type=int, default=0, help="print N misses of each kind")
    parser.add_argument(
        "--batch-timing",
        type=int,
        default=0,
        metavar="N",
        help="time check --batch of N claims against 500 BBC articles + the seed",
    )
    parser.add_argument(
        "--baseline", type=int, default=40, metavar="N", help="claims for the old path (0: none)"
    )
    parser.add_argument(
        "--store-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "newsbot-bench-check",
        help="where the 500-article store is built once and reused",
    )
    parser.add_argument("--pairs", type=Path, default=OUT)
    args = parser.parse_args(argv)
    prepare_environment()
    if args.batch_timing:
        timing = batch_timing(args.batch_timing, args.store_dir, args.baseline)
        print(f"check --batch: {timing}")
        emit_figures("check_batch", timing)
        return 0
    pairs = read_jsonl(args.pairs)
    if args.split != "all":
        pairs = [p for p in pairs if p["split"] == args.split]
    figures = evaluate(pairs, show=args.show)
    print(f"claim verifier on {len(pairs)} pairs ({args.split})")
    print(_table(figures))
    for kind, lines in figures.pop("misses").items():
        print(f"\nmisses: {kind}")
        print("\n".join(lines))
    figures.pop("rows")
    emit_figures("check", figures)
    return 0
