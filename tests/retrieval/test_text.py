"""Sentences, words and hashes: the text units quotes and identities rest on."""

from __future__ import annotations

from retrieval.text import (
    containment,
    content_terms,
    numbers_in,
    shingles,
    split_sentences,
    text_hash,
)


def sentence_texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_a_full_stop_after_a_title_or_an_initialism_does_not_end_the_sentence() -> None:
    text = "Mr. Smith went to Washington. He spoke to the U.S. Senate on Monday. It rained."
    assert sentence_texts(text) == [
        "Mr. Smith went to Washington.",
        "He spoke to the U.S. Senate on Monday.",
        "It rained.",
    ]


def test_a_decimal_point_does_not_end_the_sentence() -> None:
    text = "Growth was 1.5 percent in 2024. Prices rose 3.25% and cost $2.5bn, said Dr. Jones."
    assert sentence_texts(text) == [
        "Growth was 1.5 percent in 2024.",
        "Prices rose 3.25% and cost $2.5bn, said Dr. Jones.",
    ]


def test_closing_quotes_stay_with_the_sentence_they_close() -> None:
    assert sentence_texts('She said, "We will win." The crowd cheered.') == [
        'She said, "We will win."',
        "The crowd cheered.",
    ]
    assert sentence_texts("He said: 'It is over.' Then he left.") == [
        "He said: 'It is over.'",
        "Then he left.",
    ]
    assert sentence_texts("She said, “We will win.” The crowd cheered.") == [
        "She said, “We will win.”",
        "The crowd cheered.",
    ]


def test_a_question_in_quotes_followed_by_a_lower_case_word_continues_the_sentence() -> None:
    assert sentence_texts('"Why?" she asked. Nobody knew. Really?  Yes!') == [
        '"Why?" she asked.',
        "Nobody knew.",
        "Really?",
        "Yes!",
    ]


def test_a_paragraph_break_always_ends_a_sentence() -> None:
    assert sentence_texts("Headline with no stop\n\nBody text here.") == [
        "Headline with no stop",
        "Body text here.",
    ]


def test_sentence_offsets_index_the_original_text_even_inside_a_window() -> None:
    text = "  Intro line.\n\nMr. Brown said 1.5 million people came. “It was huge.” Then rain.\n"
    window_start = text.index("Mr.")
    sentences = split_sentences(text, start=window_start, end=len(text) - 1)
    assert [s.text for s in sentences] == [
        "Mr. Brown said 1.5 million people came.",
        "“It was huge.”",
        "Then rain.",
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert all(s.start >= window_start for s in sentences)


def test_the_text_hash_ignores_case_whitespace_and_punctuation_but_not_words() -> None:
    assert text_hash("Hello,   World!\n") == text_hash("hello world")
    assert text_hash("Hello world") != text_hash("Hello there world")


def test_content_terms_drop_stopwords_and_share_stems() -> None:
    assert "the" not in content_terms("the territory")
    assert content_terms("retaken")[0] == content_terms("retake")[0]
    assert (
        content_terms("Russian")[0] == content_terms("Russians")[0] == content_terms("Russia's")[0]
    )
    assert content_terms("Indian")[0] == content_terms("India")[0]
    assert content_terms("Canadian")[0] == content_terms("Canada")[0] != "canadia"
    assert content_terms("lost")[0] == content_terms("lose")[0]


def test_the_stemmer_is_snowball_not_a_suffix_list() -> None:
    # The old suffix list gave 'generously'/'generou' and 'happin'/'happy'.
    assert content_terms("generously")[0] == content_terms("generous")[0]
    assert content_terms("happiness")[0] == content_terms("happy")[0]
    assert content_terms("connection connected connecting") == ["connect"] * 3


def test_numbers_are_normalised() -> None:
    assert {"1100", "2.5", "76"} <= numbers_in("about 1,100 km, 2.50 and 76%")


def test_a_lightly_edited_copy_contains_most_of_the_original_shingles() -> None:
    original = " ".join(f"word{i}" for i in range(60))
    edited = original.replace("word10", "changed").replace("word40", "altered") + " Extra end."
    unrelated = " ".join(f"other{i}" for i in range(60))
    assert containment(shingles(original), shingles(edited)) >= 0.5
    assert containment(shingles(original), shingles(unrelated)) == 0.0
