"""Fact-checking a claim against the stored news (``newsbot check``, ``/check``, "Fact-check").

Each sentence of the claim is checked on its own: the passages that could bear on it are found
(hybrid search over the store, or every sentence of one article with ``article``), the closest in
meaning are put to the one verifier (:mod:`retrieval.verifier`), and the sentence gets
``supported`` when a passage supports it, ``contradicted`` when none does and one says
otherwise, else ``not_found``. The claim is ``supported`` only when every sentence is,
``contradicted`` when any sentence is, else ``not_found``. Every passage is quoted verbatim
and numbered as a citation, so a person can read what it rests on.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import numpy as np

from retrieval.grounding import Evidence, candidate_sentences, evidence_context
from retrieval.models import (
    CheckedSentence,
    CheckResult,
    Citation,
    Hit,
    StoredArticle,
    Verdict,
)
from retrieval.search import HybridRetriever
from retrieval.text import split_sentences
from retrieval.verifier import preparse, verify

log = logging.getLogger(__name__)

MAX_CLAIM_SENTENCES = 12  # a pasted article is not a claim; the rest is left unchecked
PASSAGES_PER_SENTENCE = 8  # the closest passages the verifier reads for each sentence
HITS_PER_SENTENCE = 6  # chunks retrieved for each sentence
MAX_QUOTES = 2  # passages quoted for and against each sentence


class ClaimChecker:
    def __init__(self, retriever: HybridRetriever, embedder: Any) -> None:
        self.retriever = retriever
        self.embedder = embedder

    def check(
        self,
        claim: str,
        *,
        article: StoredArticle | None = None,
        since: date | None = None,
        as_of: date | None = None,
        claim_id: str | None = None,
    ) -> CheckResult:
        claim = " ".join(claim.split())
        sentences = [s.text for s in split_sentences(claim)][:MAX_CLAIM_SENTENCES] or [claim]
        article_pool = _article_evidence(article) if article is not None else None
        citations: list[Citation] = []
        numbers: dict[tuple[str, int, int], int] = {}
        checked: list[CheckedSentence] = []
        for sentence in sentences:
            if article_pool is not None:
                pool = article_pool
            else:
                hits = self.retriever.search(
                    sentence, k=HITS_PER_SENTENCE, since=since, as_of=as_of
                )
                pool = candidate_sentences(hits)
            support, against, reason = self._judge(sentence, pool)
            verdict: Verdict = (
                "supported" if support else "contradicted" if against else "not_found"
            )
            checked.append(
                CheckedSentence(
                    text=sentence,
                    verdict=verdict,
                    support=[_number(ev, numbers, citations) for ev in support[:MAX_QUOTES]],
                    against=[_number(ev, numbers, citations) for ev in against[:MAX_QUOTES]],
                    reason=reason,
                )
            )
        verdicts = {c.verdict for c in checked}
        overall: Verdict = (
            "supported"
            if verdicts == {"supported"}
            else "contradicted"
            if "contradicted" in verdicts
            else "not_found"
        )
        return CheckResult(
            id=claim_id, claim=claim, verdict=overall, sentences=checked, citations=citations
        )

    def _judge(
        self, sentence: str, pool: list[Evidence]
    ) -> tuple[list[Evidence], list[Evidence], str]:
        if not pool:
            return [], [], "no stored passage is about this"
        vectors = self.embedder.encode([sentence] + [ev.text for ev in pool])
        similarity = np.asarray(vectors[1:]) @ np.asarray(vectors[0])
        order = np.argsort(-similarity)[:PASSAGES_PER_SENTENCE]
        closest = [pool[int(i)] for i in order]
        preparse([sentence] + [ev.text for ev in closest])
        support: list[Evidence] = []
        against: list[Evidence] = []
        reasons: list[str] = []
        for ev in closest:
            result = verify(sentence, ev.text, context=evidence_context(ev))
            if result.verdict == "supported":
                support.append(ev)
            elif result.verdict == "contradicted":
                against.append(ev)
                reasons.append(result.reason)
            elif result.reason and not reasons:
                reasons.append(result.reason)
        if support:
            return support, against, ""
        return support, against, reasons[0] if reasons else "no stored passage says this"


def _article_evidence(article: StoredArticle) -> list[Evidence]:
    """Every sentence of one article, as evidence with its chunk for the citation."""
    hits = [
        Hit(
            chunk_id=span.chunk_id,
            article_id=article.article_id,
            title=article.title,
            source=article.source,
            url=article.url,
            published=article.published,
            story_id=article.story_id,
            position=i,
            start=span.start,
            end=span.end,
            score=0.0,
            text=article.text[span.start : span.end],
        )
        for i, span in enumerate(article.chunks)
    ]
    return candidate_sentences(hits)


def _number(ev: Evidence, numbers: dict[tuple[str, int, int], int], out: list[Citation]) -> int:
    key = (ev.article_id, ev.start, ev.end)
    if key not in numbers:
        numbers[key] = len(numbers) + 1
        out.append(ev.citation(numbers[key]))
    return numbers[key]
