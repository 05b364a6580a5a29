"""Each part of a multi-part question gets its own sentence (twelfth session).

- A part that is only a question word ("... and why?", "... and in what time?") asks it of the
  first part's clause.
- A part is answered by a sentence that says something the part asks and the other parts do
  not, not by the sentence that leads for the whole story.
- Forms of the slot a part asks for: "what was X worth" asks a sum; "at the age of just 28" is
  an age; "fifth-placed" is a place in an order.

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.questions import comparison_alternatives, plan_question
from retrieval.slots import asked_slot, holds_slot
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "When did the dancer Mira Solberg retire from the stage, and why?",
            [
                "When did the dancer Mira Solberg retire from the stage?",
                "Why did the dancer Mira Solberg retire from the stage?",
            ],
        ),
        (
            "Which race did Anna Keller win at the Oslo indoor meeting, and in what time?",
            [
                "Which race did Anna Keller win at the Oslo indoor meeting?",
                "In what time did Anna Keller win at the Oslo indoor meeting?",
            ],
        ),
    ],
)
def test_a_part_that_is_only_a_question_word_asks_it_of_the_first_part_s_clause(
    question: str, parts: list[str]
) -> None:
    plan = plan_question(question)
    assert plan.kind == "multi_part", plan
    assert plan.sub_questions == parts


def test_what_a_thing_was_worth_asks_a_sum() -> None:
    worth = asked_slot("What was its agreed takeover of Brandt Quarries worth?")
    assert worth is not None and worth.kind == "number", worth


def test_at_the_age_of_just_28_is_an_age() -> None:
    question = "How old was he when he first became an MP?"
    age = asked_slot(question)
    assert age is not None and age.age, age
    assert holds_slot("He became an MP at the age of just 28 for his home seat.", question, age)


def test_fifth_placed_is_a_place_in_an_order() -> None:
    question = "Where did their album Night Owls finish?"
    placed = asked_slot(question)
    assert placed is not None and placed.kind == "position", placed
    sentence = "The band have three more records on the list, including fifth-placed Night Owls."
    assert holds_slot(sentence, question, placed)


_HANDHELD = _article(
    "Zentra's new Z3 handheld games console is the successor to its best-selling Z2 and went "
    "on sale in Japan on 2 December.\n\nZentra said the camera adapter will be available from "
    "February in Japan.\n\nThe firm said it had no plans yet to sell the adapter in Europe."
    "\n\nThe Z3 has two screens and a microphone.",
    "Zentra adds camera to handheld",
    "zentra",
)
# Japan is in other stories too, so the handheld's name is the question's rarest.
_JAPAN = [
    _article(
        "Car exports from Japan rose by 3% in January, the trade ministry said.",
        "Japan car exports rise",
        "exports",
    ),
    _article(
        "Rail travel in Japan hit a record in the new year holiday, operators said.",
        "Japan rail record",
        "japan-rail",
    ),
    _article(
        "Japan's central bank kept its policy unchanged on Friday.",
        "Japan bank holds",
        "japan-bank",
    ),
]


def test_each_part_is_answered_by_the_sentence_that_bears_on_it(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(tmp_path, embedder, [_HANDHELD, *_JAPAN, *_OTHERS])
    answer = service.ask(
        "When will Zentra's Z3 camera adapter be available in Japan, and when did the Z3 go "
        "on sale there?"
    )
    assert answer.status == "answered", answer.answer
    by_part = {p.part: p.text for p in answer.points}
    # The sale date leads for the whole story; the adapter's part is the sentence about it.
    assert "February" in by_part.get(0, ""), answer.answer
    assert "2 December" in by_part.get(1, ""), answer.answer


@pytest.mark.parametrize(
    ("question", "parts", "sides"),
    [
        (
            # A setting before the question is both sides', not a side nor the frame.
            "In the county elections, did Plaid or Labour spend more on leaflets?",
            [
                "In the county elections: did Plaid spend more on leaflets?",
                "In the county elections: did Labour spend more on leaflets?",
            ],
            ["Plaid", "Labour"],
        ),
        (
            "At the Leeds wine auction, which is expected to fetch more: the claret or the port?",
            [
                "At the Leeds wine auction: the claret is expected to fetch more?",
                "At the Leeds wine auction: the port is expected to fetch more?",
            ],
            ["the claret", "the port"],
        ),
        (
            # The frame ends at its colon; a side's own setting after a comma ends its part.
            "Which economy grew faster in 2004: Italy's, as reported ahead of the budget, or "
            "Spain's, as cited by its central bank?",
            [
                "Italy's economy grew faster in 2004, as reported ahead of the budget?",
                "Spain's economy grew faster in 2004, as cited by its central bank?",
            ],
            ["Italy's, as reported ahead of the budget", "Spain's, as cited by its central bank"],
        ),
        (
            # A colon inside a side's name is no frame's end.
            "Which drew more viewers: an episode of Star Trek: Voyager, or an episode of Lost?",
            [
                "an episode of Star Trek: Voyager drew more viewers?",
                "an episode of Lost drew more viewers?",
            ],
            ["an episode of Star Trek: Voyager", "an episode of Lost"],
        ),
        (
            # The article before the second side is that side's ("the phone line").
            "Does cable or the phone line account for more connections?",
            None,  # (the first part reads "cable line": the sides are what is held here)
            ["cable", "the phone"],
        ),
    ],
)
def test_a_comparison_splits_at_its_frame_and_keeps_a_setting_for_both_sides(
    question: str, parts: list[str] | None, sides: list[str]
) -> None:
    plan = plan_question(question)
    assert plan.kind == "comparison", plan
    if parts is not None:
        assert plan.sub_questions == parts
    assert comparison_alternatives(question) == sides
