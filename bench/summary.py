"""Summaries against the BBC extractive summaries, beside a lead-3 baseline.

Run: ``python -m bench summary [--quick] [--articles N] [--models extractive,local]``.

For N BBC articles (an even stride through the set, skipping those stored as duplicates of
another), ``NewsService.summarize(article_id)`` on the cached store, with each chat model asked
for. The reference is the data set's ``extractive_summary`` (its sentences were joined with no
space; they are split back at ``.!?`` followed by a capital or a quote). Scored with ROUGE-1/2/L
F1 (package ``rouge-score``, Porter stemming) against the reference sentences joined by spaces;
lead-3 (the first three sentences of the body) is the baseline, scored the same way.

``unsupported_share``: the share of summary sentences holding a number or a capitalised name
(a capitalised word not opening the sentence) that the article's text does not contain. Goal 0.

``key_fact_recall``: the share of the reference's numbers and capitalised names that the summary
also carries (averaged over articles whose reference has any).

``--refs bench/data/summary_refs.jsonl`` scores against 40 summaries written by hand in our own
words (``{"id", "summary"}``, two or three sentences each, written before looking at newsbot's
output) instead of the data set's extractive ones, which are cut from the articles and so
flatter any sentence picker.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import time
from pathlib import Path
from typing import Any

from bench.bench_store import WORK_DIR, open_bench_service, shared_embedder
from bench.harness import (
    emit_figures,
    percentile,
    prepare_environment,
    print_table,
    ratio,
    read_jsonl,
    require_bbc,
    spread_sample,
)

log = logging.getLogger(__name__)

QUICK_ARTICLES = 30
DEFAULT_ARTICLES = 200
_JOINED_SENTENCE = re.compile(r"(?<=[.!?])(?=[A-Z\"'‘“])")
_SENTENCE = re.compile(r"(?<=[.!?])[\"'’”]?\s+(?=[A-Z\"'‘“])")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A capitalised word (digits allowed inside, as in "Driv3r"), no trailing possessive apostrophe.
_NAME = re.compile(r"\b[A-Z][\w'’-]*[^\W_]")


def reference_sentences(extractive_summary: str) -> list[str]:
    return [s.strip() for s in _JOINED_SENTENCE.split(extractive_summary) if s.strip()]


def lead_sentences(body: str, n: int = 3) -> list[str]:
    sentences: list[str] = []
    for paragraph in body.split("\n"):
        sentences.extend(s.strip() for s in _SENTENCE.split(paragraph) if s.strip())
        if len(sentences) >= n:
            break
    return sentences[:n]


def unsupported_tokens(sentence: str, article_text: str) -> list[str]:
    """Numbers and capitalised names of ``sentence`` that ``article_text`` does not contain."""
    missing = [
        n
        for n in _NUMBER.findall(sentence)
        if n.rstrip(".,") and n.rstrip(".,") not in article_text
    ]
    words = _NAME.findall(sentence)
    for word in words[1:] if sentence.lstrip().startswith(words[0] if words else "\0") else words:
        if not re.search(rf"\b{re.escape(word)}\b", article_text):
            missing.append(word)
    return missing


def key_facts(text: str) -> set[str]:
    """Numbers and capitalised words of ``text`` (every capitalised word: names, places)."""
    return {n.rstrip(".,") for n in _NUMBER.findall(text)} | set(_NAME.findall(text))


class FactRecall:
    def __init__(self) -> None:
        self.total = 0.0
        self.n = 0

    def add(self, reference: str, prediction: str) -> None:
        facts = key_facts(reference)
        if facts:
            self.total += len(facts & key_facts(prediction)) / len(facts)
            self.n += 1

    def mean(self) -> float:
        return round(self.total / max(self.n, 1), 4)


class RougeScorer:
    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self.scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
        self.totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
        self.n = 0

    def add(self, reference: str, prediction: str) -> None:
        scores = self.scorer.score(reference, prediction)
        for key in self.totals:
            self.totals[key] += scores[key].fmeasure
        self.n += 1

    def means(self) -> dict[str, float]:
        return {key: round(value / max(self.n, 1), 4) for key, value in self.totals.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench summary",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ARTICLES} articles")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--models", default="extractive,local")
    parser.add_argument("--data", type=Path, default=None, help="BBC-shaped JSONL")
    parser.add_argument(
        "--refs", type=Path, default=None, help="hand-written references: JSONL of id, summary"
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    prepare_environment(args.verbose)

    n = args.articles or (QUICK_ARTICLES if args.quick else DEFAULT_ARTICLES)
    records = read_jsonl(args.data or require_bbc())
    models = [m.strip() for m in args.models.split(",") if m.strip()]
    embedder = shared_embedder()
    services = {
        m: open_bench_service(embedder, m, check_store=(i == 0)) for i, m in enumerate(models)
    }
    first = next(iter(services.values()))
    stored = {r for r in first.store.article_index()}
    own: dict[str, str] = {}
    if args.refs:
        own = {str(r["id"]): str(r["summary"]) for r in read_jsonl(args.refs)}
        sample = [r for r in records if r["id"] in own and r["id"] in stored]
    else:
        sample = spread_sample([r for r in records if r["id"] in stored], n)

    lead = RougeScorer()
    lead_facts = FactRecall()
    facts = {m: FactRecall() for m in models}
    lead_unsupported = 0
    lead_sentences_total = 0
    scorers = {m: RougeScorer() for m in models}
    unsupported = dict.fromkeys(models, 0)
    sentences_total = dict.fromkeys(models, 0)
    seconds: dict[str, list[float]] = {m: [] for m in models}
    examples: list[tuple[str, str, list[str]]] = []
    details_path = WORK_DIR / f"summary-{'-'.join(models)}{'-own' if args.refs else ''}.jsonl"
    details = details_path.open("w", encoding="utf-8")
    for record in sample:
        article = first.show(record["id"])
        reference = own.get(record["id"]) or " ".join(
            reference_sentences(record["extractive_summary"])
        )
        lead3 = lead_sentences(article.text)
        lead.add(reference, " ".join(lead3))
        lead_facts.add(reference, " ".join(lead3))
        for sentence in lead3:
            lead_sentences_total += 1
            lead_unsupported += bool(unsupported_tokens(sentence, article.text))
        for model, service in services.items():
            started = time.perf_counter()
            summary = service.summarize(record["id"])
            seconds[model].append(time.perf_counter() - started)
            points = [p.text for p in summary.summary]
            details.write(
                json.dumps(
                    {
                        "id": record["id"],
                        "model": model,
                        "points": points,
                        "reference": reference,
                        "lead3": lead3,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            details.flush()
            scorers[model].add(reference, " ".join(points))
            facts[model].add(reference, " ".join(points))
            for point in points:
                sentences_total[model] += 1
                missing = unsupported_tokens(point, article.text)
                if missing:
                    unsupported[model] += 1
                    if len(examples) < 5:
                        examples.append((model, point, missing))

    details.close()
    rows = [
        [
            "lead-3 (baseline)",
            *lead.means().values(),
            lead_facts.mean(),
            round(lead_unsupported / max(lead_sentences_total, 1), 3),
            None,
        ]
    ]
    systems: dict[str, Any] = {}
    lead_means = lead.means()
    for model in models:
        means = scorers[model].means()
        share = round(unsupported[model] / max(sentences_total[model], 1), 3)
        p50 = round(percentile([s * 1000 for s in seconds[model]], 50), 1)
        systems[model] = {
            **means,
            "unsupported_share": share,
            "key_fact_recall": facts[model].mean(),
            "key_fact_recall_to_lead3": ratio(facts[model].mean(), lead_facts.mean()),
            "summary_sentences": sentences_total[model],
            "p50_ms": p50,
            "rougeL_to_lead3": ratio(means["rougeL"], lead_means["rougeL"]),
            "rouge1_to_lead3": ratio(means["rouge1"], lead_means["rouge1"]),
        }
        rows.append([f"newsbot {model}", *means.values(), facts[model].mean(), share, p50])
    against = f"the references in {args.refs.name}" if args.refs else "the extractive reference"
    print_table(
        f"Summaries of {len(sample)} BBC articles vs {against} (F1)",
        ["system", "ROUGE-1", "ROUGE-2", "ROUGE-L", "key-fact recall", "unsupported", "p50 ms"],
        rows,
    )
    for model, point, missing in examples:
        print(f"unsupported ({model}): {missing} in {point[:140]!r}")
    figures = {
        "articles": len(sample),
        "references": str(args.refs) if args.refs else "extractive_summary",
        "lead3": {
            **lead_means,
            "key_fact_recall": lead_facts.mean(),
            "unsupported_share": round(lead_unsupported / max(lead_sentences_total, 1), 3),
        },
        "systems": systems,
        "rouge_package": "rouge-score",
        "goal_unsupported_share": 0,
    }
    emit_figures("summary", figures)
    return 0
