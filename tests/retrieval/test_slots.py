"""What a question asks for, and whether a sentence holds it."""

from __future__ import annotations

import pytest

from retrieval.grounding import predicate_term
from retrieval.slots import (
    Slot,
    asked_predicate,
    asked_slot,
    holds_predicate,
    holds_slot,
    slot_strength,
)


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("How much territory did Russia retake?", Slot("number")),
        ("At what value did advisers put the film unit?", Slot("number")),
        ("On what date was the marathon to be run?", Slot("day")),
        ("When did the act take effect?", Slot("date")),
        ("Where was the dating event held?", Slot("place")),
        ("Who refereed the match?", Slot("name")),
        ("Which record label withdrew the video?", Slot("name", head="label")),
        ("Which 1950s crooner is the film about?", Slot("name", head="crooner")),
        ("What was Yahoo originally called?", Slot("name")),
        ("Which injury had kept him out for a year?", None),
        ("Why did the minister resign?", None),
        ("What happened in Kursk?", None),
    ],
)
def test_the_slot_a_question_asks_for_is_read_from_its_form(
    question: str, slot: Slot | None
) -> None:
    assert asked_slot(question) == slot


def test_a_lead_that_restates_the_question_without_the_name_does_not_fill_it() -> None:
    question = "Which Dublin school complained about being shown in the Irish Son video?"
    slot = asked_slot(question)
    lead = (
        "The new video of former Westlife singer Brian McFadden has been pulled after a Dublin "
        "school complained about being associated with his song Irish Son."
    )
    named = "The head of the school, St Fintian's, said it was clearly identified in the video."
    assert not holds_slot(lead, question, slot)
    assert holds_slot(named, question, slot)


def test_a_name_the_question_already_gives_does_not_fill_a_who_question() -> None:
    question = "Who was charged with hacking into T-Mobile's US computer network?"
    slot = asked_slot(question)
    assert not holds_slot(
        "A man is facing charges of hacking into computers at the US arm of T-Mobile.",
        question,
        slot,
    )
    assert holds_slot("Mr Jacobsen tried at least twice to hack T-Mobile.", question, slot)


def test_a_day_question_wants_a_day_not_only_a_year() -> None:
    question = "On what date was the London Marathon to be run?"
    slot = asked_slot(question)
    assert not holds_slot("She will run the London Marathon this year, in 2005.", question, slot)
    assert holds_slot("She will seek a third title in the 17 April race.", question, slot)


@pytest.mark.parametrize(
    ("question", "predicate"),
    [
        ("When did the Freedom of Information Act take effect?", "effect"),
        ("Which injury had kept Simon Taylor out of the side?", "side"),
        ("What is the name of the album?", "album"),
        ("How much territory did Russia retake?", "retake"),
    ],
)
def test_a_light_verb_is_not_the_word_a_question_turns_on(question: str, predicate: str) -> None:
    assert predicate_term(question) == predicate


def test_the_noun_asked_about_is_the_one_before_the_verb_not_a_name_after_it() -> None:
    assert asked_slot("Which record label withdrew Brian McFadden's video?") == Slot(
        "name", head="label"
    )
    assert asked_slot("Which Tennis Australia official defended the courts?") == Slot(
        "name", head="offici"
    )


def test_a_figure_asked_as_a_percentage_wants_a_percentage() -> None:
    question = "By what percentage did US blog readership grow in 2004?"
    slot = asked_slot(question)
    assert not holds_slot("Just under one in 10 US internet users read blogs.", question, slot)
    assert holds_slot("Blog readership shot up by 58% in 2004.", question, slot)


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Who topped the Sunday Times music rich list for a second year?", "topped"),
        ("Whom did Harry Redknapp replace as Southampton manager?", "replace"),
        ("How long was Iranian blogger Arash Sigarchi jailed for?", "jailed"),
        ("Which two national governments challenged the ruling?", "challenged"),
        ("Which title did Rinus Michels win in 1988?", "win"),
        ("Which Home Office minister said Muslims should accept it?", None),  # a saying verb
    ],
)
def test_the_verb_a_question_turns_on_is_read_from_its_form(question: str, verb: str) -> None:
    assert asked_predicate(question) == verb


def test_a_sentence_holds_the_questions_verb_in_any_of_its_forms() -> None:
    question = "Who chaired the Low Pay Commission?"
    assert holds_predicate('"We recommended a slight rise," said chairman Adair Turner.', question)
    assert not holds_predicate("The TUC welcomed the increase.", question)


def test_how_long_wants_a_span_of_time_not_any_figure() -> None:
    question = "How long was the blogger jailed for?"
    slot = asked_slot(question)
    assert slot == Slot("number", span=True)
    assert not holds_slot("The eyes of 8 million bloggers are on Iran.", question, slot)
    jailed = "A blogger has been jailed for 14 years on charges of spying."
    assert holds_slot(jailed, question, slot)


def test_a_count_before_the_noun_is_not_the_noun_asked_for() -> None:
    question = "Which two national governments challenged the ruling?"
    slot = asked_slot(question)
    assert slot == Slot("name", head="govern")
    named = "The Danish and German governments are challenging it."
    assert slot_strength(named, question, slot) == 2


@pytest.mark.parametrize(
    ("question", "head", "verb"),
    [
        # A third-person verb the agent suffix alone would take for a noun ends the noun phrase.
        ("Which minister wants to ban smoking in pubs?", "minist", "wants"),
        ("Which broadcaster presents the awards this year?", "broadcast", "presents"),
        ("Which union agrees with the plan?", "union", "agrees"),
        # Nouns stay nouns: agent nouns of no verb, known nouns whose base is also a verb.
        ("Which record label withdrew the video?", "label", "withdrew"),
        ("Which 1950s crooner died in 2004?", "crooner", "died"),
        ("Which consultants advised the firm?", "consult", "advised"),
        ("Which health ministers met in Brussels?", "minist", "met"),
        ("Which next-generation games consoles are expected?", "consol", "expected"),
    ],
)
def test_a_verb_in_s_after_the_head_is_not_read_as_an_agent_noun(
    question: str, head: str, verb: str | None
) -> None:
    assert asked_slot(question) == Slot("name", head=head)
    assert asked_predicate(question) == verb


def test_an_official_named_after_a_proper_noun_keeps_its_head() -> None:
    assert asked_slot("Which Tennis Australia official criticised the draw?") == Slot(
        "name", head="offici"
    )
