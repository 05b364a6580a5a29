"""What a figure question asks is a figure the question does not already give (fifteenth
session): "Britain is to give a £4m grant to help survivors" does not say how many survivors
the £4m grant has treated; "for Channel 4" does not say how many viewers watched. And a figure
that looks like a year is still a figure when the news does not write it as one: "19.9 million
units", "a congregation of 2,000", "20.1% of Japan's trade".

Real parts: MiniLM and an embedded Chroma store built from written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.grounding import quantities_in
from retrieval.slots import asked_slot, holds_slot
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_a_year_is_four_plain_digits_and_other_numbers_are_quantities() -> None:
    assert quantities_in("Since its launch, Microsoft has sold 19.9 million units.") == {"19.9"}
    assert quantities_in("He will tell the congregation of 2,000 at the cathedral.") == {"2000"}
    assert quantities_in("China accounted for 20.1% of Japan's trade in 2004.") == {"20.1"}
    assert quantities_in("Profits rose in 2004 and 1999.") == set()
    assert quantities_in("Which 1960s crooner is the film about?") == set()  # a decade


def test_a_figure_the_question_gives_does_not_fill_its_slot() -> None:
    question = "How many viewers watched the first episode of the Channel 4 sitcom Long Street?"
    slot = asked_slot(question)
    assert slot is not None and slot.kind == "number"
    assert not holds_slot("Ann Vale will direct Long Street for Channel 4.", question, slot)
    assert holds_slot("Some 2.1 million viewers watched Channel 4's Long Street.", question, slot)


def test_a_count_written_like_a_year_fills_a_how_many_question() -> None:
    question = "How many units of its Zephyr console has Norland sold worldwide?"
    slot = asked_slot(question)
    assert holds_slot("Norland has sold 19.9 million Zephyr units worldwide.", question, slot)


_TREATED = "How many survivors have so far received treatment through the charity's £4m grant?"


def _grant_service(tmp_path: Path, embedder, news: str):  # type: ignore[no-untyped-def]
    return _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The charity Mercy Aid is to give a £4m grant to help survivors of the "
                f"Cardova earthquake who were injured in the collapse of their homes.\n\n{news}",
                "Mercy Aid gives £4m to earthquake survivors",
                "grant",
            ),
            *_OTHERS,
        ],
    )


def test_the_grant_the_question_names_does_not_say_how_many_were_treated(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _grant_service(
        tmp_path, embedder, "The charity said doctors in Cardova were ready to begin work."
    )
    answer = service.ask(_TREATED)
    assert answer.status == "not_found", answer.answer


def test_how_many_were_treated_is_answered_by_the_count(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _grant_service(
        tmp_path,
        embedder,
        "So far 1,200 survivors have received treatment through the grant, the charity said.",
    )
    answer = service.ask(_TREATED)
    assert answer.status == "answered", answer.answer
    assert "1,200" in answer.answer


_WED = "On what date did the singer Carla Moreno marry the producer Jon Brandt?"


def _wedding_service(tmp_path: Path, embedder, news: str):  # type: ignore[no-untyped-def]
    return _service_of(
        tmp_path,
        embedder,
        [
            _article(
                f"{news}\n\nMoreno, 24, met Brandt, 27, while recording her second album.",
                "Carla Moreno and Jon Brandt",
                "wedding",
            ),
            *_OTHERS,
        ],
    )


def test_a_sentence_with_no_date_does_not_say_when_however_close_it_is(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _wedding_service(
        tmp_path,
        embedder,
        "The singer Carla Moreno is to marry the producer Jon Brandt, her agent has confirmed.",
    )
    answer = service.ask(_WED)
    assert answer.status == "not_found", answer.answer


def test_on_what_date_is_answered_by_the_day(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _wedding_service(
        tmp_path,
        embedder,
        "The singer Carla Moreno married the producer Jon Brandt on 19 November in Napa.",
    )
    answer = service.ask(_WED)
    assert answer.status == "answered", answer.answer
    assert "19 November" in answer.answer


def test_a_side_of_a_comparison_named_by_its_figure_is_held_by_that_figure() -> None:
    from retrieval.slots import GIVEN_FIGURES_FILL

    side = "How much the 71,000 civil service jobs attacked by the TUC is the cut?"
    sentence = "Plans to shed 71,000 civil service jobs will prove a false economy, the TUC said."
    slot = asked_slot(side)
    assert not holds_slot(sentence, side, slot)
    token = GIVEN_FIGURES_FILL.set(True)
    try:
        assert holds_slot(sentence, side, slot)
    finally:
        GIVEN_FIGURES_FILL.reset(token)


def test_a_sentence_of_no_words_speaks_of_nothing_ahead() -> None:
    from retrieval.answer import only_ahead

    assert not only_ahead("2-1.")
    assert only_ahead("The club will appeal against the ban.")
