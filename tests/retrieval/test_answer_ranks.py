""" "Where does X rank" is answered by the order a sentence gives it, however the sentence words
it (eleventh session): "ranked the county third", "is the second-largest lender", not only
"finished third" or "in third place". And "what was the score" by a score ("3-1", "6-3 6-4"),
not by any figure or date of the match.

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
    # "rates" and "places" are nouns more often than verbs: no order is told here.
    for untold in (
        "Northshire's broadband rates for the second quarter rose.",
        "Northshire places a second order for broadband lines.",
    ):
        assert slot_strength(untold, question, slot) == 0, untold


def test_a_match_s_score_is_asked_by_the_noun_and_told_by_two_figures_joined() -> None:
    question = "What was the score in Northshire's cup tie against Southport?"
    slot = asked_slot(question)
    assert slot is not None and slot.score
    assert slot_strength("Northshire beat Southport 3-1 in the cup tie.", question, slot) == 1
    assert slot_strength("Northshire won 6-3 6-4 on Sunday.", question, slot) == 1
    # A score at the end of the sentence, before its full stop.
    assert slot_strength("Northshire beat Southport 3-1.", question, slot) == 1
    # A date, a season's years or another figure is no score.
    for told in (
        "The cup tie against Southport is on 25 June.",
        "Northshire's 2004-05 season ended with the cup tie against Southport.",
        "Some 12,000 fans watched Northshire's cup tie against Southport.",
        "Ticket prices for the cup tie against Southport rose 10-15%.",
        # an age range, a range of days beside its month
        "Fans aged 18-24 bought half the tickets for the cup tie against Southport.",
        "Fans 18-24 years old bought half the tickets for the cup tie against Southport.",
        "The cup tie against Southport is on 3-4 March.",
        "The cup tie against Southport is on March 3-4.",
    ):
        assert slot_strength(told, question, slot) == 0, told
    # "How many goals did she score" counts goals: the verb, not the noun.
    counted = asked_slot("How many goals did Ann Hill score for Northshire?")
    assert counted is not None and not counted.score
    # "What did Hill score": the verb after its helper, no match score asked.
    scored = asked_slot("What did Hill score against Southport?")
    assert scored is None or not scored.score
