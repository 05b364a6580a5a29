"""A part of a multi-part question that asks for a name is answered by a sentence that names one
where a sentence says who it is about (thirteenth session).

The lead of a story often restates the part with a title in place of the name ("The Culture
Secretary has said she wants ..."); the sentence that answers names the person as its subject
further down. Real parts: MiniLM and an embedded Chroma store built from written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.entities import NAMED_TYPES, names_one_asked
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of

_PEOPLE = frozenset({"PERSON"})


def test_a_name_as_subject_or_in_apposition_names_one() -> None:
    question = "Which minister wants the licence fee frozen?"
    assert names_one_asked("Tessa Morgan said the freeze was urgent.", question, _PEOPLE)
    assert names_one_asked(
        "Aishwarya Rai, star of Bride and Prejudice, is the studio's choice.",
        "Which actress does the studio want?",
        _PEOPLE,
    )
    # A title in the name's place names no one; nor does a name the question gives.
    assert not names_one_asked(
        "The Culture Secretary has said she wants the licence fee frozen.", question, _PEOPLE
    )
    assert not names_one_asked(
        "Tessa Morgan said the freeze was urgent.",
        "Does Tessa Morgan want the licence fee frozen?",
        NAMED_TYPES,
    )


_FEE = _article(
    "The Culture Secretary has said she wants the television licence fee frozen for two more "
    "years.\n\nTessa Morgan told MPs on Tuesday that the freeze was an urgent priority for the "
    "government.\n\nBroadcasters can currently keep up to 12% of the licence fee for regional "
    "news.\n\nThe BBC said it would study the plans.",
    "Minister wants licence fee frozen",
    "fee",
)


def test_a_part_asking_a_name_is_answered_by_the_sentence_naming_one(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    service = _service_of(tmp_path, embedder, [_FEE, *_OTHERS])
    answer = service.ask(
        "Which minister wants the television licence fee frozen for two more years, and how "
        "much of the fee can broadcasters currently keep for regional news?"
    )
    assert answer.status == "answered", answer.answer
    by_part = {p.part: p.text for p in answer.points}
    assert "Tessa Morgan" in by_part.get(0, ""), answer.answer
    assert "12%" in by_part.get(1, ""), answer.answer


_LEVY = _article(
    "The Environment Secretary has said she wants a levy on plastic bags in every shop by "
    "next spring.\n\nThe prime minister gave the environment post to Sarah Collins in "
    "June.\n\nMs Collins told the conference on Monday that the levy plan was a priority for "
    "her department.\n\nShoppers currently use about eight billion bags a year.",
    "Minister wants plastic bag levy",
    "levy",
)


def test_a_name_given_by_title_and_surname_is_answered_where_it_is_given_in_full(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    service = _service_of(tmp_path, embedder, [_LEVY, *_OTHERS])
    answer = service.ask(
        "Which minister wants a levy on plastic bags in every shop, and how many bags do "
        "shoppers currently use a year?"
    )
    assert answer.status == "answered", answer.answer
    by_part = {p.part: p.text for p in answer.points}
    # "Ms Collins told the conference" names her as its subject; the name in full is earlier.
    assert "Sarah Collins" in by_part.get(0, ""), answer.answer
    assert "eight billion" in by_part.get(1, ""), answer.answer
