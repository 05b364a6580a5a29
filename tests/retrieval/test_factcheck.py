"""The fact-checker's work per claim: what it encodes, what it parses, what it verifies.

``check --batch`` of 2,000 claims must fit in minutes, so these tests pin down where the time
went before: every retrieved sentence embedded for each claim, every passage's context parsed,
eight passages verified whatever they said. The verdicts themselves are tested in
``test_verifier.py`` and ``tests/bot/test_check_cli.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from retrieval.factcheck import MIN_SHARED_TERMS, closest_passages
from retrieval.grounding import candidate_sentences
from retrieval.models import Hit
from retrieval.settings import EngineSettings
from retrieval.verifier import _parser, verify

ORIGINAL = (
    "According to Gerasimov, Russian forces have reclaimed about 1,100 square kilometers "
    "(425 square miles) of territory in the Kursk region."
)
NEGATED = ORIGINAL.replace("have reclaimed", "have not reclaimed")
UNRELATED = "The city council approved a new budget for the public library on Monday."


class CountingEncoder:
    """The real MiniLM, counting the calls and the texts it is given."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls: list[list[str]] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return np.asarray(self.inner.encode(texts))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory, embedder, seed_path: Path):  # type: ignore[no-untyped-def]
    from bot.app import build_service

    encoder = CountingEncoder(embedder)
    settings = EngineSettings(store_dir=tmp_path_factory.mktemp("factcheck"))
    service = build_service(settings, with_model=False, embedder=encoder)
    assert service.ingest([str(seed_path.parent)]).added == 1
    return service, encoder


def _hit(text: str, position: int = 0) -> Hit:
    return Hit(
        chunk_id=f"c{position}",
        article_id="a",
        title="Title",
        source="Source",
        url=None,
        published=None,
        story_id="a",
        position=position,
        start=0,
        end=len(text),
        score=0.0,
        text=text,
    )


def test_passages_sharing_few_of_the_sentences_words_are_not_put_to_the_verifier() -> None:
    pool = candidate_sentences([_hit(f"{UNRELATED} {ORIGINAL}")])
    assert [ev.text for ev in closest_passages(NEGATED, pool)] == [ORIGINAL]


def test_the_passage_sharing_most_words_is_verified_first() -> None:
    partial = "Russian forces have been fighting in the Kursk region since August."
    pool = candidate_sentences([_hit(f"{partial} {ORIGINAL}")])
    assert [ev.text for ev in closest_passages(ORIGINAL, pool)] == [ORIGINAL, partial]
    assert MIN_SHARED_TERMS <= 0.5  # the partial passage shares about half the words


def test_checking_a_claim_encodes_only_the_claim_not_the_passages(counted) -> None:  # type: ignore[no-untyped-def]
    service, encoder = counted
    encoder.calls.clear()
    result = service.check(ORIGINAL)
    assert result.verdict == "supported"
    assert encoder.calls == [[ORIGINAL]]  # once, and reused by the search


def test_warming_a_batch_encodes_its_claims_in_one_call_and_changes_no_verdict(counted) -> None:  # type: ignore[no-untyped-def]
    service, encoder = counted
    claims = [f"{ORIGINAL} {UNRELATED}", NEGATED, "Russian forces lost the Kursk region."]
    cold = [service.check(c).model_dump() for c in claims]
    service.checker._vectors.clear()
    encoder.calls.clear()
    service.warm_checks(claims)
    assert len(encoder.calls) == 1 and len(encoder.calls[0]) == 4  # four sentences
    warm = [service.check(c).model_dump() for c in claims]
    assert len(encoder.calls) == 1  # nothing more to encode
    assert warm == cold
    assert [w["verdict"] for w in warm] == ["not_found", "contradicted", "contradicted"]


def test_a_passages_context_is_parsed_only_when_a_name_must_be_resolved() -> None:
    parser = _parser()
    context = "Putin visits Kursk. The Russian president arrived on Wednesday."
    passage = "He said the army had retaken 24 settlements in the region."
    assert verify("The army had retaken 24 settlements in the region.", passage, context=context)
    assert context not in parser._cache  # nothing to resolve: never parsed
    claim = "Putin said the army had retaken 24 settlements in the region."
    assert verify(claim, passage, context=context).verdict == "supported"
    assert context in parser._cache


def test_a_hit_made_from_a_stored_article_quotes_the_span_it_names() -> None:
    from datetime import date

    from retrieval.models import StoredArticle

    article = StoredArticle(
        article_id="a1",
        title="Title",
        source="Wire",
        url="https://example.org/a1",
        published=date(2025, 3, 12),
        text=f"{UNRELATED} {ORIGINAL}",
        content_hash="h",
        story_id="s1",
    )
    start = len(UNRELATED) + 1
    hit = Hit.from_article(article, chunk_id="c1", start=start, end=len(article.text), position=3)
    assert (hit.text, hit.start, hit.end, hit.position) == (ORIGINAL, start, len(article.text), 3)
    assert (hit.source, hit.url, hit.published, hit.story_id) == (
        "Wire",
        "https://example.org/a1",
        date(2025, 3, 12),
        "s1",
    )
