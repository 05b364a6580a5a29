"""Summary key-fact recall: a sentence's first word is not a name for being first."""

from __future__ import annotations

from bench.summary import FactRecall, key_facts

ARTICLE = (
    "Mexicans working in the US sent home a record $16.6bn last year. Analysts said the "
    "money now comes second only to oil. The Bank of Mexico said growth was strong. "
    "Remittances from Mexicans rose 24%."
)


def test_a_sentence_opening_word_is_not_counted_as_a_name() -> None:
    facts = key_facts("The money rose 24%. But growth slowed, the Bank of Mexico said.", ARTICLE)
    assert facts == {"24", "Bank", "Mexico"}


def test_a_name_that_opens_a_sentence_still_counts_when_the_article_capitalises_it_inside_one() -> (
    None
):
    assert "Mexicans" in key_facts("Mexicans sent home $16.6bn.", ARTICLE)


def test_a_summary_does_not_score_for_sharing_the_reference_opening_words() -> None:
    # Reference and summary share only "The" and "However" as sentence openers: no fact carried.
    recall = FactRecall()
    recall.add(
        "The Bank of Mexico said money sent home rose. However, growth slowed.",
        "The figures were strong. However, analysts were wary.",
        ARTICLE,
    )
    assert recall.mean() == 0.0


def test_a_courtesy_title_is_not_a_name() -> None:
    facts = key_facts("Taxes rose after Gordon Brown met Mr Blair, Dr Rowan Williams and Sir Alex.")
    assert facts == {"Gordon", "Brown", "Blair", "Rowan", "Williams", "Alex"}


def test_a_summary_naming_another_man_does_not_score_for_the_reference_mr() -> None:
    # The reference's facts are "Mr Brown" and 5%; the summary names Mr Blair and no figure.
    recall = FactRecall()
    recall.add("Taxes will rise 5%, Mr Brown said.", "Taxes were fair, Mr Blair said.", "")
    assert recall.mean() == 0.0
