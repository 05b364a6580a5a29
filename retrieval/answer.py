"""The answer engine: retrieve, select evidence, write, then attribute and verify.

The chat model only proposes wording. The system decides whether the stored articles answer the
question, numbers the evidence, checks every sentence the model wrote against the passage it
cites, replaces what does not hold with the evidence itself, and renumbers the citations. With
no model (``extractive``), or when the model fails, the answer is the best evidence, cited.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from prompts import load_prompt
from retrieval.grounding import (
    Evidence,
    candidate_sentences,
    check_claim,
    coverage,
    named_terms,
    predicate_found,
    predicate_term,
    quantities_in,
    question_terms,
    says_not_found,
    score_evidence,
    split_claims,
)
from retrieval.lexical import LexicalRanker, idf_weights
from retrieval.models import Answer, Citation, ConversationTurn, Hit, Timings
from retrieval.search import HybridRetriever
from retrieval.text import content_terms, words

log = logging.getLogger(__name__)

NOT_FOUND_TEXT = "The stored articles do not answer this question."


@dataclass(frozen=True)
class Answerability:
    score: float  # the best evidence sentence's score
    coverage: float  # share (IDF-weighted) of the question's terms it holds
    semantic: float  # its cosine similarity to the question
    names: float  # share of the question's names its article mentions
    predicate: bool  # its article has the word the question turns on ('decide', 'retake')
    n_terms: int  # content terms in the question


@dataclass
class Thresholds:
    """Calibrated on bench/data/qa_dev.jsonl (see bench/RESULTS.md)."""

    answerable_score: float = 0.55  # best evidence score needed to answer at all
    answerable_coverage: float = 0.4  # share of the question's terms the best evidence holds
    names_coverage: float = 0.75  # share of the question's names its article must mention
    min_semantic: float = 0.4  # least similarity of the best evidence to the question
    single_term_semantic: float = 0.6  # the same, for a question of one content word
    score_without_predicate: float = 0.7  # the score needed when the predicate is missing
    candidates: int = 3  # top evidence sentences that may show answerability
    extra_sentence_ratio: float = 0.8  # further evidence sentences kept in an extractive answer
    max_sentences: int = 3
    model_trust_score: float = 0.62  # above this, a model's "not found" is overruled


class AnswerEngine:
    def __init__(
        self,
        retriever: HybridRetriever,
        embedder: Any,
        lexical: LexicalRanker,
        chat_model: BaseChatModel | None,
        model_name: str,
        thresholds: Thresholds | None = None,
    ) -> None:
        self.retriever = retriever
        self.embedder = embedder
        self.lexical = lexical
        self.chat_model = chat_model
        self.model_name = model_name
        self.t = thresholds or Thresholds()

    # ------------------------------------------------------------------ public

    def ask(
        self,
        question: str,
        *,
        history: Sequence[ConversationTurn] = (),
        since: date | None = None,
        as_of: date | None = None,
        k: int | None = None,
        on_partial: Callable[[str], None] | None = None,
        max_chars: int | None = None,
        question_id: str | None = None,
    ) -> Answer:
        started = time.perf_counter()
        question = " ".join(question.split())
        standalone, retrieval_query = self.standalone_question(question, history)
        hits = self.retriever.search(retrieval_query, k=k or 6, since=since, as_of=as_of)
        evidence = self.select_evidence(standalone, hits)
        retrieved = time.perf_counter()
        notes: list[str] = []
        if not self.answerable(standalone, evidence, follow_up=standalone != retrieval_query):
            answer = self._not_found(question, evidence, hits)
        else:
            chosen, model_used, notes = self._compose(standalone, evidence, as_of, on_partial)
            answer = self._answered(question, chosen, model_used, max_chars)
        done = time.perf_counter()
        answer.id = question_id
        answer.notes = notes + answer.notes
        answer.standalone_question = standalone if standalone != question else None
        answer.timings_ms = Timings(
            retrieve=round((retrieved - started) * 1000),
            generate=round((done - retrieved) * 1000),
            total=round((done - started) * 1000),
        )
        return answer

    # ------------------------------------------------------------ the question

    def standalone_question(
        self, question: str, history: Sequence[ConversationTurn]
    ) -> tuple[str, str]:
        """``(question to answer, query to retrieve with)`` for a possible follow-up."""
        previous = [t.content for t in history if t.role == "user" and t.content.strip()]
        if not previous:
            return question, question
        last = previous[-1]
        own_terms = question_terms(question)
        follow_up = (
            len(words(question)) <= 9
            or bool(
                re.match(
                    r"^\s*(and|but|also|what about|how about|so|then|why|who|what|where|when)\b",
                    question,
                    re.IGNORECASE,
                )
            )
            or bool(
                re.search(
                    r"\b(it|its|they|them|their|he|she|his|her|this|that|those|these)\b",
                    question,
                    re.IGNORECASE,
                )
            )
        )
        if not follow_up and len(own_terms) >= 3:
            return question, question
        if self.chat_model is not None and not self.model_name.startswith(("local", "gguf")):
            rewritten = self._condense_with_model(question, history)
            if rewritten:
                return rewritten, rewritten
        # Deterministic: the follow-up's own words decide the evidence; the last question's
        # words steer retrieval to the same story.
        return question, f"{last} {question}"

    def _condense_with_model(
        self, question: str, history: Sequence[ConversationTurn]
    ) -> str | None:
        assert self.chat_model is not None
        lines = [f"{t.role}: {' '.join(t.content.split())[:500]}" for t in history[-6:]]
        system, user = load_prompt("condense").render(history="\n".join(lines), question=question)
        try:
            out = str(self.chat_model.invoke([SystemMessage(system), HumanMessage(user)]).content)
        except Exception:
            log.warning("the chat model could not rewrite a follow-up", exc_info=True)
            return None
        out = " ".join(out.split()).strip('"')
        if 3 <= len(words(out)) <= 40 and set(question_terms(question)) & set(content_terms(out)):
            return out
        return None

    # ---------------------------------------------------------------- evidence

    def select_evidence(self, question: str, hits: list[Hit]) -> list[Evidence]:
        evidence = candidate_sentences(hits)
        if not evidence:
            return []
        vectors = self.embedder.encode([question] + [e.text for e in evidence])
        terms = question_terms(question)
        try:
            weights = idf_weights(self.lexical.index(), terms)
        except Exception:
            log.warning(
                "lexical index unavailable; weighting question terms equally", exc_info=True
            )
            weights = {}
        score_evidence(question, evidence, vectors[0], vectors[1:], weights)
        return evidence

    def answerability(
        self, question: str, evidence: list[Evidence], index: int = 0
    ) -> Answerability:
        """What one evidence sentence (the best by default) and its article say, as numbers."""
        if len(evidence) <= index:
            return Answerability(0.0, 0.0, 0.0, 0.0, False, 0)
        ev = evidence[index]
        article_text = self._article_text(ev)
        article_terms = set(content_terms(ev.hit.title)) | set(content_terms(article_text))
        names = named_terms(question)
        predicate = predicate_term(question)
        return Answerability(
            score=ev.score,
            coverage=ev.coverage,
            semantic=ev.semantic,
            names=coverage(names, {}, article_terms) if names else 1.0,
            predicate=predicate is None or predicate_found(predicate, article_terms),
            n_terms=len(question_terms(question)),
        )

    def answerable(
        self, question: str, evidence: list[Evidence], *, follow_up: bool = False
    ) -> bool:
        """Whether one of the top evidence sentences answers the question on its own."""
        return any(
            self.passes(self.answerability(question, evidence, i), follow_up=follow_up)
            for i in range(min(self.t.candidates, len(evidence)))
        )

    def passes(self, a: Answerability, *, follow_up: bool = False) -> bool:
        t = self.t
        if a.n_terms == 0:
            return False
        if a.semantic < (t.min_semantic if a.n_terms > 1 or follow_up else t.single_term_semantic):
            # "Tell me a joke": one matched word proves nothing, unless the conversation
            # already says what the question is about ("and how many prisoners?").
            return False
        if a.score < t.answerable_score or a.coverage < t.answerable_coverage:
            return False
        if a.names < t.names_coverage:
            return False
        return a.predicate or a.score >= t.score_without_predicate

    def _article_text(self, ev: Evidence) -> str:
        try:
            got = self.retriever.store.articles.get(ids=[ev.article_id], include=["documents"])
            return str((got.get("documents") or [""])[0] or ev.hit.text)
        except Exception:
            log.warning(
                "could not read article %s; judging from its chunk", ev.article_id, exc_info=True
            )
            return ev.hit.text

    # ------------------------------------------------------------------ writing

    def _compose(
        self,
        question: str,
        evidence: list[Evidence],
        as_of: date | None,
        on_partial: Callable[[str], None] | None,
    ) -> tuple[list[Evidence | tuple[str, Evidence]], str, list[str]]:
        """Sentences of the answer, each with the evidence it rests on."""
        pool = evidence[:4]
        if self.chat_model is None:
            chosen = self._extractive(evidence)
            self._emit(on_partial, chosen)
            return list(chosen), "extractive", []
        try:
            claims = self._generate(question, pool, as_of, on_partial)
        except Exception as exc:
            log.warning("the chat model failed (%s); answering extractively", type(exc).__name__)
            chosen = self._extractive(evidence)
            self._emit(on_partial, chosen)
            return (
                list(chosen),
                f"extractive (fallback from {self.model_name})",
                ["The language model was unavailable, so this answer quotes the sources directly."],
            )
        if claims is None:  # the model said the sources do not answer
            if evidence[0].score >= self.t.model_trust_score:
                chosen = self._extractive(evidence)
                return (
                    list(chosen),
                    f"extractive (fallback from {self.model_name})",
                    ["The language model found no answer; these are the best passages."],
                )
            return [], self.model_name, []
        verified = self._verify(question, claims, pool)
        if not any(isinstance(item, tuple) for item in verified):  # no model sentence held
            chosen = self._extractive(evidence)
            return (
                list(chosen),
                f"extractive (fallback from {self.model_name})",
                ["The model's answer did not match its sources, so this answer quotes them."],
            )
        return verified, self.model_name, []

    def _extractive(self, evidence: list[Evidence]) -> list[Evidence]:
        best = evidence[0]
        chosen = [best]
        for ev in evidence[1:6]:
            if ev.score < self.t.extra_sentence_ratio * best.score:
                break
            if any(_redundant(ev, c) for c in chosen):
                continue
            chosen.append(ev)
            if len(chosen) == self.t.max_sentences:
                break
        # Newer reports first where two sources speak to the same point.
        chosen.sort(key=lambda e: -(e.published or date.min).toordinal()) if len(
            {e.article_id for e in chosen}
        ) > 1 else None
        return chosen

    def _generate(
        self,
        question: str,
        pool: list[Evidence],
        as_of: date | None,
        on_partial: Callable[[str], None] | None,
    ) -> list[tuple[str, list[int]]] | None:
        assert self.chat_model is not None
        blocks = []
        for i, ev in enumerate(pool, 1):
            about = ", ".join(
                x for x in (ev.hit.source, ev.published and ev.published.isoformat()) if x
            )
            blocks.append(f"[{i}] {'(' + about + ') ' if about else ''}{_fence(ev.text)}")
        today = (as_of or date.today()).isoformat()
        system, user = load_prompt("answer").render(
            max_sentences="3", today=today, evidence="\n".join(blocks), question=question
        )
        messages = [SystemMessage(system), HumanMessage(user)]
        if on_partial is None:
            text = str(self.chat_model.invoke(messages).content)
        else:
            # Show progress as the model writes, but only sentences that already passed the
            # checks: nothing unverified reaches a person, even in passing.
            parts: list[str] = []
            shown = 0
            for chunk in self.chat_model.stream(messages):
                parts.append(str(chunk.content))
                if not re.search(r"[.!?]", parts[-1]):
                    continue
                done = split_claims("".join(parts))[:-1]  # the last may still be growing
                if len(done) > shown:
                    shown = len(done)
                    checked = self._verify(question, done, pool)
                    if checked:
                        on_partial(
                            " ".join(
                                f"{item[0] if isinstance(item, tuple) else item.text}"
                                for item in checked
                            )
                        )
            text = "".join(parts)
        if not text.strip():
            raise ValueError("empty output from the chat model")
        if says_not_found(text):
            return None
        return split_claims(text)

    def _verify(
        self, question: str, claims: list[tuple[str, list[int]]], pool: list[Evidence]
    ) -> list[Evidence | tuple[str, Evidence]]:
        """Keep claims their cited passage supports; swap garbled ones for the evidence."""
        if not claims:
            return []
        vectors = self.embedder.encode([c for c, _ in claims])
        out: list[Evidence | tuple[str, Evidence]] = []
        used: set[int] = set()
        for (claim, cited), vec in zip(claims, vectors, strict=True):
            candidates = [pool[n - 1] for n in cited if 1 <= n <= len(pool)] or pool
            checks = [(check_claim(claim, vec, ev), ev) for ev in candidates]
            supported = [(s, ev) for s, ev in checks if s.supported]
            if supported:
                best, ev = max(supported, key=lambda p: p[0].lexical + p[0].semantic)
                if best.lexical >= 0.9 and best.semantic >= 0.85:
                    claim = ev.text  # a near-copy of the passage is quoted verbatim instead
                out.append((claim, ev))
                used.add(id(ev))
                continue
            # Garbled: the evidence it most resembles stands in, if it bears on the question.
            s, ev = max(checks, key=lambda p: p[0].lexical + p[0].semantic)
            if s.semantic >= 0.5 and id(ev) not in used and ev.score >= 0.8 * pool[0].score:
                out.append(ev)
                used.add(id(ev))
        return out

    @staticmethod
    def _emit(on_partial: Callable[[str], None] | None, chosen: list[Evidence]) -> None:
        if on_partial is not None and chosen:
            on_partial(
                " ".join(f"{_defuse_markers(e.text)} [{i}]" for i, e in enumerate(chosen, 1))
            )

    # ------------------------------------------------------------------ results

    def _answered(
        self,
        question: str,
        chosen: list[Evidence | tuple[str, Evidence]],
        model_used: str,
        max_chars: int | None,
    ) -> Answer:
        if not chosen:
            return Answer(
                question=question,
                status="not_found",
                answer=NOT_FOUND_TEXT,
                citations=[],
                model=model_used,
            )
        citations: list[Citation] = []
        numbers: dict[tuple[str, int, int], int] = {}
        sentences: list[str] = []
        dates = [
            ev.published
            for item in chosen
            for ev in [item[1] if isinstance(item, tuple) else item]
            if ev.published
        ]
        prefix = f"As of {_human_date(max(dates))}: " if dates else ""
        budget = max_chars if max_chars else None
        earlier: list[Evidence] = []
        for item in chosen:
            text, ev = item if isinstance(item, tuple) else (item.text, item)
            if any(_disagree(ev, other) for other in earlier):
                # Sources disagree: say so, and cite both.
                who = ev.hit.source or "another report"
                when = f" ({_human_date(ev.published)})" if ev.published else ""
                text = f"However, {who}{when} reports: {text}"
            earlier.append(ev)
            text = _defuse_markers(text)  # an article's own "[7]" must not read as a citation
            key = (ev.article_id, ev.start, ev.end)
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                citations.append(ev.citation(numbers[key]))
            if text.rstrip().endswith((".", "!", "?", '"', "”")):
                sentence = f"{text.rstrip()} [{numbers[key]}]"
            else:
                sentence = f"{text.rstrip()} [{numbers[key]}]."
            if (
                budget
                and sentences
                and len(prefix) + len(" ".join([*sentences, sentence])) > budget
            ):
                break
            sentences.append(sentence)
        used = {int(n) for n in re.findall(r"\[(\d+)\]", " ".join(sentences))}
        citations = [c for c in citations if c.n in used]
        body = " ".join(sentences)
        if prefix:
            body = prefix + body
        return Answer(
            question=question, status="answered", answer=body, citations=citations, model=model_used
        )

    def _not_found(self, question: str, evidence: list[Evidence], hits: list[Hit]) -> Answer:
        closest: list[Citation] = []
        seen: set[str] = set()
        for ev in evidence:
            if ev.article_id in seen:
                continue
            seen.add(ev.article_id)
            closest.append(ev.citation(len(closest) + 1))
            if len(closest) == 3:
                break
        text = NOT_FOUND_TEXT
        if closest:
            text += " The closest articles are listed below."
        return Answer(
            question=question,
            status="not_found",
            answer=text,
            citations=closest,
            model=self.model_name if self.chat_model is not None else "extractive",
        )


def _redundant(a: Evidence, b: Evidence) -> bool:
    """Saying the same thing: close in meaning and not differing in any figure."""
    if a.vector is None or b.vector is None:
        return False
    return float(np.dot(a.vector, b.vector)) > 0.9 and not _disagree(a, b)


def _disagree(a: Evidence, b: Evidence) -> bool:
    """Two reports of one point that give different figures."""
    if a.article_id == b.article_id or a.vector is None or b.vector is None:
        return False
    qa, qb = quantities_in(a.text), quantities_in(b.text)
    return bool(qa and qb and not (qa & qb)) and float(np.dot(a.vector, b.vector)) >= 0.6


def _human_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _defuse_markers(text: str) -> str:
    """``[7]`` written inside a source as ``(7)``, so only the system's markers look like ones."""
    return re.sub(r"\[(\d+)\]", r"(\1)", text)


def _fence(text: str) -> str:
    """Evidence text inside a prompt: one line, markers and fences defused."""
    text = " ".join(text.split())
    text = re.sub(r"\[(\d+)\]", r"(\1)", text)
    return text.replace("<", "‹").replace(">", "›")
