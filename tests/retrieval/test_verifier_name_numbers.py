"""A number word that is part of a name ('the Six Nations', 'BBC One', 'Formula One') is a
name, not a count: kept where the passage spells the same name, refused where it gives another
number in it. Sentences written for the tests; the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "Following criticism from the Ireland coach, the referee of Sunday's Six Nations "
            "game between Italy and Ireland has defended how the officials handled it.",
            "The referee from Sunday's Italy v Ireland Six Nations match has defended the "
            "officials' handling of the game after criticism by the Ireland coach.",
        ),
        (
            "Named the Six Nations Player of the Tournament, the winger finally arrived.",
            "The winger finally arrived when he was named the Six Nations Player of the "
            "Tournament.",
        ),
        (
            "Because the producers cannot use the footage, the actor will sing Only You on "
            "Friday's BBC One show.",
            "The actor will sing Only You on Friday's BBC One show as the producers are unable "
            "to use the footage.",
        ),
        (  # two names with 'One' in them, parsed as a figure in one text and not the other
            "Since producers cannot use archive footage, the actor who plays Elvis will sing One "
            "Night on Friday's BBC One show.",
            "The actor who plays Elvis will sing One Night on Friday's BBC One show as producers "
            "are unable to use archive footage.",
        ),
    ],
)
def test_a_number_word_of_a_name_both_spell_is_no_figure(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "England lost to Wales in the Five Nations last season.",
            "England lost to Wales in the Six Nations last season.",
        ),
        (
            "The concert will be shown live on BBC Two on Saturday.",
            "The concert will be shown live on BBC One on Saturday.",
        ),
        ("Schumacher won the Formula Two title.", "Schumacher won the Formula One title."),
    ],
)
def test_another_number_in_a_name_is_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check
