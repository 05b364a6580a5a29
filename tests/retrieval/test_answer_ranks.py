""" "Where does X rank" is answered by the order a sentence gives it, however the sentence words
it (eleventh session): "ranked the county third", "is the second-largest lender", not only
"finished third" or "in third place".

Real parts: the slot rules on written sentences.
"""

from __future__ import annotations

from retrieval.slots import asked_slot, slot_strength


def test_an_order_is_read_before_its_ordinal_and_by_a_superlative() -> None:
    question = "Where does Northshire rank among English counties for broadband use?"
    slot = asked_slot(question)
    assert slot is not None and slot.kind == "position"
    for told in (
        "A survey ranked Northshire third among English counties for broadband use.",
        "Northshire is the second-largest user of broadband among English counties.",
        "Northshire finished third in the survey of broadband use.",
    ):
        assert slot_strength(told, question, slot) == 1, told
    # An ordinal that orders nothing by a measure is no rank.
    assert slot_strength("Northshire was the first county to be surveyed.", question, slot) == 0
