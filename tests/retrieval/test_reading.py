"""A factoid's article is read whole for its answer (sixteenth session).

The sentence most like a question is often the lead that restates it ("Baywatch has won the
title of worst TV import") and holds nothing of what it asks; the answer is a sentence further
in that holds a thing of the kind asked with the question's remaining words ("was shown in 140
countries at its height"). ``retrieval.reading`` scores a sentence by those, with weights
learned from the development sets (``python -m bench reading_learn``).
"""

from __future__ import annotations

from pathlib import Path

from retrieval.reading import read_question, reading_score, sentence_features
from retrieval.slots import asked_slot
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of

_QUESTION = "At its height, in how many countries was Baywatch shown, according to the poll?"
_LEAD = "Surf show Baywatch has won the title of worst TV import of all time in a poll."
_ANSWER = (
    "The programme, which starred David Hasselhoff and Pamela Anderson during its 12-year run, "
    "was shown in 140 countries at its height."
)


def _read(text: str, *, semantic: float, lead: bool, retrieved: bool) -> float:
    reading = read_question(_QUESTION, {}, asked_slot(_QUESTION))
    return reading_score(
        sentence_features(reading, text, semantic=semantic, lead=lead, retrieved=retrieved)
    )


def test_the_sentence_holding_the_figure_asked_reads_better_than_the_lead_restating_it() -> None:
    # The lead is closer to the question in meaning and was retrieved; the answer was not.
    lead = _read(_LEAD, semantic=0.62, lead=True, retrieved=True)
    answer = _read(_ANSWER, semantic=0.41, lead=False, retrieved=False)
    assert answer > lead


def test_a_figure_the_question_gives_is_not_the_kind_asked() -> None:
    reading = read_question(
        "How many viewers watched the Channel 4 sitcom?",
        {},
        asked_slot("How many viewers watched the Channel 4 sitcom?"),
    )
    given = sentence_features(
        reading, "The sitcom was shown on Channel 4.", semantic=0.5, lead=False, retrieved=True
    )
    told = sentence_features(
        reading, "Some 3.2 million viewers watched it.", semantic=0.5, lead=False, retrieved=True
    )
    assert given[0] == 0.0
    assert told[0] == 1.0
    assert reading_score(told) > reading_score(given)


_POLL = _article(
    "Surf show Surfside has won the title of worst TV import of all time in a poll of UK "
    "television executives.\n\n"
    "Model Anna Lee's reality show and The Dukes of Hazzard were runners-up in the Broadcast "
    "magazine survey.\n\n"
    "The Simpsons, Dallas and 24 were among the magazine's list of the best all-time imports "
    "from the US.\n\n"
    "Soap operas Knots Landing and Falcon Crest plus The Bold And The Beautiful all made the "
    "top 10 of Transatlantic TV howlers.\n\n"
    "The Jerry Springer Show, which came in at sixth on the list, did not fare well.\n\n"
    'Broadcast magazine said: "British TV never realised how low it could go before Jerry '
    'showed the way."\n\n'
    'Surfside rose to the top of the list for having "mind-numbingly predictable scripts", '
    "according to the magazine.\n\n"
    "Just inside the all-time worst top 10 came Extreme Makeover, which sees members of the "
    "public given plastic surgery.\n\n"
    "Executives were asked to name the imports they most disliked and those they most "
    "admired, and more than 100 replied to the survey, which ran for a month.\n\n"
    "Other American shows which won praise were The X-Files, I Love Lucy, Twin Peaks and Star "
    "Trek.\n\n"
    "The list was drawn up for the magazine's annual awards issue, published this week, and "
    "the results were announced at a ceremony in London on Tuesday night.\n\n"
    "The programme, which starred Dan Hollis and Pam Andrews during its 12-year run, was shown "
    "in 140 countries at its height.\n\n"
    "Its theme tune was a hit in Germany.",
    "Surfside tops worst TV import poll",
    "surf",
)
_NEAR = [
    _article(
        "Viewers in the UK watched more television imports from the US last year than ever, a "
        "report said.\n\nThe poll of executives found US drama the most popular.",
        "US imports popular",
        "imports",
    ),
    _article(
        "A poll of TV executives voted a reality show the worst new format of the year, the "
        "report on the survey said.\n\nThe show was voted worst by a wide margin.",
        "Worst format poll",
        "format",
    ),
]


def test_a_question_whose_lead_only_restates_it_is_answered_from_deeper_in_the_article(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    # The lead is too little like the long question to answer (the score floor), holds no
    # figure, and the sentence with the count is in a chunk retrieval does not bring.
    service = _service_of(tmp_path, embedder, [_POLL, *_NEAR, *_OTHERS])
    answer = service.ask(
        "At its height, in how many countries was Surfside shown, according to the report on "
        "the show being voted worst TV import?"
    )
    assert answer.status == "answered", answer.answer
    assert "140 countries" in answer.answer
