"""What a figure question asks is a figure the question does not already give (fifteenth
session): "Britain is to give a £4m grant to help survivors" does not say how many survivors
the £4m grant has treated; "for Channel 4" does not say how many viewers watched. And a figure
that looks like a year is still a figure when the news does not write it as one: "19.9 million
units", "a congregation of 2,000", "20.1% of Japan's trade".

Real parts: MiniLM and an embedded Chroma store built from written articles.
"""

from __future__ import annotations

from retrieval.grounding import quantities_in
from retrieval.slots import asked_slot, holds_slot


def test_a_year_is_four_plain_digits_and_other_numbers_are_quantities() -> None:
    assert quantities_in("Since its launch, Microsoft has sold 19.9 million units.") == {"19.9"}
    assert quantities_in("He will tell the congregation of 2,000 at the cathedral.") == {"2000"}
    assert quantities_in("China accounted for 20.1% of Japan's trade in 2004.") == {"20.1"}
    assert quantities_in("Profits rose in 2004 and 1999.") == set()


def test_a_count_written_like_a_year_fills_a_how_many_question() -> None:
    question = "How many units of its Zephyr console has Norland sold worldwide?"
    slot = asked_slot(question)
    assert holds_slot("Norland has sold 19.9 million Zephyr units worldwide.", question, slot)
