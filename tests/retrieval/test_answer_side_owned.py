"""A comparison side's figure is its own (fourteenth session): a sentence that names two sides
gives a side's figure only where the figure stands nearer that side's words than the other
side's names ("The Aviator leads with 11 nominations, while other nominees include Million
Dollar Baby" gives no figure of Million Dollar Baby).
"""

from __future__ import annotations

from retrieval.answer import _figure_of_side, _side_figure
from retrieval.figures import figures_in
from retrieval.grounding import Evidence
from retrieval.models import Hit


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
