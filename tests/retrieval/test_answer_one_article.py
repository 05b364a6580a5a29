"""A comparison's sides read from one article (ninth session): when the sentences found for each
side give no figures of one measure, or give one from an article that does not speak of what
the question sets them in ("In the FCC's figures ..."), the article that gives every side's
figure near its own words answers: "The target is 12 months for Welsh patients, but just three
months in England"; the regulator's cable lines beside its phone lines, not another country's
cable customers.

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_both_sides_of_a_comparison_are_read_from_the_one_sentence_that_gives_them(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "A hospital in Shropshire has dropped plans to stop treating patients from "
                "Powys.\n\nThe waiting time target is 12 months for Welsh patients, but just "
                "three months in England.\n\nThe health board said talks would go on.",
                "Hospital drops Powys plan",
                "powys",
            ),
            _article(
                "Welsh hospitals treated more patients than ever last year, the health "
                "minister said.\n\nSome 30,000 operations were carried out in Cardiff alone.",
                "Record year for Welsh hospitals",
                "cardiff",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "How does the waiting time target for Welsh patients compare with the one in England?"
    )
    assert answer.status == "answered", answer.answer
    assert "12 months" in answer.answer and "three months" in answer.answer, answer.answer
    assert not answer.unanswered, answer.unanswered


def test_a_side_read_in_another_country_s_figures_gives_way_to_the_article_the_question_names(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Broadband keeps growing in the US, the regulator says.\n\nThe FCC said there "
                "were more than 30 million broadband connections by the end of June.\n\n"
                "In the US, cable leads the way, accounting for 18.6 million lines.\n\n"
                "Broadband over the phone line makes up 11.4 million connections, according "
                "to the FCC figures.",
                "Broadband grows in the US",
                "fcc",
            ),
            _article(
                "UK broadband take-up rose sharply last year.\n\nThere are also an estimated "
                "1.7 million cable broadband customers in the UK, the industry body said.",
                "UK broadband rises",
                "uk",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "In the FCC's broadband figures, does cable or the phone line account for more US "
        "connections?"
    )
    assert answer.status == "answered", answer.answer
    assert "18.6 million" in answer.answer and "11.4 million" in answer.answer, answer.answer
    assert "1.7 million" not in answer.answer, answer.answer
