"""A factoid's answer holds a thing of the kind asked for, by the parser's entity types: a lead
that restates the question ("a defence minister has said") or names other things (the firm's
pits across the counties) gives way to the sentence of its article that names a person for
"who is the chief executive", "which minister".

Real parts throughout: MiniLM, spaCy's small pipeline and an embedded Chroma store built from
a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.entities import asked_types, new_entities
from retrieval.slots import asked_slot
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_who_is_the_chief_executive_asks_for_a_person_the_question_does_not_name() -> None:
    question = "Who is the new chief executive running Northfield Mining after its losses grew?"
    types = asked_types(question, asked_slot(question))
    assert types == frozenset({"PERSON"})
    assert new_entities(
        "The Leeds company, led by new chief executive Martin Holloway, hopes to return to "
        "profit next year.",
        question,
        types,
    ) == ["Martin Holloway"]
    # The question's own names are not what it asks for.
    assert new_entities("Northfield Mining said its losses grew.", question, types) == []


def test_a_lead_restating_which_minister_gives_way_to_the_sentence_naming_one(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Farmers should accept that subsidies for hill sheep will be cut by a fifth "
                "next year, a farming minister has said.\n\nFigures released last month "
                "showed that hill farm incomes had fallen for a third year running.\n\n"
                "Margaret Dunlop said the savings would go to woodland planting and flood "
                "schemes.\n\nThe National Farmers Union called the cut a betrayal of upland "
                "communities.",
                "Hill farm subsidies to be cut",
                "farms",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "Which farming minister said farmers should accept cuts to hill sheep subsidies?"
    )
    assert answer.status == "answered", answer.answer
    assert "Margaret Dunlop" in answer.answer, answer.answer
