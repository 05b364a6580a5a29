"""Key facts of sentences, and which sentences can stand alone in a summary."""

from __future__ import annotations

import pytest

from retrieval.keyfacts import is_heading, leans_on_neighbour, sentence_facts, stands_alone
from retrieval.text import stem


@pytest.mark.parametrize(
    "text",
    [
        'He added, however, that "despite the increased pressure" they would hold the line.',
        "But the court ruled that the government could not sue the firms.",
        "This follows our earlier unjust labeling as a foreign agent.",
        '"It is going to remain on the air," he said.',
    ],
)
def test_a_sentence_that_leans_on_the_one_before_it_does_not_stand_alone(text: str) -> None:
    assert leans_on_neighbour(text)
    assert not stands_alone(text)


@pytest.mark.parametrize(
    "text",
    ["Sign up for our free weekly newsletter", "Subs Not Used", "The Lights Go Out In Europe."],
)
def test_a_sub_heading_is_recognised(text: str) -> None:
    assert is_heading(text)


def test_a_sentence_that_names_its_actors_stands_alone() -> None:
    text = (
        "Russia's forces have retaken 24 settlements in the border region over the last five "
        "days, chief of the general staff Valery Gerasimov told the Kremlin leader."
    )
    assert stands_alone(text)
    facts = sentence_facts(text)
    assert {"num:24", "name:gerasimov", "name:kremlin"} <= facts
    assert f"name:{stem('Russia')}" in facts  # a possessive first word is a name


def test_a_courtesy_title_is_not_a_fact() -> None:
    # "Mr" would make any sentence about any man carry a fact another such sentence shares.
    facts = sentence_facts("Taxes will rise by 5%, Mr Brown told Dr Rowan Williams and Sir Alex.")
    assert facts == {"num:5", *(f"name:{stem(n)}" for n in ("Brown", "Rowan", "Williams", "Alex"))}
