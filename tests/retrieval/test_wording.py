"""The words around an answer, and the model's meta-text that never reaches a person."""

from __future__ import annotations

from datetime import date

from retrieval.answer import model_claims
from retrieval.models import AnswerPoint
from retrieval.wording import answer_text, format_date


def test_meta_text_is_cut_and_a_sentence_about_the_task_is_dropped() -> None:
    claims = model_claims(
        "The passage is: Russia retook 24 settlements in five days [1]. "
        "According to the evidence [2], Russian forces reclaimed about 1,100 square kilometers. "
        "The launch date was 11 November, which is a date that is not supported by the passage [1]."
    )
    assert claims == [
        ("Russia retook 24 settlements in five days.", [1]),
        ("Russian forces reclaimed about 1,100 square kilometers.", [2]),
    ]


def test_a_sentence_about_the_sentence_the_model_was_given_is_dropped() -> None:
    # The small model's job is to shorten one sentence: it may speak of "the sentence".
    claims = model_claims(
        "The sentence does not say when the strike starts. "
        "The text doesn't mention the price. "
        "It is unclear from the passage who won. "
        "The sentence is: Unions will strike on Monday."
    )
    assert claims == [("Unions will strike on Monday.", [])]


def test_an_answer_is_worded_in_one_place_with_its_date_and_a_disagreement() -> None:
    points = [
        AnswerPoint(text="Floods destroyed 1,450 homes", citations=[1]),
        AnswerPoint(
            text="Floods destroyed 1,200 homes.",
            citations=[2],
            disagrees=True,
            source="Wire One",
            published=date(2025, 4, 1),
        ),
    ]
    text, fitted = answer_text(points, as_of=date(2025, 4, 2), unanswered=["Who paid?"])
    assert fitted == 2
    assert text == (
        "As of 2 April 2025: Floods destroyed 1,450 homes [1]. However, Wire One (1 April 2025) "
        "reports: Floods destroyed 1,200 homes. [2] The stored articles do not answer: “Who paid”."
    )
    assert format_date(None) == ""


def test_a_sentence_naming_the_evidence_outlet_keeps_its_news_and_loses_the_attribution() -> None:
    claims = model_claims(
        "Russia has captured 24 settlements, according to the Moscow Times.", ["The Moscow Times"]
    )
    assert claims == [("Russia has captured 24 settlements.", [])]
