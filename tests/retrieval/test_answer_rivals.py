"""A sentence about another thing of the kind the question names does not answer it (tenth
session): "the French Open" is not "the Australian Open" (a name with the same last word and
other words before it, the question's own not said), and "sold in Japan and the US" is not
"sold in Europe" (another place after "in", the question's never named).

Real parts: MiniLM and an embedded Chroma store built from written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.answer import names_a_rival
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_a_name_with_the_same_last_word_and_other_words_is_a_rival() -> None:
    question = "Did Tim Henman beat Cyril Saulnier at the Australian Open?"
    assert names_a_rival("Henman beat Saulnier at the French Open last year.", question)
    assert not names_a_rival("Henman beat Saulnier at the Australian Open.", question)
    # A name that holds the question's, or is held by it, is the same thing; so is the name
    # after a title ("Mr Campbell"); a possessive ends a name ("Harry Redknapp's Southampton").
    assert not names_a_rival("France's Cyril Saulnier lost to Henman.", question)
    assert not names_a_rival(
        "Mr Campbell quit Number 10 in August 2003.", "When did Alastair Campbell quit?"
    )
    assert not names_a_rival(
        "Premiership Southampton will face Portsmouth in the fourth round.",
        "Who did Harry Redknapp's Southampton draw in the FA Cup?",
    )


def test_another_place_after_in_is_a_rival_only_where_the_asked_place_is_not_named() -> None:
    question = "How many DS consoles were sold in Europe in the first week?"
    assert names_a_rival("Nintendo has sold 4m DS consoles in Japan and the US.", question)
    assert not names_a_rival("In Europe 87,000 were sold, against 500,000 in Japan.", question)
    assert not names_a_rival("The DS sold 87,000 in its first week.", question)
    # The place's adjective names it ("European sales"); a longer name it begins does not:
    # "Niger" is not "Nigeria".
    assert not names_a_rival("European sales reached 87,000, against 500,000 in Japan.", question)
    niger = "How many people were displaced by the floods in Niger?"
    assert names_a_rival("In Nigeria's north, floods displaced 30,000 people in Kano.", niger)
    # A name before a noun is no place: "in the Tennessee Williams drama".
    assert not names_a_rival(
        "Slater is replacing Dallas Roberts in the Tennessee Williams drama.",
        "Which actor is Christian Slater replacing in the Broadway revival?",
    )


def test_did_a_beat_b_at_one_event_is_not_answered_by_their_match_at_another(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "British number one Tom Hall will face France's Luc Morel in the first round "
                "of next week's Australian Open.\n\nHall came from two sets down to beat Morel "
                "in the first round of the French Open last year, so he knows he faces a tough "
                "test in Melbourne.",
                "Hall faces Morel in Melbourne",
                "draw",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("Did Tom Hall beat Luc Morel at the Australian Open?")
    assert answer.status == "not_found", answer.answer
