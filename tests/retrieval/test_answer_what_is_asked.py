"""Answerability judged by what the answering sentence holds, not by how much of the question
it repeats (sixteenth session, issue 11).

A sentence that holds what is asked in a form only such a thing takes (a score for "by what
score", a figure beside the thing counted) answers however few of the question's words it
repeats ("thrashed Italy 38-8" for "beat"). A figure of another measure does not answer a price
("17.3 million shares" for "at what price did the shares open"), and a name in a sentence that
neither says the deed asked about nor names one beside the noun asked for does not say who did
it ("which team has he joined": "the Scarlets forward ... to pursue a coaching role").

Real parts: MiniLM and an embedded Chroma store built from written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.slots import asked_slot, holds_slot
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_a_price_asked_is_a_sum_of_money_not_any_figure() -> None:
    question = "At what price did Orvia Air's shares open when they began trading?"
    slot = asked_slot(question)
    assert slot is not None and slot.kind == "number" and slot.money
    assert not holds_slot("The offer of 17.3 million shares sold out in minutes.", question, slot)
    assert holds_slot("The shares opened at 1,125 rupees on Monday.", question, slot)
    fee = asked_slot("What was the transfer fee?")
    assert fee is not None and fee.money


def _shares_service(tmp_path: Path, embedder, news: str):  # type: ignore[no-untyped-def]
    return _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Investors have snapped up shares in Orvia Air, the country's biggest airline, "
                "in its first public share offer.\n\nThe offer of 17.3 million Orvia Air shares "
                f"was fully sold within 10 minutes of opening on Friday.\n\n{news}",
                "Orvia Air share offer sells out",
                "orvia",
            ),
            *_OTHERS,
        ],
    )


def test_a_count_of_shares_does_not_say_at_what_price_they_opened(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _shares_service(
        tmp_path, embedder, "The price at which the shares begin trading will be agreed later."
    )
    answer = service.ask("At what price did Orvia Air's shares open when they began trading?")
    assert answer.status == "not_found", answer.answer


def test_the_opening_price_is_answered_by_the_sum(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _shares_service(
        tmp_path, embedder, "Orvia Air shares opened at 1,125 rupees when trading began on Monday."
    )
    answer = service.ask("At what price did Orvia Air's shares open when they began trading?")
    assert answer.status == "answered", answer.answer
    assert "1,125" in answer.answer


_JOINED = "Which US team has Dan Morley joined as a coach after retiring from the Harriers?"


def _coach_service(tmp_path: Path, embedder, news: str):  # type: ignore[no-untyped-def]
    return _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Harriers and USA Eagles forward Dan Morley has ended his playing career to "
                "pursue a coaching role in the States.\n\nHe joined the club as a teenager "
                f"and won two cups with it.\n\n{news}",
                "Morley retires from rugby",
                "morley",
            ),
            *_OTHERS,
        ],
    )


def test_a_name_beside_no_team_and_no_joining_does_not_say_which_team(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _coach_service(
        tmp_path, embedder, "The 31-year-old said he wanted to explore the opportunities there."
    )
    answer = service.ask(_JOINED)
    assert answer.status == "not_found", answer.answer


def test_which_team_he_joined_is_answered_by_the_sentence_that_says_so(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _coach_service(
        tmp_path, embedder, "Morley has joined the Denver Barbarians as their forwards coach."
    )
    answer = service.ask(_JOINED)
    assert answer.status == "answered", answer.answer
    assert "Denver Barbarians" in answer.answer


_WROTE = "Who wrote the Zellin worm that installs a playable chess game on infected PCs?"


def _worm_service(tmp_path: Path, embedder, news: str):  # type: ignore[no-untyped-def]
    return _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The Zellin worm installs a playable version of chess on PCs that it has "
                "infected.\n\nPCs running Windows 98, ME and XP could be at risk.\n\n"
                f"{news}",
                "Worm brings chess to infected PCs",
                "worm",
            ),
            *_OTHERS,
        ],
    )


def test_a_name_of_another_sentence_of_the_article_does_not_say_who_wrote_it(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _worm_service(
        tmp_path, embedder, "The risk of infection is thought to be very low, Sophos said."
    )
    answer = service.ask(_WROTE)
    assert answer.status == "not_found", answer.answer


def test_who_wrote_it_is_answered_by_the_sentence_naming_the_writer(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _worm_service(
        tmp_path, embedder, "Police say the worm was written by Karl Brenner, a student in Kiel."
    )
    answer = service.ask(_WROTE)
    assert answer.status == "answered", answer.answer
    assert "Karl Brenner" in answer.answer


_SCORE = "By what score did Wales beat Italy in Rome before their trip to the Stade de France?"


def test_a_score_said_with_another_verb_answers_by_what_score(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Wales face France at the Stade de France on Saturday in the Six Nations.\n\n"
                "Wales have made two changes from the team that thrashed Italy 38-8 in Rome.\n\n"
                "France have beaten Scotland and England this season.",
                "Wales make two changes for Paris",
                "wales",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(_SCORE)
    assert answer.status == "answered", answer.answer
    assert "38-8" in answer.answer


_HITS = (
    "How many top three hits had Glasswing scored when the band announced it was taking a break?"
)


def test_a_count_beside_the_thing_counted_answers_in_other_words(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Pop band Glasswing have announced they are taking a break, their spokesman "
                "has said.\n\n"
                "The band have had eight top three hits, including four number ones, since "
                "they first reached the charts in 2002.\n\nThe trio will release a greatest "
                "hits album in the autumn.",
                "Glasswing to take a break",
                "band",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(_HITS)
    assert answer.status == "answered", answer.answer
    assert "eight" in answer.answer


def test_a_day_before_a_title_and_a_name_is_no_other_name_of_the_question() -> None:
    from retrieval.answer import names_a_rival

    question = "Which Lib Dem MP won Leicester South, a stop on Charles Kennedy's tour?"
    sentence = (
        "On Tuesday Mr Kennedy will visit Leicester South, where Lib Dem MP Parmjit Singh Gill "
        "overturned a big Labour majority to win the seat."
    )
    assert not names_a_rival(sentence, question)
    assert names_a_rival("On Monday Paul Kennedy said he would stand.", question)
