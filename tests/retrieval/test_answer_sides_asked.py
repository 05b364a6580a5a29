"""A comparison that asks its own question of each side is answered part by part (fifteenth
session).

"What did A win compared with B" and "how did A's price compare with the offers touted later"
set no two figures of one measure against each other (the engine does not read their sides as
figures); each side is a question of its own, answered as a multi-part question's part is: a
sentence said for one side answers the other only if it says something that side asks, and a
side its gates refuse may be told in the story the other side was answered from.
Real parts: MiniLM and an embedded Chroma store built from written articles.
"""

from __future__ import annotations

from pathlib import Path

from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of

_AWARDS = _article(
    "Rock band Foxglove won best group at the Northern Music Awards in Leeds on Friday, beating "
    "three bands from Manchester.\n\nSinger Dana Moss, who had been tipped for three prizes, "
    "went home with best newcomer.\n\nThe awards are voted for by listeners of regional radio "
    "stations.",
    "Awards night",
    "awards",
)


def test_what_each_side_won_is_answered_by_that_side_s_own_sentence(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    service = _service_of(tmp_path, embedder, [_AWARDS, *_OTHERS])
    answer = service.ask(
        "At the Northern Music Awards in Leeds, what did Foxglove win compared with Dana Moss?"
    )
    assert answer.status == "answered", answer.answer
    by_part = {p.part: p.text for p in answer.points}
    assert "best group" in by_part.get(0, ""), answer.answer
    # (Before: the Foxglove sentence stood for both sides, and "best newcomer" was not said.)
    assert "best newcomer" in by_part.get(1, ""), answer.answer


_BROADBAND = _article(
    "When cable firms offered fast broadband for less than £25 at the start of the year, rivals "
    "said the price could not last.\n\nBroadband for less than £12 was later touted by some "
    "small firms, although such a low price raised eyebrows.\n\nThe regulator said more than "
    "five million homes now have a fast connection.",
    "Broadband prices fall",
    "broadband",
)


def test_a_side_its_gates_refuse_is_told_in_the_story_of_the_other_side(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    service = _service_of(tmp_path, embedder, [_BROADBAND, *_OTHERS])
    answer = service.ask(
        "At the start of 2005, how did the price of fast broadband from cable firms compare "
        "with the cheapest offers some small firms touted later?"
    )
    assert answer.status == "answered", answer.answer
    by_part = {p.part: p.text for p in answer.points}
    assert "£25" in by_part.get(0, ""), answer.answer
    assert "£12" in by_part.get(1, ""), answer.answer
    assert not answer.unanswered, answer.answer
