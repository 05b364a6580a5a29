"""Fit the weights with which a factoid's article is read for its answer (``retrieval.reading``).

Run: ``python -m bench reading_learn [--questions FILE ...]``.

For every answerable factoid of the development question sets (``qa_shapes*.jsonl``,
``qa_calibration``, ``qa_report``; a question asking for a figure, a name, a place or a date),
the question is searched as the engine searches it, and every sentence of the top article
(inside a stored chunk, so it could be cited) gets the reading features; a sentence is a gold
sentence when it holds a gold answer string (``bench.quality.holds_gold``). The weights are
fitted as a choice among one article's sentences (a softmax over them, L2-regularised, by
gradient descent), to questions whose top article holds a gold sentence.

Figures: leave one set out (fit on the other sets, score the held one): the share of questions
whose top-read sentence holds a gold answer, beside the sentence most like the question (the
cosine of its embedding, what the lead wins by) and the reach (questions whose top article
holds a gold sentence at all). Then the weights fitted on every set, to copy into
``retrieval.reading.READING_WEIGHTS``.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.bench_store import open_bench_service, shared_embedder
from bench.harness import DATA_DIR, emit_figures, prepare_environment, print_table, read_jsonl
from bench.quality import Question, holds_gold

log = logging.getLogger(__name__)

L2 = 0.01
STEPS = 400
RATE = 0.5


@dataclass
class Read:
    """One question's top article, read: a row of features per sentence, which are gold."""

    set_name: str
    question_id: str
    rows: np.ndarray
    gold: np.ndarray
    semantic: np.ndarray


def development_sets() -> list[Path]:
    shaped = sorted(DATA_DIR.glob("qa_shapes*.jsonl"))
    return [*shaped, DATA_DIR / "qa_calibration.jsonl", DATA_DIR / "qa_report.jsonl"]


def read_questions(paths: list[Path]) -> list[Read]:
    from retrieval.grounding import question_terms
    from retrieval.lexical import idf_weights
    from retrieval.questions import plan_question, strip_time_words
    from retrieval.reading import read_question, sentence_features
    from retrieval.slots import asked_slot
    from retrieval.text import split_sentences

    embedder = shared_embedder()
    service = open_bench_service(embedder, "extractive")
    out: list[Read] = []
    for path in paths:
        for record in read_jsonl(path):
            if (record.get("shape") or "factoid") != "factoid":
                continue
            q = Question.from_record(record)
            slot = asked_slot(q.question)
            if not q.answerable or slot is None or plan_question(q.question).kind != "factoid":
                continue
            hits = service.search(strip_time_words(q.question), k=6, as_of=q.as_of).hits
            if not hits:
                continue
            article = service.show(hits[0].article_id)
            spans = [(c.start, c.end) for c in article.chunks]
            retrieved = [(h.start, h.end) for h in hits if h.article_id == article.article_id]
            sentences = [
                (i, s)
                for i, s in enumerate(split_sentences(article.text))
                if len(s.text) >= 25 and any(a <= s.start and s.end <= b for a, b in spans)
            ]
            if len(sentences) < 2:
                continue
            vectors = embedder.encode([q.question] + [s.text for _, s in sentences])
            semantic = [float(np.dot(vectors[0], v)) for v in vectors[1:]]
            terms = question_terms(q.question)
            reading = read_question(
                q.question, idf_weights(service.answers.lexical.index(), terms), slot
            )
            rows = [
                sentence_features(
                    reading,
                    s.text,
                    semantic=semantic[j],
                    lead=i == 0,
                    retrieved=any(a <= s.start and s.end <= b for a, b in retrieved),
                )
                for j, (i, s) in enumerate(sentences)
            ]
            gold = [holds_gold(s.text, q.answers) for _, s in sentences]
            out.append(
                Read(path.stem, q.id, np.array(rows), np.array(gold, float), np.array(semantic))
            )
    return out


def fit(reads: list[Read]) -> np.ndarray:
    """Weights of a softmax over each question's sentences, towards its gold sentences."""
    usable = [r for r in reads if r.gold.any()]
    weights = np.zeros(usable[0].rows.shape[1])
    for _ in range(STEPS):
        gradient = np.zeros_like(weights)
        for r in usable:
            z = r.rows @ weights
            p = np.exp(z - z.max())
            p /= p.sum()
            gradient += r.rows.T @ (p - r.gold / r.gold.sum())
        weights -= RATE * (gradient / len(usable) + L2 * weights)
    return weights


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench reading_learn", description=__doc__)
    parser.add_argument("--questions", type=Path, nargs="*", default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    prepare_environment(args.verbose)
    from retrieval.reading import FEATURES

    reads = read_questions(args.questions or development_sets())
    names = sorted({r.set_name for r in reads})
    table = []
    totals = np.zeros(4, int)
    for name in names:
        held = [r for r in reads if r.set_name == name]
        weights = fit([r for r in reads if r.set_name != name])
        got = sum(bool(r.gold[int(np.argmax(r.rows @ weights))]) for r in held)
        likest = sum(bool(r.gold[int(np.argmax(r.semantic))]) for r in held)
        reach = sum(bool(r.gold.any()) for r in held)
        totals += (len(held), reach, got, likest)
        table.append([name, len(held), reach, got, likest])
    table.append(["all", *totals.tolist()])
    print_table(
        "Top-read sentence holds a gold answer (each set scored by weights fitted on the others)",
        ["held-out set", "questions", "reach", "read", "likest"],
        table,
    )
    weights = fit(reads)
    print("weights:", ", ".join(f"{f}={w:.2f}" for f, w in zip(FEATURES, weights, strict=True)))
    emit_figures(
        "reading_learn",
        {
            "questions": int(totals[0]),
            "reach": int(totals[1]),
            "read_top1": int(totals[2]),
            "likest_top1": int(totals[3]),
            "weights": [round(float(w), 2) for w in weights],
        },
    )
    return 0
