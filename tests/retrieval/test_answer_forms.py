"""What a question's form says it asks for (seventh session's rules, landed in the eighth):
comparatives beyond more/less ("fell harder"), the noun "the name of the X" names, a count that
leaves its noun out, the doer a lead speaks of named in a later sentence, and a month asked is
not another month's figure.

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.questions import plan_question
from retrieval.slots import asked_slot, names_the_doer, slot_strength
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_a_comparative_beyond_more_and_less_sets_two_sides() -> None:
    plan = plan_question(
        "Which stock market fell harder on Monday's weak-dollar worries, London's FTSE or "
        "Tokyo's Nikkei?"
    )
    assert plan.kind == "comparison"
    assert len(plan.sub_questions) == 2
    assert "FTSE" in plan.sub_questions[0] and "Nikkei" in plan.sub_questions[1]


def test_fell_harder_is_answered_with_each_side_s_figure(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Stock markets slid on Monday on worries about the weak dollar.\n\nThe London "
                "FTSE fell 0.8% while Tokyo's Nikkei 225 dropped 2.11%, its steepest fall in "
                "three months.",
                "Weak dollar hits shares",
                "shares",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "Which stock market fell harder on Monday's weak-dollar worries, London's FTSE or "
        "Tokyo's Nikkei?"
    )
    assert answer.status == "answered", answer.answer
    assert "0.8%" in answer.answer and "2.11%" in answer.answer, answer.answer


def test_the_name_of_the_album_stands_beside_the_word_album() -> None:
    question = (
        "What is the name of the Mark Morrison album that Kevin Campbell's label says it paid "
        "to produce?"
    )
    slot = asked_slot(question)
    assert slot is not None and slot.kind == "name" and slot.head == "album"
    sentence = (
        "The striker signed Morrison to his 2 Wikid Records label and claims he spent "
        "thousands of pounds producing his album Innocent Man."
    )
    assert slot_strength(sentence, question, slot) == 2


def test_the_name_of_an_album_is_answered_though_the_sentence_words_the_verb_otherwise(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Footballer and record company boss Kevin Campbell has won a court injunction "
                "stopping singer Mark Morrison from releasing an album.\n\nThe striker signed "
                "Morrison to his 2 Wikid Records label and claims he spent thousands of pounds "
                "producing his album Innocent Man.\n\nMorrison's lawyers declined to comment.",
                "Campbell stops Morrison album",
                "album",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "What is the name of the Mark Morrison album that Kevin Campbell's label says it paid "
        "to produce?"
    )
    assert answer.status == "answered", answer.answer
    assert "Innocent Man" in answer.points[0].text, answer.answer


def test_a_count_may_leave_out_the_noun_its_sentence_has_just_named() -> None:
    question = "How many Americans started reading blogs in 2004?"
    slot = asked_slot(question)
    lead = (
        "Americans are becoming avid blog readers, with 32 million getting hooked in 2004, "
        "according to new research."
    )
    assert slot_strength(lead, question, slot) == 2


def test_a_count_that_leaves_its_noun_out_answers_how_many(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Americans are becoming avid blog readers, with 32 million getting hooked in "
                "2004, according to new research.\n\nThe survey showed that blog readership has "
                "shot up by 58% in the last year.\n\nThe rise of blogs has spawned a new desire "
                "for news, with six million Americans now using RSS aggregators.",
                "Blog reading explodes in America",
                "blogs",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "How many Americans started reading blogs in 2004 and by how much did blog readership grow?"
    )
    assert answer.status == "answered", answer.answer
    assert "32 million" in answer.answer and "58%" in answer.answer, answer.answer


_HACKER = (
    "A man is facing charges of hacking into computers at the US arm of mobile phone firm "
    "T-Mobile.\n\nThe Californian man, Nicholas Lee Jacobsen, was arrested in October. "
    "Mr Jacobsen took names and social security numbers of 400 customers, said a company "
    'spokesman.\n\n"We were able to take corrective action immediately," Peter Dobrow, a '
    "T-Mobile spokesperson said."
)


def test_the_doer_a_lead_speaks_of_is_the_name_beside_its_noun() -> None:
    question = "Who was charged with hacking into T-Mobile's US computer network?"
    assert names_the_doer(
        "The Californian man, Nicholas Lee Jacobsen, was arrested in October.", _HACKER, question
    )
    assert not names_the_doer(
        '"We were able to take corrective action immediately," Peter Dobrow, a T-Mobile '
        "spokesperson said.",
        _HACKER,
        question,
    )


def test_who_was_charged_is_answered_by_the_name_beside_the_lead_s_noun(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path, embedder, [_article(_HACKER, "US hacker breaks into T-Mobile", "hack"), *_OTHERS]
    )
    answer = service.ask("Who was charged with hacking into T-Mobile's US computer network?")
    assert answer.status == "answered", answer.answer
    assert "Jacobsen" in answer.points[0].text, answer.answer


def test_a_month_asked_is_not_answered_by_another_month_s_figure(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Munich-based research institute Ifo said that its business confidence index "
                "fell to 95.5 in February from 97.5 in January, its first decline in three "
                "months.\n\nEconomists had expected a small rise.",
                "German business confidence slides",
                "ifo",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("What was Germany's Ifo business confidence index in March?")
    assert answer.status == "not_found", answer.answer
    answer = service.ask("What was Germany's Ifo business confidence index in February?")
    assert answer.status == "answered" and "95.5" in answer.answer, answer.answer
