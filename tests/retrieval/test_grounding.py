"""The claim checker and evidence helpers, with the real MiniLM for meaning."""

from __future__ import annotations

import pytest

from retrieval.grounding import (
    Evidence,
    check_claim,
    counts_head,
    expects_number,
    has_date,
    head_terms,
    named_terms,
    says_not_found,
    split_claims,
)
from retrieval.models import Hit
from retrieval.text import stem

PASSAGE = (
    "According to Gerasimov, Russian forces have reclaimed about 1,100 square kilometers "
    "(425 square miles) of territory in the Kursk region."
)


def evidence(embedder, text: str = PASSAGE) -> Evidence:  # type: ignore[no-untyped-def]
    hit = Hit(chunk_id="c", article_id="a", title="t", score=1.0, text=text)
    return Evidence(hit=hit, text=text, start=0, end=len(text), vector=embedder.encode([text])[0])


@pytest.mark.parametrize(
    "claim, supported",
    [
        (
            "Gerasimov said Russian forces have reclaimed about 1,100 square kilometers of "
            "territory in Kursk.",
            True,
        ),
        (
            "According to Gerasimov, Russia has retaken about 1,100 square kilometers of "
            "territory in the Kursk region.",
            True,
        ),
        (
            "Gerasimov said Russian forces have reclaimed about 2,100 square kilometers of "
            "territory in Kursk.",
            False,
        ),
        # The passage attributes the figure to Gerasimov; stated as plain fact it is not supported.
        (
            "Russian forces have reclaimed about 1,100 square kilometers of territory in Kursk.",
            False,
        ),
        ("Russian forces reclaimed 1100 square kilometers in 2023.", False),
        ("Ukraine's army captured Moscow after a long winter campaign.", False),
    ],
)
def test_a_claim_holds_only_when_its_words_meaning_and_numbers_agree(
    embedder, claim: str, supported: bool
) -> None:  # type: ignore[no-untyped-def]
    vector = embedder.encode([claim])[0]
    assert check_claim(claim, vector, evidence(embedder)).supported is supported


def test_model_output_is_split_into_sentences_with_their_markers() -> None:
    text = "Answer: Russia took 1,100 km² [2]. Prisoners numbered 430 [1][3]. No marker here."
    assert split_claims(text) == [
        ("Russia took 1,100 km².", [2]),
        ("Prisoners numbered 430.", [1, 3]),
        ("No marker here.", []),
    ]


def test_markers_after_the_full_stop_belong_to_the_sentence_before() -> None:
    assert split_claims("One fact. [1] Another fact. [2]") == [
        ("One fact.", [1]),
        ("Another fact.", [2]),
    ]


def test_names_inside_a_question_are_required_terms() -> None:
    assert named_terms("What did the Bank of Japan decide about rates?") == ["bank", "japan"]
    assert named_terms("How much territory did Russia retake?") == [stem("Russia")]


def test_quantity_questions_know_what_they_count() -> None:
    assert expects_number("How many prisoners were taken?")
    assert head_terms("How much territory did Russia retake?") == [stem("territory")]
    assert counts_head(PASSAGE, [stem("territory")])
    assert not counts_head("Russia's forces have retaken 24 settlements.", [stem("territory")])


@pytest.mark.parametrize(
    "text",
    ["NOT FOUND", "Not found.", "I don't know.", "The evidence does not answer the question."],
)
def test_a_model_saying_it_cannot_answer_is_recognised(text: str) -> None:
    assert says_not_found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Russia retook 1,100 square kilometers [1].",
        "Putin visited Kursk [1]. The exact date of the visit was not mentioned.",
        "Gerasimov gave no information on losses, but said 24 settlements were retaken [1].",
        "The ministry said it does not answer questions about troops [1].",
    ],
)
def test_a_real_answer_is_not_mistaken_for_not_found(text: str) -> None:
    assert not says_not_found(text)


@pytest.mark.parametrize(
    "text, dated",
    [
        ("The mayor marched to the town hall.", False),
        ("Mayhem followed the decision.", False),
        ("Putin visited Kursk on Wednesday.", True),
        ("The offensive began in August 2024.", True),
        ("Prices rose last week.", True),
        ("It happened yesterday.", True),
    ],
)
def test_has_date_matches_whole_words_only(text: str, dated: bool) -> None:
    assert has_date(text) is dated


def test_numbered_lists_from_a_model_lose_their_numbering() -> None:
    assert split_claims("1. First fact [1].\n2. Second fact [2].") == [
        ("First fact.", [1]),
        ("Second fact.", [2]),
    ]
