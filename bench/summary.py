"""Summaries against three sets of references, each beside a lead-3 baseline from the same run.

Run: ``python -m bench summary [--quick] [--articles N] [--models extractive,local]
[--sets bbc,tuning,report] [--refs FILE]``.

One run scores, with ``NewsService.summarize(article_id)`` on the cached store and each chat model
asked for:

- ``bbc``: N BBC articles (an even stride through the set) against the data set's
  ``extractive_summary`` (its sentences were joined with no space; they are split back at
  ``.!?`` followed by a capital or a quote). Those references are sentences cut from the
  articles, which flatters any sentence picker.
- ``tuning``: the 40 articles of ``bench/data/summary_refs.jsonl``, against summaries written by
  hand in our own words (two or three sentences each). The summarizer's weights were tuned on
  these (and on BBC articles outside the ``bbc`` sample).
- ``report``: the 40 articles of ``bench/data/summary_refs2.jsonl``, written the same way before
  newsbot's summaries of them were seen, and never tuned on: the set to report.

Scored with ROUGE-1/2/L F1 (package ``rouge-score``, Porter stemming, ``rougeL`` over the whole
text); lead-3 (the first three sentences of the body) is the baseline, scored the same way.

``unsupported_share``: the share of summary sentences holding a number or a capitalised name
(a capitalised word not opening the sentence) that the article's text does not contain. Goal 0.

``key_fact_recall``: the share of the reference's numbers and capitalised names that the summary
also carries (averaged over articles whose reference has any). A sentence's first word counts
as a name only when the article also capitalises it inside a sentence ("The" and "But" do not
count), and neither does a courtesy title ("Mr", "Mrs", "Dr", "Sir": until the fifth session
"Mr" counted as a name); ``key_fact_recall_all_capitals`` is the old count, every capitalised
word.

``--refs FILE`` adds a set: that file of hand-written references (``{"id", "summary"}`` a
line), named after the file. Every summary, reference and lead-3 goes to
``bench/results/summary-MODELS.jsonl``.
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
    DATA_DIR,
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
# Courtesy titles name nobody: "Mr Blair" carries the fact "Blair", and "Mr" alone would let any
# summary that mentions any man score for a reference that mentions another.
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame"})


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


def key_facts(text: str, context: str = "") -> set[str]:
    """Numbers and names of ``text``: its capitalised words, except a sentence's first word and
    a courtesy title ("Mr", "Dr", "Sir").

    A sentence's first word is capitalised whatever it is ("The", "Shares", "But"), so it counts
    only when ``text`` or ``context`` (the article) also has it capitalised inside a sentence.
    """
    names: set[str] = set()
    openers: set[str] = set()
    for source in (text, context):
        for match in _NAME.finditer(source):
            (openers if _opens_sentence(source, match.start()) else names).add(match.group())
    found = {m.group() for m in _NAME.finditer(text)}
    return {n.rstrip(".,") for n in _NUMBER.findall(text)} | ((found & names) - _TITLES)


def all_capitalised(text: str) -> set[str]:
    """The key facts as counted until 30 November 2026: every capitalised word, "The" too."""
    return {n.rstrip(".,") for n in _NUMBER.findall(text)} | set(_NAME.findall(text))


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` is the first of its sentence (or paragraph)."""
    head = text[:at].rstrip("\"'‘“(")
    body = head.rstrip()
    if not body or "\n" in head[len(body) :]:
        return True
    return len(body) < len(head) and body.rstrip("\"'’”)")[-1:] in (".", "!", "?")


class FactRecall:
    """Share of the reference's key facts a summary carries; ``all_capitals``: the old count."""

    def __init__(self, all_capitals: bool = False) -> None:
        self.total = 0.0
        self.n = 0
        self.all_capitals = all_capitals

    def add(self, reference: str, prediction: str, article_text: str = "") -> None:
        if self.all_capitals:
            facts, carried = all_capitalised(reference), all_capitalised(prediction)
        else:
            facts = key_facts(reference, article_text)
            carried = key_facts(prediction, article_text)
        if facts:
            self.total += len(facts & carried) / len(facts)
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


SETS = {
    "bbc": "the data set's extractive references (BBC sample)",
    "tuning": "summary_refs.jsonl (hand-written; the set the weights were tuned on)",
    "report": "summary_refs2.jsonl (hand-written; held out, the set we report on)",
}
OWN_REFS = {"tuning": DATA_DIR / "summary_refs.jsonl", "report": DATA_DIR / "summary_refs2.jsonl"}


class SetScore:
    """Every figure of one reference set: each system beside lead-3, from the same articles."""

    def __init__(self, name: str, models: list[str]) -> None:
        self.name = name
        self.models = models
        self.articles = 0
        self.lead = RougeScorer()
        self.lead_facts = FactRecall()
        self.lead_facts_old = FactRecall(all_capitals=True)
        self.lead_unsupported = 0
        self.lead_sentences = 0
        self.lead_words: list[int] = []
        self.scorers = {m: RougeScorer() for m in models}
        self.facts = {m: FactRecall() for m in models}
        self.facts_old = {m: FactRecall(all_capitals=True) for m in models}
        self.unsupported = dict.fromkeys(models, 0)
        self.sentences = dict.fromkeys(models, 0)
        self.words: dict[str, list[int]] = {m: [] for m in models}
        self.seconds: dict[str, list[float]] = {m: [] for m in models}
        self.reference_words: list[int] = []
        self.examples: list[tuple[str, str, list[str]]] = []

    def add_lead(self, reference: str, lead3: list[str], article_text: str) -> None:
        self.articles += 1
        self.reference_words.append(len(reference.split()))
        joined = " ".join(lead3)
        self.lead.add(reference, joined)
        self.lead_facts.add(reference, joined, article_text)
        self.lead_facts_old.add(reference, joined)
        self.lead_words.append(len(joined.split()))
        for sentence in lead3:
            self.lead_sentences += 1
            self.lead_unsupported += bool(unsupported_tokens(sentence, article_text))

    def add(
        self, model: str, reference: str, points: list[str], article_text: str, s: float
    ) -> None:
        joined = " ".join(points)
        self.seconds[model].append(s)
        self.scorers[model].add(reference, joined)
        self.facts[model].add(reference, joined, article_text)
        self.facts_old[model].add(reference, joined)
        self.words[model].append(len(joined.split()))
        for point in points:
            self.sentences[model] += 1
            missing = unsupported_tokens(point, article_text)
            if missing:
                self.unsupported[model] += 1
                if len(self.examples) < 5:
                    self.examples.append((model, point, missing))

    def figures(self) -> dict[str, Any]:
        lead_means = self.lead.means()
        systems: dict[str, Any] = {}
        for model in self.models:
            means = self.scorers[model].means()
            systems[model] = {
                **means,
                "rougeL_to_lead3": ratio(means["rougeL"], lead_means["rougeL"]),
                "rouge1_to_lead3": ratio(means["rouge1"], lead_means["rouge1"]),
                "rouge2_to_lead3": ratio(means["rouge2"], lead_means["rouge2"]),
                "key_fact_recall": self.facts[model].mean(),
                "key_fact_recall_to_lead3": ratio(self.facts[model].mean(), self.lead_facts.mean()),
                "key_fact_recall_all_capitals": self.facts_old[model].mean(),
                "unsupported_share": round(
                    self.unsupported[model] / max(self.sentences[model], 1), 3
                ),
                "summary_sentences": self.sentences[model],
                "mean_words": _mean(self.words[model]),
                "p50_ms": round(percentile([s * 1000 for s in self.seconds[model]], 50), 1),
            }
        return {
            "articles": self.articles,
            "reference_mean_words": _mean(self.reference_words),
            "lead3": {
                **lead_means,
                "key_fact_recall": self.lead_facts.mean(),
                "key_fact_recall_all_capitals": self.lead_facts_old.mean(),
                "unsupported_share": round(self.lead_unsupported / max(self.lead_sentences, 1), 3),
                "mean_words": _mean(self.lead_words),
            },
            "systems": systems,
        }

    def print(self) -> None:
        figures = self.figures()
        lead = figures["lead3"]
        rows = [
            [
                "lead-3 (baseline)",
                lead["rouge1"],
                lead["rouge2"],
                lead["rougeL"],
                None,
                lead["key_fact_recall"],
                lead["mean_words"],
                lead["unsupported_share"],
                None,
            ]
        ]
        for model, f in figures["systems"].items():
            rows.append(
                [
                    f"newsbot {model}",
                    f["rouge1"],
                    f["rouge2"],
                    f["rougeL"],
                    f["rougeL_to_lead3"],
                    f["key_fact_recall"],
                    f["mean_words"],
                    f["unsupported_share"],
                    f["p50_ms"],
                ]
            )
        print_table(
            f"[{self.name}] {self.articles} BBC articles vs {SETS.get(self.name, self.name)} (F1)",
            [
                "system",
                "ROUGE-1",
                "ROUGE-2",
                "ROUGE-L",
                "R-L / lead-3",
                "key-fact recall",
                "words",
                "unsupported",
                "p50 ms",
            ],
            rows,
        )
        for model, point, missing in self.examples:
            print(f"unsupported ({model}): {missing} in {point[:140]!r}")


def _mean(values: list[int]) -> float:
    return round(sum(values) / len(values), 1) if values else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench summary",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ARTICLES} BBC articles")
    parser.add_argument("--articles", type=int, default=None, help="BBC sample size")
    parser.add_argument("--models", default="extractive,local")
    parser.add_argument("--data", type=Path, default=None, help="BBC-shaped JSONL")
    parser.add_argument(
        "--sets", default=",".join(SETS), help=f"which reference sets ({', '.join(SETS)})"
    )
    parser.add_argument(
        "--refs",
        type=Path,
        default=None,
        help="also score against this file of hand-written references (JSONL of id, summary)",
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    prepare_environment(args.verbose)

    n = args.articles or (QUICK_ARTICLES if args.quick else DEFAULT_ARTICLES)
    records = read_jsonl(args.data or require_bbc())
    models = [m.strip() for m in args.models.split(",") if m.strip()]
    wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in SETS]
    if unknown:
        raise SystemExit(
            f"unknown reference set(s): {', '.join(unknown)} (known: {', '.join(SETS)})"
        )
    embedder = shared_embedder()
    services = {
        m: open_bench_service(embedder, m, check_store=(i == 0)) for i, m in enumerate(models)
    }
    first = next(iter(services.values()))
    in_store = set(first.store.article_index())
    stored = [r for r in records if r["id"] in in_store]

    # Each set: its name, its articles, and the reference of each (None: the data set's own).
    plan: list[tuple[str, list[dict[str, Any]], dict[str, str] | None]] = []
    ref_files = {s: OWN_REFS[s] for s in wanted if s in OWN_REFS}
    if args.refs:
        ref_files[args.refs.stem] = args.refs
    if "bbc" in wanted:
        plan.append(("bbc", spread_sample(stored, n), None))
    for name, path in ref_files.items():
        written = {str(r["id"]): str(r["summary"]) for r in read_jsonl(path)}
        plan.append((name, [r for r in stored if r["id"] in written], written))

    details_path = WORK_DIR / f"summary-{'-'.join(models)}.jsonl"
    scores: dict[str, SetScore] = {}
    with details_path.open("w", encoding="utf-8") as details:
        for name, sample, own in plan:
            score = scores[name] = SetScore(name, models)
            for record in sample:
                article = first.show(record["id"])
                reference = (own or {}).get(record["id"]) or " ".join(
                    reference_sentences(record["extractive_summary"])
                )
                lead3 = lead_sentences(article.text)
                score.add_lead(reference, lead3, article.text)
                for model, service in services.items():
                    started = time.perf_counter()
                    summary = service.summarize(record["id"])
                    seconds = time.perf_counter() - started
                    points = [p.text for p in summary.summary]
                    score.add(model, reference, points, article.text, seconds)
                    row = {"set": name, "id": record["id"], "model": model, "points": points}
                    row |= {"reference": reference, "lead3": lead3}
                    details.write(json.dumps(row, ensure_ascii=False) + "\n")
                    details.flush()

    for score in scores.values():
        score.print()
    figures: dict[str, Any] = {
        "sets": {name: score.figures() for name, score in scores.items()},
        "details": str(details_path),
        "rouge_package": "rouge-score",
        "goal_unsupported_share": 0,
    }
    emit_figures("summary", figures)
    return 0
