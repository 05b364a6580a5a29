"""Answer quality of newsbot (extractive, local model) beside a naive LangChain RAG baseline.

Run: ``python -m bench quality [--quick] [--questions FILE] [--systems extractive,local,naive]``.

``FILE`` is JSONL, one question a line: ``id``, ``question``, ``answers`` (gold strings, ``[]`` when
unanswerable), optional ``article_id`` (the gold article), optional ``answerable`` (default:
``answers`` non-empty), optional ``as_of`` (``YYYY-MM-DD``). Every system answers every question,
interleaved, on the same cached store (BBC set + seeds/) with the same embeddings.

- newsbot ``extractive`` and newsbot ``local`` (the offline default model): ``NewsService.ask``.
- naive RAG: langchain-chroma's retriever over the same chunk collection (top 4 by plain dense
  similarity), the 4 chunks stuffed into ``prompts/naive_rag.txt``, the same local chat model;
  its citations are the 4 chunks, its ``not_found`` is the model saying it does not know.

Figures (scored here, independently of the engine's own checks):

- ``accuracy``: answerable questions whose answer is ``answered`` and contains a gold string after
  normalising case, whitespace, quotes, ``%`` / "per cent" and thousands separators;
- ``article_recall``: answerable questions with a gold article that appears among the citations
  (all citations given, whatever the status; ``mean_citations`` says how many that is);
- ``citation_precision``: citations of answered, answerable questions whose quote holds a gold
  string ("the cited quote holds the fact");
- ``unsupported_rate``: sentences of answered answers not supported by a quote they cite (or, with
  no marker, by any citation): supported = every number of the sentence is in the quote and at
  least 60% of its content words are (a leading "As of DATE," is set aside: it is metadata);
- ``not_found_precision`` / ``not_found_recall``: of the ``not_found`` answers, the share that were
  unanswerable / of the unanswerable questions, the share answered ``not_found``;
- ``model_wording_share``: sentences of answered answers that keep the model's own wording (the
  rest quote the sources);
- ``p50_ms`` / ``p95_ms``: wall time of one answer.

A question may also carry ``must_include`` (groups of gold strings: the answer must hold one of
each group, as a comparison must give both sides) and ``shape`` (its kind, reported separately).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench.bench_store import STORE_DIR, WORK_DIR, open_bench_service, shared_embedder
from bench.harness import (
    QA_DEV,
    emit_figures,
    percentile,
    prepare_environment,
    print_table,
    ratio,
    read_jsonl,
    spread_sample,
)

log = logging.getLogger(__name__)

QUICK_QUESTIONS = 20
NAIVE_K = 4
SUPPORT_WORD_SHARE = 0.6
SYSTEMS = ("extractive", "local", "naive")

# ------------------------------------------------------------------ normalising and matching

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_MARKER = re.compile(r"\[\d+\]")
_AS_OF = re.compile(r"^\s*As of \d{1,2} [A-Z][a-z]+ \d{4}[,:]\s*")
# The engine's own statement of a part it could not answer: not a claim about the news.
_UNANSWERED = re.compile(r"^The stored articles do not answer\b")
# The engine's comparison of two cited figures: each figure it states must be in a quote it
# cites (its other words name the sides, taken from the question).
_COMPARED = re.compile(r"^Comparing the cited figures\b")
# A sentence ends before a capital, a quote or a bulleted line ("- ", "• ", "* ").
_SENTENCE_BREAK = re.compile(r"(?<=[.!?\]\"'])\s+(?=[A-Z\"'(]|[-•*]\s)")
_BULLET = re.compile(r"^[-•*]\s+")
_WORD = re.compile(r"[a-z0-9£$€]+(?:['.-][a-z0-9]+)*")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DONT_KNOW = re.compile(
    r"\b(i )?(do not|don't|dont) know\b|\bnot (sure|able to answer|mentioned|provided|stated)\b|"
    r"\bcannot (answer|determine|find)\b|\bcan't (answer|determine|find)\b|\bno information\b|"
    r"\bdoes not (say|mention|provide|contain)\b|\bdo not (say|mention|provide|contain)\b|"
    r"\bunknown\b",
    re.IGNORECASE,
)
_STOP_TEXT = """a an the and or but if of to in on at by for with from as is are was were be
    been being it its this that these those he she they them his her their we you i our your not no
    has have had do does did will would can could should may might also than then there here
    which who whom what when where why how said says say about into over after before more most
    such up out so just only very"""
_STOP = frozenset(_STOP_TEXT.split())


def normalise(text: str) -> str:
    text = text.translate(_QUOTES).lower()
    text = _MARKER.sub(" ", text)
    text = re.sub(r"(\d)\s*%", r"\1 per cent", text)
    text = re.sub(r"\bpercent\b", "per cent", text)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return " ".join(text.split())


def holds_gold(text: str, answers: list[str]) -> bool:
    haystack = normalise(text)
    return any(normalise(a).strip(" .") and normalise(a).strip(" .") in haystack for a in answers)


def _stem(word: str) -> str:
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    return [
        _stem(w)
        for w in _WORD.findall(normalise(text))
        if w not in _STOP and not _NUMBER.fullmatch(w) and len(w) > 1
    ]


def numbers(text: str) -> set[str]:
    return set(_NUMBER.findall(normalise(text)))


def supports(quote: str, sentence: str) -> bool:
    """Every number of ``sentence`` is in ``quote`` and >= 60% of its content words are."""
    if not numbers(sentence) <= numbers(quote):
        return False
    words = content_words(sentence)
    if not words:
        return True
    quote_words = set(content_words(quote))
    return sum(1 for w in words if w in quote_words) / len(words) >= SUPPORT_WORD_SHARE


def answer_sentences(text: str) -> list[tuple[str, list[int]]]:
    """``(sentence, cited numbers)`` of an answer; a leading "As of DATE," is set aside."""
    text = _AS_OF.sub("", text.strip())
    out = []
    for piece in _SENTENCE_BREAK.split(text):
        cited = [int(n) for n in re.findall(r"\[(\d+)\]", piece)]
        plain = _BULLET.sub("", " ".join(_MARKER.sub(" ", piece).split()))
        if len(plain) >= 3 and not _UNANSWERED.match(plain):
            out.append((plain, cited))
    return out


# ------------------------------------------------------------------ systems


@dataclass
class Reply:
    """What a system said, in the shape the scoring needs."""

    status: str  # answered | not_found
    text: str
    quotes: dict[int, str]  # citation number -> quote
    article_ids: list[str]
    seconds: float
    model: str = ""
    points: int = 0  # sentences of the answer
    model_points: int = 0  # of which in the model's own words
    failed: bool = False  # the system's model failed and it answered nothing


@dataclass
class Question:
    id: str
    question: str
    answers: list[str]
    article_id: str | None
    answerable: bool
    as_of: date | None = None
    kind: str | None = None
    shape: str | None = None  # factoid, briefing, comparison, multi_part, list, change, ...
    # Every group must be matched (each part of a comparison or multi-part question).
    must_include: list[list[str]] = field(default_factory=list)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Question:
        answers = [str(a) for a in record.get("answers") or []]
        answerable = record.get("answerable")
        as_of = record.get("as_of")
        return cls(
            id=str(record.get("id", "")),
            question=str(record["question"]),
            answers=answers,
            article_id=record.get("article_id") or None,
            answerable=bool(answers) if answerable is None else bool(answerable),
            as_of=date.fromisoformat(str(as_of)[:10]) if as_of else None,
            kind=record.get("kind"),
            shape=record.get("shape"),
            must_include=[[str(a) for a in group] for group in record.get("must_include") or []],
        )

    def answered_by(self, text: str) -> bool:
        """The answer holds a gold string and, for a question of parts, one of every part's."""
        return holds_gold(text, self.answers) and all(
            holds_gold(text, group) for group in self.must_include
        )


class NewsbotSystem:
    def __init__(self, service: Any) -> None:
        self.service = service

    def reply(self, question: Question) -> Reply:
        started = time.perf_counter()
        answer = self.service.ask(question.question, as_of=question.as_of)
        seconds = time.perf_counter() - started
        return Reply(
            status=answer.status,
            text=answer.answer,
            quotes={c.n: c.quote for c in answer.citations},
            article_ids=[c.article_id for c in answer.citations],
            seconds=seconds,
            model=answer.model,
            points=len(answer.points),
            model_points=sum(p.wording == "model" for p in answer.points),
        )


class NaiveRag:
    """Top-4 chunks by plain dense similarity, stuffed into one prompt, one model call."""

    def __init__(self, service: Any, embedder: Any, chat_model: Any) -> None:
        from langchain_chroma import Chroma

        store = Chroma(
            client=service.store.client,
            collection_name=service.store.chunks.name,
            embedding_function=embedder,
        )
        self.retriever = store.as_retriever(search_kwargs={"k": NAIVE_K})
        self.chat_model = chat_model

    def reply(self, question: Question) -> Reply:
        from langchain_core.messages import HumanMessage, SystemMessage

        from prompts import load_prompt

        started = time.perf_counter()
        docs = self.retriever.invoke(question.question)
        context = "\n\n".join(d.page_content for d in docs)
        system, user = load_prompt("naive_rag").render(context=context, question=question.question)
        messages = [SystemMessage(system), HumanMessage(user)] if system else [HumanMessage(user)]
        try:
            text = str(self.chat_model.invoke(messages).content).strip()
        except Exception as exc:  # any model failure, as the engine treats it
            # A baseline whose model fails answers nothing; the run goes on and counts it.
            log.warning("naive-rag: the chat model failed (%s)", exc)
            return Reply(
                status="not_found",
                text="",
                quotes={},
                article_ids=[],
                seconds=time.perf_counter() - started,
                model="naive-rag",
                failed=True,
            )
        seconds = time.perf_counter() - started
        status = "not_found" if not text or _DONT_KNOW.search(text) else "answered"
        return Reply(
            status=status,
            text=text,
            quotes={i: d.page_content for i, d in enumerate(docs, 1)},
            article_ids=[str(d.metadata.get("article_id", "")) for d in docs],
            seconds=seconds,
            model="naive-rag",
        )


# ------------------------------------------------------------------ scoring


@dataclass
class Tally:
    answerable: int = 0
    correct: int = 0
    with_gold_article: int = 0
    article_found: int = 0
    citations: int = 0
    replies: int = 0
    precise_citations: int = 0
    scored_citations: int = 0
    sentences: int = 0
    unsupported: int = 0
    predicted_not_found: int = 0
    true_not_found: int = 0
    unanswerable: int = 0
    points: int = 0
    model_points: int = 0
    model_failures: int = 0
    seconds: list[float] = field(default_factory=list)

    def add(self, question: Question, reply: Reply) -> dict[str, Any]:
        self.replies += 1
        self.seconds.append(reply.seconds)
        self.citations += len(reply.quotes)
        self.model_failures += reply.failed
        answered = reply.status == "answered"
        row: dict[str, Any] = {"status": reply.status}
        if reply.failed:
            row["model_failed"] = True
        if question.answerable:
            self.answerable += 1
            correct = answered and question.answered_by(reply.text)
            self.correct += correct
            row["correct"] = correct
            if question.article_id:
                self.with_gold_article += 1
                found = question.article_id in reply.article_ids
                self.article_found += found
                row["article_found"] = found
            if answered:
                precise = sum(holds_gold(q, question.answers) for q in reply.quotes.values())
                self.precise_citations += precise
                self.scored_citations += len(reply.quotes)
        else:
            self.unanswerable += 1
        if reply.status == "not_found":
            self.predicted_not_found += 1
            self.true_not_found += not question.answerable
        if answered:
            self.points += reply.points
            self.model_points += reply.model_points
            unsupported = []
            for sentence, cited in answer_sentences(reply.text):
                quotes = [reply.quotes[n] for n in cited if n in reply.quotes] or list(
                    reply.quotes.values()
                )
                self.sentences += 1
                if _COMPARED.match(sentence):
                    # Its figures must be in the quotes; the sides it names are the question's
                    # words ("US blog readership in 2004").
                    held = set().union(*(numbers(q) for q in quotes)) if quotes else set()
                    if not numbers(sentence) - numbers(question.question) <= held:
                        self.unsupported += 1
                        unsupported.append(sentence)
                    continue
                if not any(supports(q, sentence) for q in quotes):
                    self.unsupported += 1
                    unsupported.append(sentence)
            row["unsupported"] = unsupported
        return row

    def figures(self) -> dict[str, Any]:
        def share(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        ms = [s * 1000 for s in self.seconds]
        return {
            "accuracy": share(self.correct, self.answerable),
            "article_recall": share(self.article_found, self.with_gold_article),
            "mean_citations": round(self.citations / self.replies, 2) if self.replies else None,
            "citation_precision": share(self.precise_citations, self.scored_citations),
            "unsupported_rate": share(self.unsupported, self.sentences),
            "not_found_precision": share(self.true_not_found, self.predicted_not_found),
            "not_found_recall": share(self.true_not_found, self.unanswerable),
            "model_wording_share": share(self.model_points, self.points),
            "p50_ms": round(percentile(ms, 50), 1),
            "p95_ms": round(percentile(ms, 95), 1),
            "answerable": self.answerable,
            "unanswerable": self.unanswerable,
            "sentences": self.sentences,
            "model_failures": self.model_failures,
        }


# ------------------------------------------------------------------ running


def build_systems(names: list[str], embedder: Any) -> dict[str, Any]:
    systems: dict[str, Any] = {}
    extractive = open_bench_service(embedder, "extractive")
    if "extractive" in names:
        systems["extractive"] = NewsbotSystem(extractive)
    if "local" in names or "naive" in names:
        local = open_bench_service(embedder, "local", check_store=False)
        if "local" in names:
            systems["local"] = NewsbotSystem(local)
        if "naive" in names:
            systems["naive"] = NaiveRag(local, embedder, local.answers.chat_model)
    extractive.warm_up()
    return {name: systems[name] for name in names}


def _shape_cell(tally: Tally) -> str:
    figures = tally.figures()
    if tally.answerable:
        return f"{figures['accuracy']} (n={tally.answerable})"
    return f"nf {figures['not_found_recall']} (n={tally.unanswerable})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench quality",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_QUESTIONS} questions")
    parser.add_argument("--questions", type=Path, default=QA_DEV)
    parser.add_argument("--limit", type=int, default=None, help="at most N questions (spread)")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument(
        "--model-job",
        choices=("answer", "compress"),
        default=None,
        help="what the local model is asked to do (default: the engine's choice)",
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    prepare_environment(args.verbose)

    questions = [Question.from_record(r) for r in read_jsonl(args.questions)]
    questions = spread_sample(questions, args.limit or (QUICK_QUESTIONS if args.quick else None))
    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = set(names) - set(SYSTEMS)
    if unknown:
        parser.error(f"unknown systems {sorted(unknown)}; choose from {SYSTEMS}")
    embedder = shared_embedder()
    systems = build_systems(names, embedder)
    if args.model_job and "local" in systems:
        systems["local"].service.answers.t.model_job = args.model_job
    tallies = {name: Tally() for name in names}
    by_shape: dict[tuple[str, str], Tally] = {}
    job = f"-{args.model_job}" if args.model_job else ""
    details_path = WORK_DIR / f"quality-{args.questions.stem}-{'-'.join(names)}{job}.jsonl"
    details_path.parent.mkdir(parents=True, exist_ok=True)
    progress_path = details_path.with_suffix(".progress.json")
    with details_path.open("w", encoding="utf-8") as details:
        for i, question in enumerate(questions, 1):
            for name, system in systems.items():
                reply = system.reply(question)
                row = tallies[name].add(question, reply)
                if question.shape:
                    by_shape.setdefault((name, question.shape), Tally()).add(question, reply)
                details.write(
                    json.dumps(
                        {
                            "id": question.id,
                            "system": name,
                            "answerable": question.answerable,
                            "answer": reply.text,
                            "articles": reply.article_ids,
                            "ms": round(reply.seconds * 1000),
                            "model": reply.model,
                            **row,
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
                details.flush()
            log.info("%d/%d questions", i, len(questions))
            progress = {
                "questions_done": i,
                "systems": {n: t.figures() for n, t in tallies.items()},
            }
            progress_path.write_text(json.dumps(progress), encoding="utf-8")

    results = {name: tally.figures() for name, tally in tallies.items()}
    columns = [
        "accuracy",
        "article_recall",
        "mean_citations",
        "citation_precision",
        "unsupported_rate",
        "not_found_precision",
        "not_found_recall",
        "model_wording_share",
        "p50_ms",
        "p95_ms",
    ]
    print_table(
        f"Answer quality on {args.questions.name}: {len(questions)} questions "
        f"({sum(q.answerable for q in questions)} answerable), store {STORE_DIR.name}/",
        ["system", *columns],
        [[name, *(results[name][c] for c in columns)] for name in names],
    )
    shapes = sorted({shape for _, shape in by_shape})
    if shapes:
        print_table(
            "By question shape: accuracy (answerable) / not_found recall (unanswerable)",
            ["system", *shapes],
            [
                [
                    name,
                    *(
                        _shape_cell(by_shape[(name, shape)]) if (name, shape) in by_shape else "-"
                        for shape in shapes
                    ),
                ]
                for name in names
            ],
        )
    print(f"per-question replies: {details_path}")
    figures: dict[str, Any] = {
        "by_shape": {
            f"{name}:{shape}": {
                k: v
                for k, v in tally.figures().items()
                if k in ("accuracy", "not_found_recall", "answerable", "unanswerable")
            }
            for (name, shape), tally in sorted(by_shape.items())
        },
        "questions": len(questions),
        "file": str(args.questions),
        "model_job": args.model_job,
        "systems": results,
    }
    if "naive" in results:
        for name in ("extractive", "local"):
            if name in results and results["naive"]["accuracy"]:
                figures[f"{name}_accuracy_to_naive"] = ratio(
                    results[name]["accuracy"] or 0, results["naive"]["accuracy"]
                )
    emit_figures("quality", figures)
    return 0
