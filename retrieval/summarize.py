"""Article summaries: three to five bullets, each resting on a sentence of the article.

The lede (the first sentence that stands alone) opens every summary: it is where the reporter
says what happened, and people who summarise a story start from it (against summaries we wrote
in our own words, summaries chosen for key facts alone left it out of 8 of 40). The other
sentences are chosen greedily by a worth learned from data (``retrieval.summary_scorer``: where
a sentence stands, its length, its figures and names, how close it is to the title, the
article's centre and the lede; fitted by ``python -m bench summary_learn`` on our written
summaries and the BBC's extractive ones) plus the article's key facts (figures, names, places;
see ``retrieval.keyfacts``) it adds to those the chosen ones already give. Sub-headings and
sentences that lean on their neighbour ("He added, however, ...", or a quotation whose speaker
is named only before it) are never chosen, and a sub-heading the source glued to a sentence's
start ("HOW IT ALL STARTED The first Academy Awards ...") is left out of its bullet; a sentence
that leans back only by its opening connective ("However, supporters of the change claim ...")
is used without it, when the verifier still supports it (``retrieval.compress``), and still
cites the whole sentence. A chat model may reword the chosen sentences; each bullet it writes is
checked against the sentence it cites like any answer, and a bullet that does not hold is
replaced by that sentence.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from prompts import load_prompt
from retrieval.compress import without_opening_connective
from retrieval.grounding import Evidence, check_claim, split_claims
from retrieval.keyfacts import (
    demonstrative_unnamed,
    fact_weights,
    is_heading,
    is_quote_fragment,
    is_unattributed_quote,
    it_unnamed,
    pronoun_unnamed,
    sentence_facts,
    stands_alone,
    without_opening_heading,
)
from retrieval.models import Citation, Hit, StoredArticle, Summary, SummaryPoint
from retrieval.store import chunk_at
from retrieval.summary_scorer import SentenceScorer, default_scorer, sentence_features
from retrieval.text import Sentence, split_sentences, words

log = logging.getLogger(__name__)

MAX_SENTENCES = 120


def bullet_count(n_sentences: int) -> int:
    if n_sentences < 10:
        return 3
    return 4 if n_sentences < 25 else 5


class Summarizer:
    def __init__(self, embedder: Any, chat_model: BaseChatModel | None, model_name: str) -> None:
        self.embedder = embedder
        self.chat_model = chat_model
        self.model_name = model_name

    def rank_sentences(
        self, article: StoredArticle
    ) -> tuple[list[Sentence], np.ndarray, list[int], list[str]]:
        """Sentences, their vectors, the indexes of those chosen (in choice order), and each
        sentence's text as a bullet gives it (a sub-heading glued to its start and an opening
        connective removed)."""
        sentences = [s for s in split_sentences(article.text) if len(s.text) >= 25]
        sentences = sentences[:MAX_SENTENCES]
        if not sentences:
            return [], np.zeros((0, 1)), [], []
        vectors = self.embedder.encode([s.text for s in sentences])
        title_vector = np.asarray(self.embedder.encode([article.title]))[0]
        texts = [without_opening_connective(without_opening_heading(s.text)) for s in sentences]
        chosen = choose_sentences(
            texts,
            vectors,
            bullet_count(len(texts)),
            title=article.title,
            title_vector=title_vector,
            paragraph_starts=[s.start == 0 or article.text[s.start - 1] == "\n" for s in sentences],
        )
        return sentences, vectors, chosen, texts

    def summarize(self, article: StoredArticle) -> Summary:
        sentences, vectors, chosen, texts = self.rank_sentences(article)
        if not sentences:
            return Summary(
                article_id=article.article_id,
                title=article.title,
                summary=[],
                citations=[],
                model="extractive",
            )
        n_points = bullet_count(len(sentences))
        chosen = sorted(chosen)
        points: list[tuple[str, int]] = [(texts[i], i) for i in chosen]
        model_used = "extractive"
        if self.chat_model is not None:
            rewritten = self._reword(article, sentences, texts, vectors, chosen, n_points)
            if rewritten:
                points, model_used = rewritten, self.model_name
        citations: list[Citation] = []
        numbers: dict[int, int] = {}
        summary: list[SummaryPoint] = []
        for text, index in points:
            if index not in numbers:
                numbers[index] = len(numbers) + 1
                citations.append(_citation(article, sentences[index], numbers[index]))
            summary.append(SummaryPoint(text=text, citations=[numbers[index]]))
        return Summary(
            article_id=article.article_id,
            title=article.title,
            summary=summary,
            citations=citations,
            model=model_used,
        )

    def _reword(
        self,
        article: StoredArticle,
        sentences: list[Sentence],
        texts: list[str],
        vectors: np.ndarray,
        chosen: list[int],
        n_points: int,
    ) -> list[tuple[str, int]] | None:
        assert self.chat_model is not None
        shown = sorted(
            set(chosen)
            | {i for i in range(min(len(sentences), 8)) if can_open_bullet(sentences[i].text)}
        )
        numbered = "\n".join(
            f"[{k}] {' '.join(sentences[i].text.split())}" for k, i in enumerate(shown, 1)
        )
        system, user = load_prompt("summarize").render(
            n_points=str(n_points), title=article.title, sentences=numbered.replace("<", "‹")
        )
        try:
            text = str(self.chat_model.invoke([SystemMessage(system), HumanMessage(user)]).content)
        except Exception as exc:
            log.warning(
                "the chat model failed to summarise (%s); extractive summary", type(exc).__name__
            )
            return None
        claims = split_claims(re.sub(r"(?m)^\s*-\s*", "", text))
        if not claims:
            return None
        claim_vectors = self.embedder.encode([c for c, _ in claims])
        points: list[tuple[str, int]] = []
        used: set[int] = set()
        for (claim, cited), vec in zip(claims, claim_vectors, strict=True):
            targets = [shown[n - 1] for n in cited if 1 <= n <= len(shown)]
            for index in targets:
                ev = Evidence(
                    hit=_stub_hit(article),
                    text=sentences[index].text,
                    start=sentences[index].start,
                    end=sentences[index].end,
                    vector=vectors[index],
                )
                if check_claim(claim, vec, ev).supported and index not in used:
                    points.append((claim, index))
                    used.add(index)
                    break
            else:
                if targets and targets[0] not in used:
                    points.append((texts[targets[0]], targets[0]))
                    used.add(targets[0])
            if len(points) == n_points:
                break
        for index in chosen:  # top up with the extractive choice
            if len(points) >= 3:
                break
            if index not in used:
                points.append((texts[index], index))
                used.add(index)
        points.sort(key=lambda p: p[1])
        return points if len(points) >= 3 or len(points) == len(sentences) else None


@dataclass(frozen=True)
class Weights:
    """The rules around the learned worth of a sentence (``retrieval.summary_scorer``)."""

    redundant_cosine: float = 0.85
    lede_first: bool = True


WEIGHTS = Weights()


def choose_sentences(
    texts: list[str],
    vectors: np.ndarray,
    n: int,
    weights: Weights = WEIGHTS,
    *,
    title: str = "",
    title_vector: np.ndarray | None = None,
    paragraph_starts: Sequence[bool] | None = None,
    scorer: SentenceScorer | None = None,
) -> list[int]:
    """Indexes of up to ``n`` sentences, in choice order: the lede, then each time the sentence
    whose learned worth (``summary_scorer``: where it stands, its length, its figures and names,
    how close it is to the title, the article's centre and the lede) plus the key facts it adds
    to those already chosen is highest, leaving out near-copies of a chosen one.

    Only sentences that stand alone are candidates (unless none does). Without a title (or
    paragraph breaks), those features are the same for every sentence and so rank none higher.
    """
    if not texts:
        return []
    scorer = scorer or default_scorer()
    candidates = [i for i, t in enumerate(texts) if can_open_bullet(t)] or list(range(len(texts)))
    rows = sentence_features(
        texts,
        vectors,
        title,
        np.zeros(vectors.shape[1]) if title_vector is None else title_vector,
        candidates,
        paragraph_starts if paragraph_starts is not None else [False] * len(texts),
    )
    return pick_sentences(texts, vectors, candidates, scorer.worth(rows), scorer.facts, n, weights)


def pick_sentences(
    texts: list[str],
    vectors: np.ndarray,
    candidates: list[int],
    worth: Sequence[float] | np.ndarray,
    facts_weight: float,
    n: int,
    weights: Weights = WEIGHTS,
) -> list[int]:
    """Up to ``n`` of ``candidates`` in choice order: the first of them (the lede), then each
    time the one whose ``worth`` (one a candidate) plus ``facts_weight`` per unit of key-fact
    weight it adds, damped by its length, is highest, near-copies of a chosen one left out."""
    facts = [sentence_facts(t) for t in texts]
    value = fact_weights(texts)
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    worth_of = dict(zip(candidates, worth, strict=True))
    # The lede (the first sentence that stands alone) opens every summary: it is where the
    # reporter says what happened, and people who summarise a story start from it.
    chosen: list[int] = [candidates[0]] if weights.lede_first and n > 0 else []
    covered: set[str] = set(facts[candidates[0]]) if chosen else set()
    while len(chosen) < n:
        best, best_score = -1, -math.inf
        for i in candidates:
            if i in chosen or any(
                float(unit[i] @ unit[j]) >= weights.redundant_cosine for j in chosen
            ):
                continue
            gain = sum(value[f] for f in facts[i] - covered)
            length = max(len(words(texts[i])), 1)
            score = float(worth_of[i]) + facts_weight * gain / math.sqrt(length / 12.0)
            if score > best_score:
                best, best_score = i, score
        if best < 0:
            break
        chosen.append(best)
        covered |= facts[best]
    return chosen


def can_open_bullet(text: str) -> bool:
    """A sentence that means something alone: not a heading, not leaning on the one before,
    not a quotation whose speaker is named only before it nor part of one that runs over several
    sentences, no "he", "she", "they" or "it" it does not name, no "this", "these" or "those"
    pointing back to what it does not say."""
    return (
        stands_alone(text)
        and not is_unattributed_quote(text)
        and not is_quote_fragment(text)
        and not pronoun_unnamed(text)
        and not it_unnamed(text)
        and not demonstrative_unnamed(text)
    )


def lead_lines(sentences: Sequence[Sentence], n: int = 2, min_chars: int = 40) -> list[Sentence]:
    """An article's lead as a digest quotes it: its first sentence of ``min_chars`` or more that
    means something alone (``can_open_bullet``), then up to ``n - 1`` more, each standing alone
    or reading on from the sentence just before it ("He added ..." right after the lede is clear;
    after a skipped sentence it is not), never a sub-heading; a sentence with a sub-heading glued
    to its start is judged without it (``keyfacts.without_opening_heading``: the digest shows it
    so, citing the whole sentence). When no sentence stands alone, the
    first ones long enough (as summaries fall back to every sentence): a story is never lost."""
    lines: list[Sentence] = []
    last = -2
    for i, sentence in enumerate(sentences):
        if len(lines) >= n:
            break
        if len(sentence.text) < min_chars or is_heading(sentence.text):
            continue
        if can_open_bullet(without_opening_heading(sentence.text)) or (lines and last == i - 1):
            lines.append(sentence)
            last = i
    if not lines:
        long_enough = [s for s in sentences if len(s.text) >= min_chars]
        lines = ([s for s in long_enough if not is_heading(s.text)] or long_enough)[:n]
    return lines


def _stub_hit(article: StoredArticle) -> Hit:
    return Hit(chunk_id="", article_id=article.article_id, title=article.title, score=0.0, text="")


def _citation(article: StoredArticle, sentence: Sentence, n: int) -> Citation:
    return Citation(
        n=n,
        article_id=article.article_id,
        title=article.title,
        source=article.source,
        url=article.url,
        published=article.published,
        quote=sentence.text,
        chunk_id=chunk_at(article, sentence.start),
    )
