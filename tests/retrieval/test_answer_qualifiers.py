"""A sentence answers only with the question's own qualifiers (twelfth session): a figure told
under a modal or as an aim ("can win 27 new seats", "the goal is to ship 5 million") does not
say what happened.

Real parts: spaCy's parse.
"""

from __future__ import annotations

from retrieval.answer import gives_only_as_aim


def test_a_figure_under_a_modal_or_told_as_an_aim_is_not_what_happened() -> None:
    seats = "How many seats did the Liberals win in the general election?"
    assert gives_only_as_aim("The party says students can win it 27 new seats at the poll.", seats)
    assert gives_only_as_aim("The Liberals will take 12 seats from the Tories.", seats)
    assert not gives_only_as_aim("The Liberals won 13 seats at the election.", seats)
    consoles = "How many DS consoles were sold in Europe in the first week?"
    assert gives_only_as_aim("Nintendo's goal is to ship 5 million of its DS consoles.", consoles)
    assert not gives_only_as_aim("Nintendo shipped 5 million of its DS consoles.", consoles)
    # A question that asks a possibility itself is answered by one.
    assert not gives_only_as_aim(
        "The WTO has warned that as many as 27 million jobs could be lost.",
        "How many textile jobs did the WTO warn could be lost?",
    )
    # A modal further up, over a verb of something done, does not make the figure an aim.
    assert not gives_only_as_aim(
        "Officials said they would appeal after the firm sold 400 cars in Europe.",
        "How many cars did the firm sell in Europe?",
    )
