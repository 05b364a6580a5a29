"""A sentence that leans back only by its opening connective is used without it."""

from __future__ import annotations

from retrieval.compress import without_opening_connective
from retrieval.keyfacts import stands_alone


def test_an_opening_connective_is_removed_and_the_sentence_then_stands_alone() -> None:
    text = (
        "However, supporters of the change claim it will mean increased efficiency and lower "
        "costs for Western consumers."
    )
    short = without_opening_connective(text)
    assert short == (
        "Supporters of the change claim it will mean increased efficiency and lower costs for "
        "Western consumers."
    )
    assert not stands_alone(text) and stands_alone(short)


def test_a_sentence_that_also_leans_back_by_a_pronoun_still_leans_back() -> None:
    # Guard: the removal does not make "it" stand alone.
    short = without_opening_connective("However, it has bounced back with growth of 5% in 2004.")
    assert short == "It has bounced back with growth of 5% in 2004."
    assert not stands_alone(short)


def test_words_that_only_look_like_connectives_are_kept() -> None:
    # Guard: "So far" and "Still to come" open no clause of their own.
    for text in (
        "So far 24 settlements have been retaken in the Kursk region.",
        "Still to come are the results of the 2004 census of farms.",
    ):
        assert without_opening_connective(text) == text
