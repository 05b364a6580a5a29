"""Key facts of sentences, and which sentences can stand alone in a summary."""

from __future__ import annotations

import pytest

from retrieval.keyfacts import (
    demonstrative_unnamed,
    is_heading,
    is_quote_fragment,
    it_unnamed,
    leans_on_neighbour,
    pronoun_unnamed,
    sentence_facts,
    stands_alone,
    without_opening_heading,
)
from retrieval.text import stem


@pytest.mark.parametrize(
    "text",
    [
        'He added, however, that "despite the increased pressure" they would hold the line.',
        "But the court ruled that the government could not sue the firms.",
        "This follows our earlier unjust labeling as a foreign agent.",
        '"It is going to remain on the air," he said.',
        # A contraction does not hide the word that leans back.
        "That's why the report recommends that the targets be narrowed down to 14.",
        "It's the first time the bank has cut rates since 2001.",
        "They're expected to announce 2,000 job cuts on Monday.",
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


@pytest.mark.parametrize(
    "text",
    [
        "Among the charges he faces are conspiracy to commit fraud and money laundering.",
        "Prosecutors said he was motivated by wealth, spending about $200m in six years.",
        "One of the first songs he wrote for other artists was Wolverton Mountain.",
        "Two years later he played Hunter S Thompson in Terry Gilliam's adaptation.",
        "In the drugs case, she was sentenced to 18 months probation.",
        "In 1997 and 2001 they voted Labour.",
        '"Nobody thought he would win so easily," said the coach, Jim Brown.',
    ],
)
def test_a_pronoun_the_sentence_never_names_needs_the_sentence_before(text: str) -> None:
    # Each opens with a word that does not lean back, so the first-word rule lets it through.
    assert stands_alone(text)
    assert pronoun_unnamed(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rowling revealed she had completed the novel on Tuesday.",
        "The judge said that she may conduct hearings in January.",
        "The 47-year-old, whose credits include his Oscar-winning performance, will be honoured.",
        "The pop star cancelled her Onyx Hotel tour last June after a knee injury.",
        "Shares in the firm rose 4% after it cut costs.",
        "Underground staff have warned they will continue with the protests.",
    ],
)
def test_a_pronoun_after_the_sentence_names_its_person_is_fine(text: str) -> None:
    assert not pronoun_unnamed(text)


@pytest.mark.parametrize(
    ("text", "unnamed"),
    [
        ("With their self-titled debut, Franz Ferdinand have won critical acclaim.", False),
        ("After opening her career in the theatre, Bening had a low-key spell in TV.", False),
        ("More than 40 years after its release, his 1962 album is still a classic.", True),
    ],
)
def test_a_pronoun_may_point_ahead_to_the_subject_but_not_from_inside_it(
    text: str, unnamed: bool
) -> None:
    assert pronoun_unnamed(text) is unnamed


@pytest.mark.parametrize(
    "text",
    [
        "Even the International Monetary Fund (IMF) admits this.",
        "Aside from these two films, some potentially contentious pictures have won nominations.",
        "Palaniappan Chidambaram argued that these organisations need to change.",
        "The SEC has already delayed implementation of this clause for smaller firms.",
        "Some of those devices will sport huge hard drives.",
        '"I look forward to continuing to work with Paul on this vital agenda."',
    ],
)
def test_this_these_or_those_pointing_back_needs_the_sentence_before(text: str) -> None:
    # Each opens with a word that does not lean back, so the first-word rule lets it through.
    assert stands_alone(text)
    assert demonstrative_unnamed(text)


@pytest.mark.parametrize(
    "text",
    [
        "The economy is set to grow about 8% this year after 9% growth last year.",
        "Online registration for the first stop opens this weekend.",
        "Ministers will meet the unions this Friday in London.",
        "The situation is bad for those who had chosen to save in Argentina, Carlos Silva said.",
        "Only one-quarter of those affected by the floods had insurance, estimates show.",
        "Exports rose 5% at those firms that sell mainly to China, the survey found.",
        "Shares in Heineken rose 2% to 24.50 euros in Amsterdam on Monday.",
    ],
)
def test_a_time_or_a_phrase_the_sentence_goes_on_to_say_does_not_point_back(text: str) -> None:
    assert not demonstrative_unnamed(text)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # Closes a quotation an earlier sentence opened: alone, it reads as a claim of fact.
        ("Sky does not believe that the episodes it has reviewed breach Ofcom's code.\"", True),
        ('If anything, the choice is even wider than last time," said Madeley.', True),
        # Opens one whose speaker comes in a later sentence.
        ('"You are a talent beyond compare.', True),
        ("“Tough choices are needed in public spending.", True),
        # Names the speaker, then opens the quotation: whole.
        (
            "Munich Re, the world's biggest reinsurer, said: \"This is primarily a human tragedy.",
            False,
        ),
        (
            "The UN's Jan Egeland said that \"this may be the worst disaster in recent history.",
            False,
        ),
        ('"We are committed to Australia," chief executive Geoff Dixon said.', False),
    ],
)
def test_part_of_a_quotation_that_runs_over_several_sentences_is_a_fragment(
    text: str, fragment: bool
) -> None:
    assert is_quote_fragment(text) is fragment


def test_a_sub_heading_glued_to_a_sentence_start_is_left_out() -> None:
    # The BBC set glues a feature's sub-headings to the next sentence's start.
    assert (
        without_opening_heading(
            "HOW IT ALL STARTED The first Academy Awards were handed out in 1929 at a dinner."
        )
        == "The first Academy Awards were handed out in 1929 at a dinner."
    )
    assert (
        without_opening_heading("THE SHOW ALWAYS GOES ON Not even war has halted the event.")
        == "Not even war has halted the event."
    )
    assert (
        without_opening_heading("CONTROVERSIES AND OTHER GAFFES Three people refused Oscars.")
        == "Three people refused Oscars."
    )


def test_capitals_that_name_something_are_not_a_heading() -> None:
    for text in (
        "US GDP grew by 3.8% in the last three months of 2004.",
        "BBC Radio 4 said the interview would be broadcast on Monday.",
        "A US Senate committee has called Mr Ebbers to give evidence.",
        "UK IT Minister Lord Sainsbury opened the centre.",
    ):
        assert without_opening_heading(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Last year, it released a major security update for Windows, Service Pack 2.",
        "In September it was named album of the year, winning the Mercury Music Prize.",
        "By 2010, it expects to nearly double sales to 400,000 cars.",
        "A month later it gained a council seat in a by-election in Tower Hamlets.",
        "In its bankruptcy petition it listed its biggest creditor as Kraft Foods.",
    ],
)
def test_it_standing_for_something_the_sentence_does_not_name_needs_the_one_before(
    text: str,
) -> None:
    assert it_unnamed(text)


@pytest.mark.parametrize(
    "text",
    [
        # a noun before it names what "it" stands for
        "Time Warner said on Friday that it now owns 8% of search-engine Google.",
        # an opening phrase points ahead to the sentence's subject
        "During its 24-year history, the Sundance Film Festival has showcased Reservoir Dogs.",
        "Before its collapse, the firm was the seventh biggest public US company by revenue.",
        # "it" before a clause stands for nothing
        "On Monday it emerged that the firm had lost $2bn in the last quarter.",
        "This week it was likely that the Bank would hold rates at 4.75%.",
        "Last week it was reported that the deal is worth £1bn.",
    ],
)
def test_it_named_pointing_ahead_or_standing_for_nothing_is_not_unnamed(text: str) -> None:
    assert not it_unnamed(text)
