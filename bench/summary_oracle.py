"""The ceiling of sentence choice: the best summary a picker of the article's sentences could give.

Run: ``python -m bench summary_oracle [--sets tuning,report] [--refs FILE] [--budgets 45,55]
[--joint 1,4]``.

For each article of a set of our own written references (``bench/data/summary_refs*.jsonl``)
it scores, by the same ROUGE-L F1 as ``python -m bench summary`` (package ``rouge-score``'s
tokenizer, Porter stemming, LCS over the whole text):

- ``lead-3`` (the baseline) and ``newsbot``: the extractive summary of today's code;
- ``oracle <= 3``: the best set of one to three sentences that may open a bullet
  (``summarize.can_open_bullet``, as bullets give them), in article order, chosen by looking at
  the reference, with every subset tried; once with no length limit and once under each word
  budget of ``--budgets``;
- ``oracle n``: the best set of as many sentences as newsbot's summary has (3 to 5), found by
  swapping one sentence at a time from newsbot's choice and from the first n until no swap
  helps (a local optimum, so a floor on the true one);
- ``joint n``: the same, scored on the sum ``W * F1(ours) / lead-3(ours) + F1(BBC) /
  lead-3(BBC)`` for each ``W`` of ``--joint``, where BBC is the data set's extractive reference
  of the same article: whether one summary of newsbot's length could meet both goals (1.1x on
  ours, 1.2x on the BBC's) at once.

An oracle sees the reference, so no picker reaches it; it says how much of a gap sentence choice
alone could close, and at what length. ROUGE-L's LCS is computed bit-parallel (Hyyrö's
algorithm) so that trying every subset of three of up to 40 sentences stays fast.
"""

from __future__ import annotations

import argparse
import itertools
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.harness import (
    DATA_DIR,
    emit_figures,
    prepare_environment,
    print_table,
    ratio,
    read_jsonl,
    require_bbc,
)

log = logging.getLogger(__name__)

OWN_SETS = {
    "tuning": DATA_DIR / "summary_refs.jsonl",
    "report": DATA_DIR / "summary_refs2.jsonl",
    "refs3": DATA_DIR / "summary_refs3.jsonl",
    "refs4": DATA_DIR / "summary_refs4.jsonl",
}
MAX_CANDIDATES = 40  # sentences that may open a bullet, from the top, tried by the oracles


def lcs_length(a: Sequence[int], b: Sequence[int]) -> int:
    """Length of the longest common subsequence of two token-id sequences (bit-parallel)."""
    if not a or not b:
        return 0
    masks: dict[int, int] = {}
    for i, token in enumerate(b):
        masks[token] = masks.get(token, 0) | (1 << i)
    full = (1 << len(b)) - 1
    v = full
    for token in a:
        u = v & masks.get(token, 0)
        v = ((v + u) | (v - u)) & full
    return len(b) - bin(v).count("1")


def rouge_l(summary: Sequence[int], reference: Sequence[int]) -> float:
    """ROUGE-L F1 of token ids: 2 * LCS / (|summary| + |reference|)."""
    m = lcs_length(summary, reference)
    return 2 * m / (len(summary) + len(reference)) if m else 0.0


def best_subset(
    sentences: Sequence[Sequence[int]],
    reference: Sequence[int],
    max_sentences: int = 3,
    max_words: int | None = None,
    words: Sequence[int] | None = None,
) -> tuple[float, tuple[int, ...]]:
    """The set of 1..``max_sentences`` sentences (in their order) with the highest ROUGE-L F1
    against ``reference``, within ``max_words`` (counted by ``words``, one count a sentence;
    default: its tokens). Every subset is tried."""
    counts = list(words) if words is not None else [len(s) for s in sentences]
    best: tuple[float, tuple[int, ...]] = (0.0, ())
    for k in range(1, max_sentences + 1):
        for combo in itertools.combinations(range(len(sentences)), k):
            if max_words is not None and sum(counts[i] for i in combo) > max_words:
                continue
            score = rouge_l([t for i in combo for t in sentences[i]], reference)
            if score > best[0]:
                best = (score, combo)
    return best


def best_of_size(
    n: int, candidates: Sequence[int], value: Callable[[list[int]], float], starts: list[list[int]]
) -> list[int]:
    """A set of ``n`` of ``candidates`` that ``value`` rates highest, found by swapping one
    member at a time from each of ``starts`` until no swap helps (a local optimum)."""
    best: tuple[float, list[int]] = (-1.0, [])
    for start in starts:
        chosen = [i for i in dict.fromkeys(start) if i in candidates][:n]
        chosen += [i for i in candidates if i not in chosen][: n - len(chosen)]
        current = value(sorted(chosen))
        improved = True
        while improved:
            improved = False
            for pos in range(len(chosen)):
                for j in candidates:
                    if j in chosen:
                        continue
                    trial = [*chosen[:pos], j, *chosen[pos + 1 :]]
                    score = value(sorted(trial))
                    if score > current + 1e-12:
                        chosen, current, improved = trial, score, True
        if current > best[0]:
            best = (current, sorted(chosen))
    return best[1]


class Tokens:
    """Text -> token ids, with the tokenizer ``rouge-score`` uses for ``rougeL`` (stemmed)."""

    def __init__(self) -> None:
        from rouge_score import tokenizers

        self.tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)
        self.vocabulary: dict[str, int] = {}

    def __call__(self, text: str) -> list[int]:
        return [
            self.vocabulary.setdefault(t, len(self.vocabulary))
            for t in self.tokenizer.tokenize(text)
        ]


Scores = dict[str, tuple[float, float, int]]  # system -> F1 ours, F1 BBC's, words


def article_scores(
    texts: Sequence[str],
    chosen: Sequence[int],
    lead: str,
    ours: list[int],
    theirs: list[int],
    tokens: Tokens,
    budgets: Sequence[int],
    joint: Sequence[float],
    lead_means: tuple[float, float],
) -> Scores:
    """Every system's ROUGE-L F1 on one article, against ours and the BBC's reference."""
    from retrieval.summarize import can_open_bullet

    ids = [tokens(t) for t in texts]
    n_words = [len(t.split()) for t in texts]

    def score(picked: Sequence[int]) -> tuple[float, float, int]:
        joined = [t for i in sorted(picked) for t in ids[i]]
        words = sum(n_words[i] for i in picked)
        return rouge_l(joined, ours), rouge_l(joined, theirs), words

    lead_ids = tokens(lead)
    out: Scores = {
        "lead-3": (rouge_l(lead_ids, ours), rouge_l(lead_ids, theirs), len(lead.split())),
        "newsbot": score(chosen),
    }
    candidates = [i for i, t in enumerate(texts) if can_open_bullet(t)][:MAX_CANDIDATES]
    candidates = candidates or list(range(min(len(texts), MAX_CANDIDATES)))
    for budget in [None, *budgets]:
        _, combo = best_subset(
            [ids[i] for i in candidates], ours, 3, budget, [n_words[i] for i in candidates]
        )
        label = "oracle <= 3" + (f", <= {budget} words" if budget else "")
        out[label] = score([candidates[k] for k in combo])
    starts = [sorted(chosen), candidates[: len(chosen)]]
    out["oracle n"] = score(best_of_size(len(chosen), candidates, lambda s: score(s)[0], starts))
    for weight in joint:

        def both(picked: list[int], weight: float = weight) -> float:
            f_ours, f_bbc, _ = score(picked)
            return weight * f_ours / lead_means[0] + f_bbc / lead_means[1]

        out[f"joint n, W={weight:g}"] = score(best_of_size(len(chosen), candidates, both, starts))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench summary_oracle",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sets", default="tuning,report", help=f"of {', '.join(OWN_SETS)}")
    parser.add_argument("--refs", type=Path, action="append", default=[], help="another JSONL")
    parser.add_argument("--budgets", default="45,55,65,75", help="word budgets for oracle <= 3")
    parser.add_argument("--joint", default="1,4", help="weights W on our references (joint n)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    prepare_environment(args.verbose)

    from bench.bench_store import open_bench_service, shared_embedder
    from bench.summary import lead_sentences, reference_sentences
    from retrieval.summarize import Summarizer

    wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in OWN_SETS]
    if unknown:
        raise SystemExit(f"unknown set(s): {', '.join(unknown)} (known: {', '.join(OWN_SETS)})")
    files = {name: OWN_SETS[name] for name in wanted} | {p.stem: p for p in args.refs}
    budgets = [int(b) for b in args.budgets.split(",") if b.strip()]
    joint = [float(w) for w in args.joint.split(",") if w.strip()]

    embedder = shared_embedder()
    service = open_bench_service(embedder, "extractive", check_store=True)
    summarizer = Summarizer(embedder, None, "extractive")
    bbc = {
        str(r["id"]): " ".join(reference_sentences(r["extractive_summary"]))
        for r in read_jsonl(require_bbc())
    }
    tokens = Tokens()
    figures: dict[str, Any] = {}
    for name, path in files.items():
        articles = []
        for row in read_jsonl(path):
            article = service.show(str(row["id"]))
            _, _, chosen, texts = summarizer.rank_sentences(article)
            lead = " ".join(lead_sentences(article.text))
            ours, theirs = tokens(str(row["summary"])), tokens(bbc[article.article_id])
            articles.append((texts, chosen, lead, ours, theirs))
        lead_means = (
            sum(rouge_l(tokens(a[2]), a[3]) for a in articles) / len(articles),
            sum(rouge_l(tokens(a[2]), a[4]) for a in articles) / len(articles),
        )
        systems: dict[str, list[tuple[float, float, int]]] = {}
        for texts, chosen, lead, ours, theirs in articles:
            scores = article_scores(
                texts, chosen, lead, ours, theirs, tokens, budgets, joint, lead_means
            )
            for system, values in scores.items():
                systems.setdefault(system, []).append(values)
        table = []
        set_figures: dict[str, Any] = {"articles": len(articles)}
        for system, values in systems.items():
            f_ours, f_bbc, words = (round(sum(v) / len(v), 4) for v in zip(*values, strict=True))
            row = {
                "rougeL": f_ours,
                "to_lead3": ratio(f_ours, lead_means[0]),
                "rougeL_bbc_reference": f_bbc,
                "to_lead3_bbc_reference": ratio(f_bbc, lead_means[1]),
                "mean_words": round(words, 1),
            }
            set_figures[system] = row
            table.append([system, *row.values()])
        print_table(
            f"[{name}] {len(articles)} articles: ROUGE-L F1 against ours and against the BBC's",
            ["system", "R-L ours", "/ lead-3", "R-L BBC", "/ lead-3", "words"],
            table,
        )
        figures[name] = set_figures
    emit_figures("summary_oracle", {"sets": figures})
    return 0
