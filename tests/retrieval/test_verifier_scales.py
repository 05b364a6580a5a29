"""Ordered scales (fourteenth session): a claim that puts another step of a placing, a stage, a
quantifier or an order in the passage's place is not supported. Sentences written for the tests
(none is a sentence of a bench set); the real parser."""

from __future__ import annotations

import pytest

from retrieval import scales
from retrieval.verifier import parse, verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        # placings said by another noun
        (
            "The Dutch rower took the silver medal in the single sculls.",
            "The Dutch rower took the gold medal in the single sculls.",
        ),
        (
            "Kenya's relay team won bronze at the world championships in Paris.",
            "Kenya's relay team won silver at the world championships in Paris.",
        ),
        (
            "The club reached the final of the FA Cup for the first time.",
            "The club reached the semi-final of the FA Cup for the first time.",
        ),
        (  # the small parser does not make 'semi' a compound of 'finals' (was an entity test)
            "Arsenal cruised into the FA Cup semi-finals with a win at Blackburn.",
            "Arsenal cruised into the FA Cup quarter-finals with a win at Blackburn.",
        ),
        (
            "The band was named runner-up in the BBC's Sound of 2005 poll.",
            "The band was named winner of the BBC's Sound of 2005 poll.",
        ),
        (
            "Porto ended the season as champions of the Portuguese league.",
            "Porto ended the season as runners-up in the Portuguese league.",
        ),
        # quantifiers
        (
            "Most of the firm's 40 shops will close by the end of March.",
            "Some of the firm's 40 shops will close by the end of March.",
        ),
        (
            "Such attacks on computer networks are common, the report said.",
            "Such attacks on computer networks are rare, the report said.",
        ),
        (
            "The inquiry found many errors in the council's accounts.",
            "The inquiry found few errors in the council's accounts.",
        ),
        # order and precedence, against the same thing
        (
            "The film is a prequel to the 2001 hit Ocean's Eleven.",
            "The film is a sequel to the 2001 hit Ocean's Eleven.",
        ),
        (
            "The Labour candidate is ahead of his Tory rival in the polls.",
            "The Labour candidate is behind his Tory rival in the polls.",
        ),
        (
            "Sales of the console fell short of the company's forecasts.",
            "Sales of the console went beyond the company's forecasts.",
        ),
        (
            "The singer finished ahead of Daniel Bedingfield in the vote.",
            "The singer finished after Daniel Bedingfield in the vote.",
        ),
    ],
)
def test_another_step_of_a_scale_is_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check


def test_more_of_a_quantifier_is_not_found_and_its_opposite_contradicted() -> None:
    """'most' for 'some' says more than the passage, 'few' for 'many' the opposite."""
    more = verify(
        "Most of the firm's 40 shops will close by the end of March.",
        "Some of the firm's 40 shops will close by the end of March.",
    )
    assert (more.verdict, more.kind) == ("not_found", "comparison"), more
    other = verify(
        "The inquiry found few errors in the council's accounts.",
        "The inquiry found many errors in the council's accounts.",
    )
    assert other.verdict == "contradicted", other


@pytest.mark.parametrize(
    "claim, passage",
    [
        # the same step in other words
        (
            "The majority of the airline's pilots voted for the strike.",
            "Most of the airline's pilots voted for the strike.",
        ),
        (
            "Kenya's relay team took bronze at the world championships in Paris.",
            "Kenya's relay team won bronze at the world championships in Paris.",
        ),
        # 'some' is weaker than 'many', not the other way
        (
            "Some voters said they had not decided whom to back.",
            "Many voters said they had not decided whom to back.",
        ),
        # a step the passage says too, under the same words: no step changed
        (
            "Johnson quit Test rugby in 2004, two months after leading England to victory.",
            "Johnson quit Test rugby in 2004, just two months after leading England to victory.",
        ),
        # 'A before B' tells what 'B after A' tells: only the same object counts
        (
            "The report was published after the minister resigned.",
            "The minister resigned before the report was published.",
        ),
        # a name, a day, a figure and a degree are no steps
        (
            "Chelsea beat Porto in the Champions League on Tuesday to top their group.",
            "Chelsea beat Porto in the Champions League on Tuesday to finish top of their group.",
        ),
        (
            "Some 200 new jobs will be created at the plant in Oxford.",
            "About 200 new jobs will be created at the plant in Oxford.",
        ),
    ],
)
def test_the_same_step_stays_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "sentence, word, expected",
    [
        ("He lost in the quarter-finals in Rome.", "finals", ("stage", 3)),
        ("He lost in the semi-final in Rome.", "final", ("stage", 2)),
        ("He lost in the final in Rome.", "final", ("stage", 1)),
        ("He lost on the final day in Rome.", "final", None),
        ("They finished as runners-up in Rome.", "runners", ("finish", 2)),
        ("They play in the Champions League.", "Champions", None),
        ("Not many analysts expect a rise.", "many", ("quantifier", 1)),
        ("Quite a few analysts expect a rise.", "few", ("quantifier", 3)),
        ("It is the most powerful machine.", "most", None),
        ("It did not help at all.", "all", None),
        ("Some 200 jobs will go.", "Some", None),
        ("Arsenal overtook Chelsea.", "overtook", ("precedence", 1)),
        ("The campaign trail is long.", "trail", None),
    ],
)
def test_readings(sentence: str, word: str, expected: tuple[str, int] | None) -> None:
    doc = parse(sentence)
    tok = next(t for t in doc if t.text == word)
    assert scales.reading(tok) == expected


def test_quantifier_conflicts() -> None:
    assert scales.conflict("quantifier", 4, 2)  # 'most' for 'some'
    assert scales.conflict("quantifier", 1, 3)  # 'few' for 'many'
    assert not scales.conflict("quantifier", 2, 3)  # 'some' for 'many'
    assert scales.conflict("medal", 1, 2)


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "Shares in the bank closed 10% lower than a year ago, but down on their 2004 peak.",
            "Shares in the bank closed 10% higher than a year ago, but down on their 2004 peak.",
        ),
        (
            "Ticket sales were 5% higher than last season, though down on the club's forecast.",
            "Ticket sales were 5% lower than last season, though down on the club's forecast.",
        ),
    ],
)
def test_an_opposite_is_not_hidden_by_a_synonym_the_claim_says_too(
    claim: str, passage: str
) -> None:
    """'down' is a synonym of 'lower' standing in the passage, but the claim says 'down' in
    the same words elsewhere: it does not stand for 'lower'."""
    assert verify(claim, passage).verdict == "contradicted"


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "The Kenyan is the third star runner to pull out of the marathon.",
            "The Kenyan is the first star runner to pull out of the marathon.",
        ),
        (
            "The striker is the third star player to leave the club this month.",
            "The striker is the first star player to leave the club this month.",
        ),
        (
            "He is the third team captain to be banned this season.",
            "He is the first team captain to be banned this season.",
        ),
    ],
)
def test_an_ordinal_hung_off_a_compound_counts_the_same_thing(claim: str, passage: str) -> None:
    """'the third star runner' / 'the first star runner': the parser hangs one ordinal off
    'star' and the other off 'runner'; both count runners."""
    assert verify(claim, passage).verdict == "contradicted"


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "Most of the club's 12 signings came from abroad.",
            "The club made 12 signings, four of which came from abroad.",
        ),
        (
            "All six judges ruled in the government's favour.",
            "Four of the six judges ruled in the government's favour.",
        ),
        (
            "Only a minority of the 200 staff voted to strike.",
            "Three quarters of the 200 staff voted to strike.",
        ),
        (
            "Most of the region's 50 schools were shut by the snow.",
            "Some 20% of the region's 50 schools were shut by the snow.",
        ),
    ],
)
def test_a_quantifier_must_fit_the_share_the_passage_counts(claim: str, passage: str) -> None:
    assert verify(claim, passage).verdict != "supported"


@pytest.mark.parametrize(
    "claim, passage",
    [
        (
            "Most of the club's 12 signings came from abroad.",
            "The club made 12 signings, nine of which came from abroad.",
        ),
        # 'all' inside the whole a share is of: no quantifier put on the share
        (
            "Just 4% of all the cars sold in Britain run on diesel.",
            "Of all the cars sold in Britain, just 4% run on diesel.",
        ),
    ],
)
def test_a_quantifier_that_fits_the_share_stays_supported(claim: str, passage: str) -> None:
    assert verify(claim, passage).verdict == "supported"


def test_shares() -> None:
    got = scales.shares(parse("The club made 12 signings, four of which came from abroad."))
    assert [(round(s, 2), w.text) for s, w, _ in got] == [(0.33, "signings")]
    got = scales.shares(parse("Two-thirds of the 60 MPs backed it."))
    assert [(round(s, 2), w.text) for s, w, _ in got] == [(0.67, "MPs")]
    assert scales.share_fits(4, 0.6) and not scales.share_fits(4, 0.5)


@pytest.mark.parametrize(
    "claim, passage",
    [
        # 'champions' before a name is a title, not the place the sentence gives
        (
            "United finished the season as runners-up behind Arsenal.",
            "United ended the season second, behind champions Arsenal.",
        ),
        # 'every one of the 20' is all of them, not one twentieth
        (
            "Every one of the 20 clubs backed the plan.",
            "All 20 clubs backed the plan.",
        ),
    ],
)
def test_a_title_or_every_one_is_no_other_step(claim: str, passage: str) -> None:
    assert verify(claim, passage).verdict == "supported"


def test_a_name_is_no_quantifier_or_medal() -> None:
    assert scales.reading(parse("The All Blacks won.")[1]) is None
    doc = parse("Winners Arsenal face Chelsea.")
    assert scales.reading(doc[0]) is None


@pytest.mark.parametrize(
    "claim, passage",
    [
        # 'trail' / 'lead' between two names, which the parser reads as a noun
        (
            "Arsenal trail Chelsea by two points after the draw.",
            "Arsenal lead Chelsea by two points after the draw.",
        ),
        (
            "Everton moved ahead of Liverpool in the table on Sunday.",
            "Everton trail Liverpool in the table on Sunday.",
        ),
        (
            "Labour leads the Tories by three points in the latest poll.",
            "Labour trails the Tories by three points in the latest poll.",
        ),
    ],
)
def test_leading_and_trailing_are_two_steps(claim: str, passage: str) -> None:
    assert verify(claim, passage).verdict != "supported"


def test_trailing_said_as_behind_stays_supported() -> None:
    check = verify(
        "Arsenal are two points behind Chelsea after the draw.",
        "Arsenal trail Chelsea by two points after the draw.",
    )
    assert check.verdict == "supported", check


# The integrator's review of the scales (fourteenth session): words of a scale in another sense.
@pytest.mark.parametrize(
    "claim, passage",
    [
        # 'a few' is some, not few
        ("A few of the shops closed.", "Some of the shops closed."),
        ("A few of the players were injured.", "Several of the players were injured."),
        # 'final' as a predicate adjective is settled, no stage of a contest
        ("The ruling is final.", "The ruling was made before the semi-final."),
    ],
)
def test_a_scale_word_in_another_sense_is_no_step(claim: str, passage: str) -> None:
    assert verify(claim, passage).verdict != "contradicted"


@pytest.mark.parametrize(
    "claim, passage",
    [
        ("Few of the shops closed.", "Most of the shops closed."),
        ("Arsenal reached the final.", "Arsenal reached the semi-final."),
    ],
)
def test_the_scale_steps_still_stand_beside_them(claim: str, passage: str) -> None:
    assert verify(claim, passage).verdict != "supported"
