"""Rules of the eleventh session that had no test seen failing (twelfth session), each now
tested where it decides:

- 'According to X, ...' keeps the frame of '..., said X' when the parser hangs the source off the
  clause ('According to market analyst Datamonitor, UK children ... had': 'Datamonitor' the
  subject of 'had', not under 'according'); ``frames._source`` reads the words after 'according
  to' by their order (development pair a096), in the frame test and through the claim checker;
- a rank read from 'ranked Northshire third' or 'the second-largest' (``slots._PLACED``, commit
  bf9c1a2), through a whole answer: the sentence that gives the rank leads, or answers at all;
- the report reading of a comparison gives a side the figure of its own clause, not a nearer one
  of the next clause (``figures.side_distance`` in ``AnswerEngine._compared_by_reports``, commit
  90793c7).

Real parts: spaCy's parse, MiniLM, and an embedded Chroma store built from written articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import frames
from retrieval.grounding import Evidence, check_claim
from retrieval.models import Hit
from retrieval.verifier import parse
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of

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


RANK = "Where does Northshire rank among English counties for broadband use?"


def _ranked(tmp_path: Path, embedder, text: str):  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path, embedder, [_article(text, "Northshire online", "broadband"), *_OTHERS]
    )
    return service.ask(RANK)


@pytest.mark.parametrize(
    ("told", "rank"),
    [
        ("Its survey ranked Northshire third among English counties.", "ranked Northshire third"),
        ("Northshire is now the second-largest user of broadband in England.", "second-largest"),
    ],
)
def test_the_sentence_that_gives_the_rank_leads_the_answer(
    tmp_path: Path, embedder, told: str, rank: str
) -> None:  # type: ignore[no-untyped-def]
    # The lead covers more of the question's words but gives no rank.
    answer = _ranked(
        tmp_path,
        embedder,
        "Northshire's broadband use among English counties has risen fast since 2003, the Rural "
        f"Networks Trust said.\n\n{told}\n\nThe county's council welcomed the finding.",
    )
    assert answer.status == "answered", answer.answer
    assert rank in answer.points[0].text, answer.answer


def test_an_order_by_a_superlative_answers_where_a_county_ranks(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    answer = _ranked(
        tmp_path,
        embedder,
        "Northshire is the second-largest user of broadband among English counties, the Rural "
        "Networks Trust said.\n\nThe county's council welcomed the finding.",
    )
    assert answer.status == "answered", answer.answer
    assert "second-largest" in answer.points[0].text, answer.answer


def test_a_side_named_in_its_sentence_gets_the_figure_of_its_own_clause(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    """Chile's sentence does not name Chile (its report's title does), so the comparison is read
    report by report; Norway's sentence names Norway, with the 1.5% of the clause before it
    nearer 'Norway' than its own 4.5%."""
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Consumer prices rose 1.5% in the year, while Norway's central bank set its "
                "interest rate at 4.5%.\n\nThe bank said house prices were rising too fast.",
                "Norway raises interest rates",
                "norway",
            ),
            _article(
                "Chile's central bank governor said growth was steady.\n\nHis statement came "
                "as the bank decided to keep interest rates at an all-time low of 2.75%.\n\n"
                "Exporters had asked for a cut.",
                "Chile holds interest rates",
                "chile",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "Which central bank's benchmark interest rate is higher, the Central Bank of Norway's "
        "or the central bank of Chile's?"
    )
    assert answer.status == "answered", answer.answer
    assert answer.comparison is not None, answer.answer
    assert [(f.alternative, f.figure) for f in answer.comparison.figures] == [
        ("the Central Bank of Norway's", "4.5%"),
        ("the central bank of Chile's", "2.75%"),
    ], answer.answer
