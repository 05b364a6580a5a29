"""Fact-checking a claim against the stored news (``newsbot check``, ``/check``, "Fact-check").

Each sentence of the claim is checked on its own: the passages that could bear on it are found
(hybrid search over the store, or every sentence of one article with ``article``), those sharing
the most of its words are put to the one verifier (:mod:`retrieval.verifier`), and the sentence gets
``supported`` when a passage supports it, ``contradicted`` when none does and one says
otherwise, else ``not_found``. The claim is ``supported`` only when every sentence is,
``contradicted`` when any sentence is, else ``not_found``. Every passage is quoted verbatim
and numbered as a citation, so a person can read what it rests on.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date

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
from retrieval.text import content_terms, split_sentences
from retrieval.verifier import MIN_CONTRADICTION_COVERAGE, preparse, verify

log = logging.getLogger(__name__)

MAX_CLAIM_SENTENCES = 12  # a pasted article is not a claim; the rest is left unchecked
PASSAGES_PER_SENTENCE = 8  # the passages sharing most words the verifier reads for each sentence
HITS_PER_SENTENCE = 6  # chunks retrieved for each sentence
MAX_QUOTES = 2  # passages quoted for and against each sentence
# A passage holding less than this share of the sentence's word stems is not put to the verifier,
# which needs 0.6 of its (weighted) words for a contradiction and 0.8 for support; the margin
# leaves room for synonyms and irregular forms the stems do not join.
MIN_SHARED_TERMS = MIN_CONTRADICTION_COVERAGE / 2
VECTOR_CACHE = 4096  # claim sentences whose vectors are kept (a batch encodes them together)


class ClaimChecker:
    def __init__(self, retriever: HybridRetriever) -> None:
        self.retriever = retriever  # its embedder encodes the claim sentences it searches for
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    def warm(self, claims: Sequence[str]) -> None:
        """Encode the sentences of many claims in one batch, ahead of :meth:`check` on each.

        Only a matter of speed (one call to the encoder rather than one a sentence; ``check
        --batch`` does this); the verdicts are the same either way."""
        sentences = [s for claim in claims for s in _claim_sentences(claim)]
        self._encode(sentences)

    def _encode(self, sentences: Sequence[str]) -> list[np.ndarray]:
        missing = list(dict.fromkeys(s for s in sentences if s not in self._vectors))
        if missing:
            for sentence, vector in zip(
                missing, np.asarray(self.retriever.embedder.encode(missing)), strict=True
            ):
                self._vectors[sentence] = vector
        out = []
        for sentence in sentences:
            self._vectors.move_to_end(sentence)
            out.append(self._vectors[sentence])
        while len(self._vectors) > max(VECTOR_CACHE, len(sentences)):
            self._vectors.popitem(last=False)
        return out

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
        sentences = _claim_sentences(claim)
        article_pool = _article_evidence(article) if article is not None else None
        vectors = self._encode(sentences) if article_pool is None else []
        citations: list[Citation] = []
        numbers: dict[tuple[str, int, int], int] = {}
        checked: list[CheckedSentence] = []
        for n, sentence in enumerate(sentences):
            if article_pool is not None:
                pool = article_pool
            else:
                hits = self.retriever.search(
                    sentence,
                    k=HITS_PER_SENTENCE,
                    since=since,
                    as_of=as_of,
                    query_vector=vectors[n].tolist(),
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
        closest = closest_passages(sentence, pool)
        if not closest:
            return [], [], "no stored passage says this"
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


def _claim_sentences(claim: str) -> list[str]:
    claim = " ".join(claim.split())
    return [s.text for s in split_sentences(claim)][:MAX_CLAIM_SENTENCES] or [claim]


def closest_passages(sentence: str, pool: list[Evidence]) -> list[Evidence]:
    """The passages of ``pool`` worth putting to the verifier for ``sentence``, best first.

    Ranked by the share of the sentence's word stems each holds (the verifier judges by words,
    so this is what predicts its verdict, and it costs no model); passages below
    ``MIN_SHARED_TERMS`` are left out. Ties keep the retrieval order."""
    terms = set(content_terms(sentence))
    if not terms:
        return pool[:PASSAGES_PER_SENTENCE]
    shares = [len(terms & set(content_terms(ev.text))) / len(terms) for ev in pool]
    order = sorted(range(len(pool)), key=lambda i: -shares[i])
    return [pool[i] for i in order if shares[i] >= MIN_SHARED_TERMS][:PASSAGES_PER_SENTENCE]


def _article_evidence(article: StoredArticle) -> list[Evidence]:
    """Every sentence of one article, as evidence with its chunk for the citation."""
    hits = [
        Hit.from_article(
            article, chunk_id=span.chunk_id, start=span.start, end=span.end, position=i
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
