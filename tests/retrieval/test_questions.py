"""The question plan: a question's kind and parts read from its form."""

from __future__ import annotations

from datetime import date

import pytest

from retrieval.questions import comparison_alternatives, plan_question, time_window


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("What happened in Kursk?", "Kursk"),
        ("Summarize the news about Kursk", "Kursk"),
        ("What happened in Kursk this week?", "Kursk"),
        ("Catch me up on the Abba reunion", "Abba reunion"),
        ("What's the latest on Aero India 2005?", "Aero India 2005"),
        ("Tell me about the floods in Valencia", "floods in Valencia"),
    ],
)
def test_an_open_question_is_a_briefing_about_its_subject(question: str, subject: str) -> None:
    plan = plan_question(question)
    assert plan.kind == "briefing"
    assert plan.subject == subject


@pytest.mark.parametrize(
    "question",
    [
        "What did Putin do in Kursk?",
        "How much territory did Russia retake?",
        "Who directed Maria Full of Grace?",
        "Write me a poem about autumn",
    ],
)
def test_a_question_that_asks_for_one_thing_is_a_factoid(question: str) -> None:
    plan = plan_question(question)
    assert plan.kind == "factoid"
    assert plan.sub_questions == []


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "Which fell by a larger percentage: BA's profits or Time Warner's film division "
            "profits?",
            [
                "BA's profits fell by a larger percentage?",
                "Time Warner's film division profits fell by a larger percentage?",
            ],
        ),
        (
            "Which has more Oscar nominations, Million Dollar Baby or The Aviator?",
            [
                "Million Dollar Baby has more Oscar nominations?",
                "The Aviator has more Oscar nominations?",
            ],
        ),
        (
            "Were more laptops or more PDAs left in London cabs?",
            ["Were more laptops left in London cabs?", "Were more PDAs left in London cabs?"],
        ),
        ("Compare the euro and the dollar", ["euro?", "dollar?"]),
        (
            "Were more visitors expected at the Cebit fair or more hijacked computers in the "
            "largest zombie network?",
            [
                "Were more visitors expected at the Cebit fair?",
                "Were more hijacked computers in the largest zombie network?",
            ],
        ),
        (
            "How many subscribers did AOL lose compared with how many members the union balloted?",
            ["How many subscribers did AOL lose?", "How many members the union balloted?"],
        ),
    ],
)
def test_a_comparison_gets_one_sub_question_per_alternative(
    question: str, parts: list[str]
) -> None:
    plan = plan_question(question)
    assert plan.kind == "comparison"
    assert plan.sub_questions == parts


def test_a_two_part_question_is_split_and_its_pronoun_resolved() -> None:
    plan = plan_question("What is Pete Doherty charged with and what curfew was imposed on him?")
    assert plan.kind == "multi_part"
    assert plan.sub_questions == [
        "What is Pete Doherty charged with?",
        "What curfew was imposed on Pete Doherty?",
    ]


def test_lists_and_changes_over_time_are_told_apart() -> None:
    assert plan_question("Which countries send their nuclear waste to Sellafield?").kind == "list"
    assert plan_question("How has the dollar moved against the euro since 2003?").kind == ("change")


def test_this_week_means_the_week_before_the_day_asked() -> None:
    assert time_window("What happened in Kursk this week?", date(2025, 3, 14)) == date(2025, 3, 7)
    assert time_window("What happened in Kursk?", date(2025, 3, 14)) is None


def test_a_second_part_opening_with_a_preposition_is_still_a_part() -> None:
    plan = plan_question(
        "How many Americans started reading blogs in 2004 and by how much did readership grow?"
    )
    assert plan.kind == "multi_part"
    assert plan.sub_questions == [
        "How many Americans started reading blogs in 2004?",
        "By how much did readership grow?",
    ]


def test_a_pronoun_after_a_who_part_stands_for_the_person_asked_for_not_the_subject() -> None:
    # "he" is the manager the first part asks for, not Southampton.
    plan = plan_question("Who is Southampton's new manager and whom does he replace?")
    assert plan.kind == "multi_part"
    assert plan.sub_questions == ["Who is Southampton's new manager?", "Whom does he replace?"]


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "Whose fortune is bigger on the rich list: Judy Craymer's or Joss Stone's?",
            [
                "Judy Craymer's fortune is bigger on the rich list?",
                "Joss Stone's fortune is bigger on the rich list?",
            ],
        ),
        (
            "Which rose more: French spending year on year, or TimeWarner's sales?",
            ["French spending year on year rose more?", "TimeWarner's sales rose more?"],
        ),
        (
            "Who is older, Kevin Spacey or Kate Bosworth?",
            ["Kevin Spacey is older?", "Kate Bosworth is older?"],
        ),
    ],
)
def test_whose_a_comma_before_or_and_older_still_make_one_part_per_side(
    question: str, parts: list[str]
) -> None:
    plan = plan_question(question)
    assert plan.kind == "comparison"
    assert plan.sub_questions == parts


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            # a bare possessive stands for the first side's thing
            "How did the rise in the value of Wales's farmland over the decade compare with "
            "Ireland's, according to the surveyors?",
            [
                "rise in the value of Wales's farmland over the decade, according to the "
                "surveyors?",
                "rise in the value of Ireland's farmland over the decade, according to the "
                "surveyors?",
            ],
        ),
        (
            "How did Acme's annual profit compare with Bolt's?",
            ["Acme's annual profit?", "Bolt's annual profit?"],
        ),
        (
            # what comes before "how" sets both sides
            "In the council's survey, how does the share who walk compare with the share who "
            "cycle?",
            [
                "In the council's survey: share who walk?",
                "In the council's survey: share who cycle?",
            ],
        ),
        (
            # the "and" inside the first side is not the comparison's
            "How did the price of fibre from Acme and Bolt compare with the cheapest offers?",
            ["price of fibre from Acme and Bolt?", "cheapest offers?"],
        ),
        (
            # a phrase that only ends the first side's clause takes its start
            "Did ticket sales fall more after the price rise in Leeds or in York?",
            [
                "Did ticket sales fall more after the price rise in Leeds?",
                "Did ticket sales fall more after the price rise in York?",
            ],
        ),
        (
            "Which grew faster in 2004, sales of diesel cars or of hybrids?",
            ["sales of diesel cars grew faster in 2004?", "sales of hybrids grew faster in 2004?"],
        ),
        (
            "In the poll, did more people want him to resign or to stay on?",
            [
                "In the poll: did more people want him to resign?",
                "In the poll: did more people want him to stay on?",
            ],
        ),
        (
            "Are there more bus passengers or car drivers in the city?",
            ["Are there more bus passengers in the city?", "Are there car drivers in the city?"],
        ),
    ],
)
def test_a_later_side_is_completed_from_the_first(question: str, parts: list[str]) -> None:
    plan = plan_question(question)
    assert plan.kind == "comparison"
    assert plan.sub_questions == parts


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "At the awards in Rome, what did Acme Band win compared with Zed Smith?",
            [
                "At the awards in Rome, what did Acme Band win?",
                "At the awards in Rome, what did Zed Smith win?",
            ],
        ),
        (
            "How did Acme shares react to the merger compared with Bolt shares after the recall?",
            ["How did Acme shares react to the merger?", "Bolt shares after the recall?"],
        ),
        (
            "How do the Greens' plans on rail fares differ from Labour's?",
            ["Greens' plans on rail fares?", "Labour's plans on rail fares?"],
        ),
        (
            "How much were Acme Air and Bolt Rail each looking to raise from their flotations?",
            [
                "How much were Acme Air looking to raise from their flotations?",
                "How much were Bolt Rail looking to raise from their flotations?",
            ],
        ),
        (
            "In Paris, which of the seeds needed three sets, Ann Lee or Bea Cole?",
            [
                "Ann Lee: In Paris, which of the seeds needed three sets?",
                "Bea Cole: In Paris, which of the seeds needed three sets?",
            ],
        ),
    ],
)
def test_one_question_asked_of_two_things_is_a_comparison(question: str, parts: list[str]) -> None:
    plan = plan_question(question)
    assert plan.kind == "comparison"
    assert plan.sub_questions == parts


@pytest.mark.parametrize(
    "question",
    [
        "How has the price of gas changed, compared with last year?",
        "How many people voted, compared with 2001?",
        "How has the price Acme pays for gas changed, compared with its 2004 contract?",
    ],
)
def test_compared_with_an_earlier_time_is_no_comparison_of_two_things(question: str) -> None:
    assert plan_question(question).kind != "comparison"


def test_compared_with_nothing_is_planned_without_a_crash() -> None:
    # "compared with" followed by no side (a stray comma): no second side to ask of.
    assert plan_question("What did OutKast win compared with ,?").kind != "comparison"


def test_a_completed_side_keeps_the_words_that_tell_it_apart() -> None:
    """The part is asked whole; the side stays as the question words it, so the words telling
    the two sides apart ("in January 2004") are the ones a figure is read beside."""
    question = "Which was higher, UK card lending in January 2005 or in January 2004?"
    assert plan_question(question).sub_questions == [
        "UK card lending in January 2005 was higher?",
        "UK card lending in January 2004 was higher?",
    ]
    assert comparison_alternatives(question) == [
        "UK card lending in January 2005",
        "in January 2004",
    ]


def test_a_part_that_asks_whose_is_a_part_of_its_own() -> None:
    plan = plan_question("How much does the Zapphone cost, and whose network provides its calls?")
    assert plan.kind == "multi_part"
    assert plan.sub_questions == [
        "How much does the Zapphone cost?",
        "Whose network provides Zapphone's calls?",
    ]


# Fifteenth session: "until" begins a part as "by" or "from" does; "they" after a first part
# that asks for several things is those things, not the first part's name.
def test_a_part_beginning_with_until_is_a_part_of_its_own() -> None:
    plan = plan_question(
        "Who is the director of the Leeds Film Festival, and until what date does the festival run?"
    )
    assert plan.kind == "multi_part"
    assert plan.sub_questions == [
        "Who is the director of the Leeds Film Festival?",
        "Until what date does the festival run?",
    ]


def test_they_after_a_part_asking_for_several_things_is_not_the_first_part_s_name() -> None:
    plan = plan_question("Which Old Firm players were suspended and what were they punished for?")
    assert plan.sub_questions[1] == "What were they punished for?"
    # A first part that asks one thing still gives its name to a later pronoun.
    plan = plan_question("Why did Nestle's sales fall and by how much will it raise its dividend?")
    assert plan.sub_questions[1] == "By how much will Nestle raise its dividend?"
