"""A "who" question about a deed done is not answered by a sentence that says the deed only as
yet to happen (thirteenth session): "the association will pick a new candidate, its chairman
said" names a chairman, not whom they picked; "is set to replace him" does not say who
replaced him. A deed told as done, under way, or as an infinitive of result ("beat him to win
the award") names its doer.

Real parts: spaCy's parse, MiniLM and an embedded Chroma store built from a written article.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.answer import names_only_ahead
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of

_PICK = "Whom did the Wexford Conservatives pick to replace Howard Flight as their candidate?"


def test_a_deed_said_only_ahead_names_no_doer() -> None:
    assert names_only_ahead(
        "The Wexford Conservatives will pick a new candidate, chairman John Brown said.", _PICK
    )
    assert not names_only_ahead(
        "The Wexford Conservatives picked Jane Smith to replace Howard Flight.", _PICK
    )
    won = "Who won the women's race at the Lakeside Run?"
    assert names_only_ahead("Olympic champion Mary Okoro is set to win the race.", won)
    assert not names_only_ahead("Mary Okoro won the women's race in 31 minutes.", won)
    # An infinitive of result tells the deed done; a sentence without the verb is not judged.
    assert not names_only_ahead(
        "Mary Okoro beat Ann Lee to win the women's race at the Lakeside Run.", won
    )
    assert not names_only_ahead("Mary Okoro took the title in 31 minutes.", won)
    # A question about what is yet to happen is answered by it.
    assert not names_only_ahead(
        "Olympic champion Mary Okoro is set to win the race.",
        "Who will win the women's race at the Lakeside Run?",
    )


def _flight_service(tmp_path: Path, embedder, news: str):  # type: ignore[no-untyped-def]
    return _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Howard Flight is no longer eligible to stand as the Conservative candidate "
                f"in Wexford, his local association has said.\n\n{news}",
                "Wexford Tories drop Flight",
                "flight",
            ),
            *_OTHERS,
        ],
    )


def test_whom_did_they_pick_is_not_answered_by_the_pick_ahead(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _flight_service(
        tmp_path,
        embedder,
        "The Wexford Conservatives will pick a new candidate to replace Howard Flight next "
        "week, chairman John Brown said.",
    )
    answer = service.ask(_PICK)
    assert answer.status == "not_found", answer.answer


def test_whom_did_they_pick_is_answered_by_the_pick(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _flight_service(
        tmp_path,
        embedder,
        "The Wexford Conservatives picked Jane Smith to replace Howard Flight as their "
        "candidate on Monday, chairman John Brown said.",
    )
    answer = service.ask(_PICK)
    assert answer.status == "answered", answer.answer
    assert "Jane Smith" in answer.answer
