"""Who did what to whom, when the parse alone does not line the two sentences up."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        # the doer of the claim is what the passage's doer acts on, through a second verb
        (
            "Mr Jones helped both directors plan the biggest merger in the industry in 2001.",
            "Both directors helped Mr Jones plan the biggest merger in the industry in 2001.",
        ),
        # the same two players, each given the other's deed (the verb is used twice)
        (
            "Novak won the title in Dubai last year while Moya won the doubles in 1999.",
            "Moya won the title in Dubai last year while Novak won the doubles in 1999.",
        ),
        # a purpose clause takes the subject of the verb it hangs off
        (
            "Jackson finished well clear of the world junior champion in Arkansas.",
            "The world junior champion clocked 44.93 seconds to finish well clear of Jackson "
            "in Arkansas.",
        ),
        # the same names, the other one denied
        (
            "The minister insisted it was for judges, and not Parliament, to decide how the "
            "country should be defended.",
            "The minister insisted it was for Parliament, and not judges, to decide how the "
            "country should be defended.",
        ),
        # each figure is there, said of the other union
        (
            "Unite has 800,000 members and the GMB has 1.2 million.",
            "Unite has 1.2 million members and the GMB has 800,000.",
        ),
    ],
)
def test_a_swap_of_roles_the_parse_does_not_line_up_is_contradicted(
    claim: str, passage: str
) -> None:
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == ("contradicted", "role"), check
    assert verify(passage, passage).verdict == "supported"


@pytest.mark.parametrize(
    "claim, passage",
    [
        # a speaker moved to the front, named where the passage says 'the company'
        (
            "Sony has announced that its new handheld console, the PSP, will launch in Europe "
            "on 1 September.",
            "Sony's new handheld console, the PSP, will launch in Europe on 1 September, the "
            "company has announced.",
        ),
        # a speaker moved from the end to the front
        (
            "The BBC has said the Saturday show Passport to Paradise will not return.",
            "The Saturday show Passport to Paradise will not return, the BBC has said.",
        ),
        # the same people, named in another order, with a title and an alias
        (
            "Fatboy Slim, the DJ Norman Cook, has said dance music is not dead.",
            "DJ Norman Cook - aka Fatboy Slim - has said that dance music is not dead.",
        ),
        (
            "Hilary Swank and Jamie Foxx have won the guild awards for best acting.",
            "Jamie Foxx and Hilary Swank have won the guild awards for best acting.",
        ),
        # the two clauses in the other order
        (
            "Moya won the doubles in 1999, while Novak won the title in Dubai last year.",
            "Novak won the title in Dubai last year while Moya won the doubles in 1999.",
        ),
    ],
)
def test_the_same_roles_in_other_words_or_order_are_still_supported(
    claim: str, passage: str
) -> None:
    assert verify(claim, passage).verdict == "supported", verify(claim, passage)
