"""Rules of the eleventh session that had no test seen failing (twelfth session), each now
tested where it decides:

- 'According to X, ...' keeps the frame of '..., said X' when the parser hangs the source off the
  clause ('According to market analyst Datamonitor, UK children ... had': 'Datamonitor' the
  subject of 'had', not under 'according'); ``frames._source`` reads the words after 'according
  to' by their order (development pair a096), in the frame test and through the claim checker.

Real parts: spaCy's parse and MiniLM.
"""

from __future__ import annotations

import pytest

from retrieval import frames
from retrieval.grounding import Evidence, check_claim
from retrieval.models import Hit
from retrieval.verifier import parse

# (claim, passage): 'according to X' up front for 'said X' at the end, where the parser makes
# the source the subject of the claim's verb: a096 of check_pairs_holdout10.jsonl, and one
# written for the test in the same construction.
ACCORDING = {
    "a096 Datamonitor": (
        "According to market analyst Datamonitor, UK children aged 10 to 17 had an annual "
        "income of £775.",
        "Children in the UK between the ages of 10 and 17 had an annual income of £775, said "
        "market analyst Datamonitor.",
    ),
    "written: Keynote": (
        "According to research group Keynote, US workers aged 20 to 30 had average savings of "
        "$4,000.",
        "Workers in the US between the ages of 20 and 30 had average savings of $4,000, said "
        "research group Keynote.",
    ),
}


def _said(passage: str):  # type: ignore[no-untyped-def]
    return next(t for t in parse(passage) if t.lemma_ == "say")


@pytest.mark.parametrize("name", sorted(ACCORDING))
def test_according_to_keeps_the_said_frame_however_the_source_is_parsed(name: str) -> None:
    claim, passage = ACCORDING[name]
    doc = parse(claim)
    # the premise: the parser hangs the source off the clause, outside 'according to'
    according = next(t for t in doc if t.lower_ == "according")
    named = next(t for t in doc if t.text == name.split()[-1])
    assert named not in list(according.subtree), [(t.text, t.dep_) for t in doc]
    assert frames.kept(_said(passage), doc), name
    # the claim with no source does not keep it
    assert not frames.kept(_said(passage), parse(claim.split(", ", 1)[1])), name


def _evidence(embedder, text: str) -> Evidence:  # type: ignore[no-untyped-def]
    hit = Hit(chunk_id="c", article_id="a", title="t", score=1.0, text=text)
    return Evidence(hit=hit, text=text, start=0, end=len(text), vector=embedder.encode([text])[0])


@pytest.mark.parametrize("name", sorted(ACCORDING))
def test_according_to_for_said_is_supported_by_the_claim_checker(name: str, embedder) -> None:  # type: ignore[no-untyped-def]
    claim, passage = ACCORDING[name]
    support = check_claim(claim, embedder.encode([claim])[0], _evidence(embedder, passage))
    assert (support.supported, support.verdict) == (True, "supported"), support
    # stated as fact, the reported figure is not supported
    bare = claim.split(", ", 1)[1]
    support = check_claim(bare, embedder.encode([bare])[0], _evidence(embedder, passage))
    assert (support.verdict, support.kind) == ("not_found", "attribution"), support
