"""A comparison side's figure is its own, and a change over time is told by both its states
(fourteenth session).

- A sentence that names two sides gives a side's figure only where the figure stands nearer
  that side's words than the other side's names ("The Aviator leads with 11 nominations, while other
  nominees include Million Dollar Baby" gives no figure of Million Dollar Baby).
- A change-over-time question no sentence answers as asked is answered by the sentence of a top
  article that gives both states of the thing asked, two figures of one unit with a move or an
  earlier time between them ("cut its debt back to £160m from £610m a year earlier").

Real parts in the second: MiniLM and an embedded Chroma store built from written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.answer import _figure_of_side, _side_figure
from retrieval.figures import figures_in
from retrieval.grounding import Evidence
from retrieval.models import Hit
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def _evidence(text: str, article_id: str, start: int = 0) -> Evidence:
    hit = Hit(chunk_id=f"{article_id}#1", article_id=article_id, title="", score=0.5, text=text)
    return Evidence(hit=hit, text=text, start=start, end=start + len(text))


def test_a_figure_nearer_another_side_is_not_this_side_s() -> None:
    text = (
        "The Aviator leads the Oscar field with 11 nominations, while other multiple "
        "nominees include Million Dollar Baby and Sideways."
    )
    figure = figures_in(text)[0]
    baby, aviator = ["million", "dollar", "baby"], ["aviator"]
    assert not _figure_of_side(text, figure, baby, [aviator])
    assert _figure_of_side(text, figure, aviator, [baby])
    # A sentence that names no other side is not judged.
    assert _figure_of_side("Million Dollar Baby has seven nominations.", figure, baby, [aviator])


def test_a_side_s_figure_is_read_from_the_sentence_that_gives_it_beside_the_side() -> None:
    both = _evidence(
        "The Aviator leads the Oscar field with 11 nominations, while other multiple "
        "nominees include Million Dollar Baby and Sideways.",
        "oscars",
    )
    own = _evidence(
        "Million Dollar Baby picked up seven nominations, including best picture.", "baby"
    )
    baby, aviator = ["million", "dollar", "baby"], ["aviator"]
    chosen = _side_figure([[both, own]], baby, set(), set(), thing="nomin", others=[aviator])
    assert chosen is own
    # The Aviator's own figure is still read from the sentence that names both.
    chosen = _side_figure([[both, own]], aviator, set(), set(), thing="nomin", others=[baby])
    assert chosen is both


def test_a_change_no_sentence_answers_as_asked_is_told_by_both_its_states(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "News and financial data firm Harwick has reported its first rise in sales for "
                "four years, helped by new trading services.\n\nThe group said it was "
                "confident about 2005 after a year of cost cuts.\n\nIt also managed to slow "
                "a decline in underlying revenues to 5.4% from 10.2% in 2003 and cut its debt "
                "back to £160m from £610m a year earlier.\n\nThe shares closed 3p higher.",
                "Harwick returns to growth",
                "harwick",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("How did Harwick's debt change over the course of 2004?")
    assert answer.status == "answered", answer.answer
    assert "£160m" in answer.answer and "£610m" in answer.answer, answer.answer
