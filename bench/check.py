"""The claim verifier on ``bench/data/check_pairs.jsonl``: precision and recall per kind of edit.

Usage: ``python -m bench check [--split tune|report|all] [--show N] [--store-check N]``

For each pair the verifier (:func:`retrieval.verifier.verify`, the function answers, summaries,
digests and ``newsbot check`` use) judges the claim against its passage.

- Paraphrases must come back ``supported``: the table gives the share that do.
- Each kind of edit must not: **recall** is the share of that kind's edited claims not
  ``supported`` (also the share ``contradicted``); **precision** is, of the claims the verifier
  rejected *for that reason*, the share that really were edited (a paraphrase rejected as a
  "negation" counts against negation's precision).

Thresholds were tuned on ``tune`` only; the figures to quote are those of ``report``.

``--store-check N`` also times ``newsbot check --batch`` over N claims (the report half's
claims, repeated as needed) against a store of 500 BBC articles plus the seed, in this process.
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
from bench.harness import emit_figures, prepare_environment, read_jsonl

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


def store_check(n_claims: int, pairs: list[dict[str, Any]]) -> dict[str, Any]:
    """Time ``check --batch`` over ``n_claims`` claims against 500 BBC articles + the seed."""
    import io
    from contextlib import redirect_stdout

    from bench.harness import SEEDS_DIR, require_bbc
    from bot.app import build_service
    from bot.cli import main as cli_main
    from retrieval.settings import EngineSettings

    claims = [p["claim"] for p in pairs]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lines = require_bbc().read_text(encoding="utf-8").splitlines()[:500]
        (folder / "bbc.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        store = folder / "store"
        service = build_service(EngineSettings(store_dir=store, chat_model="extractive"))
        service.ingest([str(SEEDS_DIR), str(folder / "bbc.jsonl")])
        del service
        batch = folder / "claims.jsonl"
        with batch.open("w", encoding="utf-8") as handle:
            for i in range(n_claims):
                handle.write(json.dumps({"id": str(i), "claim": claims[i % len(claims)]}) + "\n")
        out = io.StringIO()
        started = time.perf_counter()
        with redirect_stdout(out):
            status = cli_main(["--store", str(store), "check", "--batch", str(batch)])
        seconds = time.perf_counter() - started
    verdicts = Counter(json.loads(line)["verdict"] for line in out.getvalue().splitlines() if line)
    return {
        "claims": n_claims,
        "seconds": round(seconds, 1),
        "claims_per_second": round(n_claims / seconds, 2),
        "exit": status,
        "verdicts": dict(verdicts),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench check", description=__doc__)
    parser.add_argument("--split", choices=["tune", "report", "all"], default="report")
    parser.add_argument("--show", type=int, default=0, help="print N misses of each kind")
    parser.add_argument("--store-check", type=int, default=0, metavar="N")
    parser.add_argument("--pairs", type=Path, default=OUT)
    args = parser.parse_args(argv)
    prepare_environment()
    pairs = read_jsonl(args.pairs)
    if args.split != "all":
        pairs = [p for p in pairs if p["split"] == args.split]
    figures = evaluate(pairs, show=args.show)
    print(f"claim verifier on {len(pairs)} pairs ({args.split})")
    print(_table(figures))
    for kind, lines in figures.pop("misses").items():
        print(f"\nmisses: {kind}")
        print("\n".join(lines))
    if args.store_check:
        report = [p for p in read_jsonl(args.pairs) if p["split"] == "report"]
        figures["store_check"] = store_check(args.store_check, report)
        print(f"\ncheck --batch: {figures['store_check']}")
    figures.pop("rows")
    emit_figures("check", figures)
    return 0
