"""The parts of a multi-part question are one story (fifteenth session).

A later part that its own gates refuse ("which week of his hunger strike is he entering?"
beside a lead that says "protest" and "refusing food": it restates too little of the part) is
answered by the best sentence, not yet said, of the article the earlier part was answered from,
when that sentence says a word the part asks and the other part does not and holds the kind of
thing asked.
Real parts: MiniLM and an embedded Chroma store built from written articles.
"""

from __future__ import annotations

from pathlib import Path

from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of

_STRIKE = _article(
    "A former Russian naval officer who risked his life spying for MI6 is entering the fifth "
    "week of a protest near 10 Downing Street, refusing food until ministers meet him.\n\n"
    "Pavel Orlov, 52, says he was promised a normal life in Britain when he defected in "
    "1996.\n\nHe says the Home Office has ignored his letters for two years.\n\nThe Home "
    "Office said it did not comment on individual cases.",
    "Ex-spy on hunger strike",
    "strike",
)


def test_a_part_its_gates_refuse_is_answered_in_the_story_of_the_part_before(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    service = _service_of(tmp_path, embedder, [_STRIKE, *_OTHERS])
    answer = service.ask(
        "How old is the former Russian spy Pavel Orlov, and which week of his hunger strike is "
        "he entering?"
    )
    assert answer.status == "answered", answer.answer
    by_part = {p.part: p.text for p in answer.points}
    assert "52" in by_part.get(0, ""), answer.answer
    assert "fifth week" in by_part.get(1, ""), answer.answer
    assert not answer.unanswered, answer.answer
