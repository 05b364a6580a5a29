"""A comparison's sides, as the question words them (tenth session).

- A side is named by its own words, not by longer words they begin: "Air Europe" is not named
  by "aircraft", "airline" or "Airbus", which only begin with "air"; "Europe" is still named by
  "European" (a word with an ending).
- "those of B" after "the X of A" is "the X of B".
- A word of age inside a side ("older films") does not make the question one of ages.

Real parts where a service is used: MiniLM and an embedded Chroma store of written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.answer import _side_terms
from retrieval.figures import compare, names_side
from retrieval.questions import comparison_parts
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_a_side_s_word_names_itself_with_an_ending_but_not_a_compound() -> None:
    assert names_side("europe", "european")
    assert names_side("oracle", "oracle's")
    assert names_side("air", "air")
    assert not names_side("air", "aircraft")
    assert not names_side("air", "airlines")
    assert not names_side("air", "airbus")


def test_a_side_s_figure_is_not_read_beside_a_longer_word_its_word_only_begins() -> None:
    sentences = [
        "Japan Airlines has made a firm order worth $3.6bn, for 30 aircraft at $120m each.",
        "Spanish carrier Air Europe has ordered ten A350 jets from the European maker, a deal "
        "worth $1.8bn.",
    ]
    sides = _side_terms(["Japan Airlines' order", "Air Europe's order"])
    found = compare(sentences, sides, "more")
    assert found is not None
    assert [f.text for _, f in found[1]] == ["$3.6bn", "$1.8bn"]


def test_those_of_a_second_side_carries_the_first_side_s_thing() -> None:
    parts = comparison_parts(
        "How do the worldwide takings of John Carpenter's Halloween compare with those of the "
        "first two Spider-Man films?"
    )
    assert parts == [
        "worldwide takings of John Carpenter's Halloween?",
        "worldwide takings of the first two Spider-Man films?",
    ]
    # An " of " inside a name is not the noun's: the noun "that of" stands for is the rate.
    parts = comparison_parts(
        "How does the Bank of England's interest rate compare with that of the ECB?"
    )
    assert parts == ["Bank of England's interest rate?", "interest rate of the ECB?"]


def test_a_word_of_age_inside_a_side_does_not_make_a_comparison_of_ages(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Sony has named the first films to come out on its UMD discs for the PSP "
                "handheld.\n\nNew releases such as The Punisher, along with older titles such "
                "as Total Recall, will be on UMD, with discs costing $20 to $30 for new titles "
                "and $10 for older films.\n\nThe PSP goes on sale in Europe in March.",
                "Films for the PSP named",
                "psp",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "How do the prices of new films on UMD for the PSP compare with older films?"
    )
    assert answer.status == "answered", answer.answer
    assert "$30" in answer.answer and "$10" in answer.answer, answer.answer
    # No line calls either side "the older": the question asks no relation of the sides.
    assert "older is" not in answer.answer, answer.answer
