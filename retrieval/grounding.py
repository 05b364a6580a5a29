"""Evidence selection and claim checking: the part of the system that owns citations.

A question is answered from *evidence sentences*: sentences of retrieved chunks, with offsets into
the stored article text. Whatever writes the answer (a model or nothing), every sentence that
reaches a person has been checked here against the passage it cites: its words and meaning must
agree with the passage, and every number in it must appear there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from retrieval.models import Citation, Hit
from retrieval.text import (
    STOPWORDS,
    content_terms,
    numbers_in,
    split_sentences,
    stem,
    word_forms,
    words,
)
from retrieval.verifier import Verdict, verify

QUESTION_WORDS = {"who", "whom", "whose", "what", "which", "when", "where", "why", "how"}
_NUMERIC_QUESTION = re.compile(
    r"\bhow (much|many|long|far|big|large|old|often)\b|\bwhat (percentage|"
    r"proportion|share|number|amount|price|figure|rate)\b|\bby how\b",
    re.IGNORECASE,
)
_WHEN_QUESTION = re.compile(r"^\s*when\b|\bwhat (year|date|day|month)\b", re.IGNORECASE)
_MONTHS = (
    "january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday"
).split()


@dataclass
class Evidence:
    """One candidate sentence from a retrieved chunk."""

    hit: Hit
    text: str
    start: int  # offsets into the article's stored text
    end: int
    score: float = 0.0
    semantic: float = 0.0
    coverage: float = 0.0
    vector: np.ndarray | None = field(default=None, repr=False)

    @property
    def article_id(self) -> str:
        return self.hit.article_id

    @property
    def published(self) -> date | None:
        return self.hit.published

    def citation(self, n: int) -> Citation:
        return Citation(
            n=n,
            article_id=self.hit.article_id,
            title=self.hit.title,
            source=self.hit.source,
            url=self.hit.url,
            published=self.hit.published,
            quote=self.text,
            chunk_id=self.hit.chunk_id,
        )


def terms_match(term: str, candidates: set[str]) -> bool:
    if term in candidates:
        return True
    if len(term) < 4:
        return False
    return any(len(c) >= 4 and (c.startswith(term) or term.startswith(c)) for c in candidates)


def coverage(terms: list[str], weights: dict[str, float], haystack: set[str]) -> float:
    """Weighted share of ``terms`` found in ``haystack`` (stems)."""
    total = sum(weights.get(t, 1.0) for t in terms)
    if total <= 0:
        return 0.0
    found = sum(weights.get(t, 1.0) for t in terms if terms_match(t, haystack))
    return found / total


def question_terms(question: str) -> list[str]:
    return list(
        dict.fromkeys(
            t for t in content_terms(question) if t not in QUESTION_WORDS and t not in STOPWORDS
        )
    )


_AUXILIARY = re.compile(
    r"\b(?:did|does|do|has|have|had|will|would|could|can|should|is|are|was|were)\s+(.+)$",
    re.IGNORECASE,
)


# Verbs that carry little meaning of their own ("take effect", "had kept him out", "what is the
# name"): the word a question turns on is not one of these.
_LIGHT_VERBS = frozenset(
    """have has had having take takes took taken get gets got make makes made give gives gave
    given keep keeps kept go goes went gone come comes came put puts set sets name""".split()
)


# Verbs that hand the question on to the verb after "to": "want to be producing", "are thought
# to have come", "is expected to cost". The word a question turns on is the later verb.
_RAISING = frozenset(
    """want wants wanted hope hopes hoped expect expects expected plan plans planned aim aims
    aimed intend intends intended thought believed said reported estimated likely due going
    able supposed seek seeks sought try tries tried need needs needed""".split()
)


def hands_on(token: str, following: str | None) -> bool:
    """Whether ``token`` is a verb that hands the question on to the verb after "to"."""
    return token.lower() in _RAISING and (following or "").lower() == "to"


def predicate_term(question: str) -> str | None:
    """The word a question turns on after its subject: 'decide' in 'What did the Bank of Japan
    decide about rates?', 'retake' in 'How much territory did Russia retake?', 'producing' in
    'How much does Nigeria want to be producing?'."""
    match = _AUXILIARY.search(question)
    if not match:
        return None
    tokens = re.findall(r"[\w'’-]+", match.group(1))
    for i, token in enumerate(tokens):
        if token[0].isupper() or token[0].isdigit() or token.lower() in STOPWORDS:
            continue
        if token.lower() in _LIGHT_VERBS:
            continue
        if hands_on(token, tokens[i + 1] if i + 1 < len(tokens) else None):
            continue
        if len(token) >= 3 and token.lower() not in QUESTION_WORDS:
            return token.lower()
    return None


def predicate_found(predicate: str, terms: set[str]) -> bool:
    return any(terms_match(form, terms) for form in word_forms(predicate))


def named_terms(question: str) -> list[str]:
    """Stems of capitalised words inside the question (names), which an answer must mention."""
    tokens = re.findall(r"[^\W\d_][\w'’.-]*", question)
    names = []
    for i, token in enumerate(tokens):
        if i == 0 or not token[0].isupper() or token.lower() in STOPWORDS or len(token) < 2:
            continue
        if token.lower() in QUESTION_WORDS or token.lower() in _MONTHS:
            continue
        names.append(stem(token.strip(".'’")))
    return list(dict.fromkeys(names))


_HEAD_NOUN = re.compile(
    r"\bhow (?:much|many)\s+(?:of\s+(?:the|its|their)\s+)?([^\W\d_]+)", re.IGNORECASE
)


def head_terms(question: str) -> list[str]:
    """The thing a quantity question counts: 'territory' in 'how much territory ...'."""
    return [
        stem(m.group(1))
        for m in _HEAD_NOUN.finditer(question)
        if m.group(1).lower() not in STOPWORDS
    ]


def counts_head(sentence: str, heads: list[str], window: int = 8) -> bool:
    """Whether a number stands within ``window`` words of the counted thing."""
    tokens = words(sentence)
    head_at = [i for i, t in enumerate(tokens) if terms_match(stem(t), set(heads))]
    number_at = [i for i, t in enumerate(tokens) if any(ch.isdigit() for ch in t)]
    return any(abs(i - j) <= window for i in head_at for j in number_at)


def quantities_in(text: str) -> set[str]:
    """Numbers in ``text`` that are not years: a year is written as four plain digits ("2004"),
    so "2,000", "19.9 million" and "20.1%" are quantities."""
    return numbers_in(_YEARS.sub(" ", text))


# A year as the news writes one: four plain digits, not part of a larger number ("2,004",
# "2004.5"), or a decade ("the 1960s").
_YEARS = re.compile(r"(?<![\w.,])(?:19|20)\d\d(?:s\b)?(?![\w%]|[.,]\d)")


def expects_number(question: str) -> bool:
    return bool(_NUMERIC_QUESTION.search(question))


def expects_date(question: str) -> bool:
    return bool(_WHEN_QUESTION.search(question))


_DATE_WORDS = re.compile(
    r"\b(?:(?:1[89]|20)\d\d|"
    + "|".join(_MONTHS)
    + r"|yesterday|today|tonight|tomorrow|(?:last|next|this) (?:week|month|year|weekend))\b",
    re.IGNORECASE,
)


def has_date(text: str) -> bool:
    """Whether ``text`` names a year, a month, a weekday or a day ("yesterday", "last week").

    Whole words only: 'mayor' holds no 'may', 'marched' no 'march'."""
    return bool(_DATE_WORDS.search(text))


def candidate_sentences(hits: list[Hit]) -> list[Evidence]:
    """Every sentence of every hit, with offsets into its article's text; no repeats."""
    seen: set[str] = set()
    out: list[Evidence] = []
    for hit in hits:
        for sentence in split_sentences(hit.text):
            key = " ".join(words(sentence.text))
            if len(key) < 12 or key in seen:
                continue
            seen.add(key)
            out.append(
                Evidence(
                    hit=hit,
                    text=sentence.text,
                    start=hit.start + sentence.start,
                    end=hit.start + sentence.end,
                )
            )
    return out


def score_evidence(
    question: str,
    evidence: list[Evidence],
    question_vector: np.ndarray,
    vectors: np.ndarray,
    weights: dict[str, float],
) -> None:
    """Score each sentence for how directly it answers ``question`` (in place)."""
    terms = question_terms(question)
    wants_number = expects_number(question)
    wants_date = expects_date(question)
    heads = head_terms(question)
    for ev, vec in zip(evidence, vectors, strict=True):
        ev.vector = vec
        ev.semantic = float(np.dot(question_vector, vec))
        own = set(content_terms(ev.text))
        context = set(content_terms(ev.hit.title)) | set(content_terms(ev.hit.text))
        ev.coverage = 0.75 * coverage(terms, weights, own) + 0.25 * coverage(
            terms, weights, context
        )
        bonus = 0.0
        if wants_number:
            bonus += 0.08 if quantities_in(ev.text) else -0.08
        if heads:
            bonus += (
                0.15
                if counts_head(ev.text, heads)
                else (0.05 if coverage(heads, {}, own) > 0 else -0.05)
            )
        if wants_date:
            bonus += 0.06 if has_date(ev.text) else -0.04
        ev.score = 0.5 * ev.semantic + 0.5 * ev.coverage + bonus
    evidence.sort(key=lambda e: (-e.score, -(e.published or date.min).toordinal()))


MIN_CLAIM_TERMS = 3


@dataclass(frozen=True)
class Support:
    """The verifier's verdict on a claim against one evidence sentence.

    ``supported`` is what the answer engine, summaries and digests keep; ``verdict``, ``kind``
    and ``reason`` say why (see :mod:`retrieval.verifier`). ``lexical`` and ``semantic`` rank
    passages that all support a claim.
    """

    supported: bool
    lexical: float
    semantic: float
    numbers_ok: bool
    verdict: Verdict = "not_found"
    kind: str = ""
    reason: str = ""


def check_claim(claim: str, claim_vector: np.ndarray | None, passage: Evidence) -> Support:
    """Does ``passage`` support ``claim``? The one verifier (:func:`retrieval.verifier.verify`)
    decides; word coverage and similarity only rank the passages that pass."""
    claim_terms = [t for t in content_terms(claim) if not t.isdigit()]
    passage_terms = set(content_terms(passage.text))
    lexical = coverage(claim_terms, {}, passage_terms) if claim_terms else 0.0
    semantic = (
        float(np.dot(claim_vector, passage.vector))
        if passage.vector is not None and claim_vector is not None
        else 0.0
    )
    numbers_ok = numbers_in(claim) <= numbers_in(passage.text)
    check = verify(claim, passage.text, context=evidence_context(passage))
    # A claim of one or two words ("@everyone", "Yes") says nothing a passage could support.
    supported = check.supported and len(set(claim_terms)) >= MIN_CLAIM_TERMS
    return Support(
        supported,
        lexical,
        semantic,
        numbers_ok,
        verdict=check.verdict if supported or not check.supported else "not_found",
        kind=check.kind,
        reason=check.reason,
    )


def evidence_context(passage: Evidence, chars: int = 300) -> str:
    """The article title and the text just before an evidence sentence: what "he" may refer to."""
    hit = passage.hit
    before = ""
    offset = passage.start - hit.start
    if hit.text and 0 < offset <= len(hit.text):
        before = hit.text[max(0, offset - chars) : offset]
    return f"{hit.title}. {before}".strip()


_MARKER = re.compile(r"\s*\[(\d+)\](?:\s*\[(\d+)\])*")
_MARKERS = re.compile(r"\[(\d+)\]")


def split_claims(text: str) -> list[tuple[str, list[int]]]:
    """Model output -> ``(sentence without markers, cited numbers)`` pairs.

    A marker right after a sentence's full stop belongs to that sentence.
    """
    text = re.sub(r"^\s*(answer|response)\s*:\s*", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"(?m)^\s*(?:[-*•]|\d{1,2}[.)])\s+", "", text)
    # Move markers that follow the full stop in front of it, so sentence splitting keeps them.
    text = re.sub(r"([.!?])((?:\s*\[\d+\])+)", r"\2\1", text)
    claims = []
    for sentence in split_sentences(text):
        cited = [int(n) for n in _MARKERS.findall(sentence.text)]
        plain = _MARKERS.sub("", sentence.text)
        plain = re.sub(r"\s+([.,;:!?])", r"\1", plain)
        plain = " ".join(plain.split())
        if len(plain) >= 3:
            claims.append((plain, list(dict.fromkeys(cited))))
    return claims


_REFUSAL = re.compile(
    r"^(?:i'?m sorry,?\s*|sorry,?\s*|unfortunately,?\s*)?(?:"
    r"not found\b"
    r"|(?:the )?(?:stored )?(?:articles?|passages?|sources?|evidence|context)(?: provided)? "
    r"(?:do(?:es)?n[o']t|do(?:es)? not) (?:answer|say|mention|contain|provide|include|cover)"
    r"|(?:there is|there's|i have|i found) no (?:information|mention|answer|evidence)"
    r"|i (?:do not|don't|cannot|can't) (?:know|answer|find|tell)"
    r"|no (?:information|answer|relevant information) (?:is |was )?(?:available|found|given)"
    r")",
    re.IGNORECASE,
)


def says_not_found(text: str) -> bool:
    """Whether a model's whole reply is a refusal ("The passages do not say ...").

    Only the reply's opening counts: an answer that mentions in passing that something "was not
    mentioned" or that a report gave "no information" on one point is still an answer."""
    lowered = " ".join(text.strip().lower().replace("’", "'").split())
    lowered = re.sub(r"^(?:answer|response)\s*:\s*", "", lowered)
    return bool(_REFUSAL.match(lowered))
