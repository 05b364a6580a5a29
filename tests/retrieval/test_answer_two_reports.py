"""Comparisons across two reports, and questions asked of each side (eleventh session).

A side's own report often names the side in its title or lead and then says "the bank" where
it gives the figure ("The bank decided to keep interest rates at 3.25%" under "Korea holds
rates"): the parts' own sentences then compare the sides, and "lifted rates 0.25% to 5.5%"
gives the level 5.5%, not the step. A question asked of each side ("how did A fare compared
with B") is answered as it asks, not by the figures nearest each name.

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_a_side_s_report_that_names_it_in_its_title_gives_its_figure(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The Central Bank of Norway lifted interest rates 0.25% to 4.5%, its first "
                "upwards move in more than a year.\n\nThe bank said house prices were rising "
                "too fast.",
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
            _article(
                "Currency traders sold the dollar again.\n\nNorway has $300bn in its oil fund, "
                "and Chile, which has about $60bn in foreign reserves, may buy euros.",
                "Dollar slides on reserve fears",
                "dollar",
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
    assert "4.5%" in answer.answer and "2.75%" in answer.answer, answer.answer
    assert "$300bn" not in answer.answer, answer.answer
    line = answer.answer.split(". ")[0]
    assert "0.25%" not in line, line


def test_a_question_asked_of_each_side_is_answered_as_it_asks(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Third seed Tomas Berdan was the first big name to fall at the Brisbane Open as "
                "he went down to qualifier Luis Marin on Monday.\n\nFormer champion Karl Vesely "
                "fared better in his opening match at the Brisbane Open, a convincing win over "
                "Pavel Hruby.\n\nThe tournament ends on Sunday.",
                "Berdan out in Brisbane",
                "brisbane",
            ),
            _article(
                "Luis Marin now meets Tomas Berdan's conqueror from last year, who beat Karl "
                "Vesely 6-4 3-6 7-6 in the semi-finals in Sydney.\n\nMarin is ranked 140th.",
                "Marin to face Sydney champion",
                "sydney",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "In their opening matches at the Brisbane Open, how did third seed Tomas Berdan fare "
        "compared with Karl Vesely?"
    )
    assert answer.status == "answered", answer.answer
    assert "went down" in answer.answer and "convincing win" in answer.answer, answer.answer


def test_an_age_given_beside_the_name_a_report_uses_answers_that_side(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The United States won the Nations Cup final in Lyon.\n\nThe 27-year-old "
                "Hanson twins have won all four of their doubles matches this year.\n\nFrance "
                "captain Marc Roche chose to rest 19-year-old Perrin in the doubles after his "
                "long singles win on Friday.",
                "US win Nations Cup",
                "lyon",
            ),
            _article(
                "Teenager Paul Perrin reached the quarter-finals in Rome, beating the fifth "
                "seed in three sets.",
                "Perrin into Rome last eight",
                "rome",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "Which is younger, Paul Perrin or the Hanson twins who beat France in the Nations Cup "
        "final doubles?"
    )
    assert answer.status == "answered", answer.answer
    assert "19-year-old Perrin" in answer.answer, answer.answer
    assert not answer.unanswered, answer.unanswered
