"""A comparison's sides read from one article (ninth session): when the sentences found for each
side give no figures of one measure, or give one from an article that does not speak of what
the question sets them in ("In the FCC's figures ..."), the article that gives every side's
figure near its own words (or near a year the side names) answers: "The target is 12 months for
Welsh patients, but just three months in England"; the regulator's cable lines beside its phone
lines, not another country's cable customers; the 2008 target's 600,000 tonnes. And "first"
before a noun ("first-week takings") does not make a comparison one of order.

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_both_sides_of_a_comparison_are_read_from_the_one_sentence_that_gives_them(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "A hospital in Shropshire has dropped plans to stop treating patients from "
                "Powys.\n\nThe waiting time target is 12 months for Welsh patients, but just "
                "three months in England.\n\nThe health board said talks would go on.",
                "Hospital drops Powys plan",
                "powys",
            ),
            _article(
                "Welsh hospitals treated more patients than ever last year, the health "
                "minister said.\n\nSome 30,000 operations were carried out in Cardiff alone.",
                "Record year for Welsh hospitals",
                "cardiff",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "How does the waiting time target for Welsh patients compare with the one in England?"
    )
    assert answer.status == "answered", answer.answer
    assert "12 months" in answer.answer and "three months" in answer.answer, answer.answer
    assert not answer.unanswered, answer.unanswered


def test_a_side_read_in_another_country_s_figures_gives_way_to_the_article_the_question_names(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Broadband keeps growing in the US, the regulator says.\n\nThe FCC said there "
                "were more than 30 million broadband connections by the end of June.\n\n"
                "In the US, cable leads the way, accounting for 18.6 million lines.\n\n"
                "Broadband over the phone line makes up 11.4 million connections, according "
                "to the FCC figures.",
                "Broadband grows in the US",
                "fcc",
            ),
            _article(
                "UK broadband take-up rose sharply last year.\n\nThere are also an estimated "
                "1.7 million cable broadband customers in the UK, the industry body said.",
                "UK broadband rises",
                "uk",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "In the FCC's broadband figures, does cable or the phone line account for more US "
        "connections?"
    )
    assert answer.status == "answered", answer.answer
    assert "18.6 million" in answer.answer and "11.4 million" in answer.answer, answer.answer
    assert "1.7 million" not in answer.answer, answer.answer


def test_a_year_a_side_names_picks_its_figure_and_the_line_says_which_is_larger(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The government of Ghana is hoping to triple cocoa production over the next "
                "three years with a new development programme.\n\nThe minister also announced "
                "that 91m cedi of the funding had been earmarked for cocoa plant nurseries.\n\n"
                "He said the scheme aimed to boost production from an expected 180,000 tonnes "
                "this year to 600,000 tonnes by 2008.\n\nBut with the coming of gold mining, "
                "production began to fall from a peak of about 400,000 tonnes a year in 1970.",
                "Ghana to boost cocoa production",
                "cocoa",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "Is Ghana's 2008 cocoa target higher or lower than the peak it reached around 1970?"
    )
    assert answer.status == "answered", answer.answer
    # The target's figure stands beside the year the side names, not beside its words.
    assert "600,000 tonnes" in answer.answer and "400,000 tonnes" in answer.answer, answer.answer
    assert "91m" not in answer.answer, answer.answer
    assert answer.comparison is not None, answer.answer
    assert [f.figure for f in answer.comparison.figures] == ["600,000 tonnes", "400,000 tonnes"]
    # The line says it as the question asks it: higher, not "larger".
    assert "the higher is Ghana's 2008 cocoa target: 600,000 tonnes" in answer.answer, answer.answer


def test_first_before_a_noun_does_not_make_a_comparison_one_of_order(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Animated film Reef Tale has raked in $80m (£42.4m) in seven days on sale, "
                "becoming the year's best-selling home video so far.\n\nReef Tale is now the "
                "sixth-highest earning US DVD for first-week takings.\n\nThe tally for its "
                "video sales soared past the film's opening week US box office takings of $56m "
                "(£29.7m).",
                "Reef Tale DVD is a best-seller",
                "reef",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "How did Reef Tale's first-week US DVD takings compare with its opening week at the US "
        "box office?"
    )
    assert answer.status == "answered", answer.answer
    assert "$80m" in answer.answer and "$56m" in answer.answer, answer.answer


def test_the_side_an_article_s_title_names_owns_the_figures_of_sentences_naming_no_side(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The Zapbox combined media player, phone and gaming gadget goes on sale on "
                "Saturday.\n\nPriced at £229, the handheld device is debuting in the UK and goes "
                "on sale in the US in the next few weeks.\n\nNintendo's DS handheld went on sale "
                "on 11 March and priced at £99 costs far less than the Zapbox.",
                "Zapbox gadget hits the shelves",
                "zapbox",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("Which is cheaper, the Zapbox or Nintendo's DS?")
    assert answer.status == "answered", answer.answer
    assert answer.comparison is not None, answer.answer
    # The Zapbox's price is in a sentence that names no side, in the article titled with it.
    assert [f.figure for f in answer.comparison.figures] == ["£99", "£229"], answer.answer


def test_a_side_read_as_a_share_gets_its_sum_from_its_own_article_beside_the_other_s_sum(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Island Air, with debts of $560m (£291m), has been hit by high fuel costs.\n\n"
                "The carrier is looking for a buyer.",
                "Island Air seeks a buyer",
                "air",
            ),
            _article(
                "Torino Motors and General Motors (GM) have until midnight to settle a "
                "disagreement over a potential takeover.\n\nThe US firm is thought to be "
                "offering about $2bn (£1.06bn) to extricate itself from the arrangement.\n\n"
                "A plan to raise new money in 2003 cut GM's stake in Torino Motors in half to "
                "10%.",
                "Deadline nears for Torino-GM deal",
                "torino",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "Which was bigger: Island Air's debts or the amount GM is thought to be offering "
        "Torino Motors?"
    )
    assert answer.status == "answered", answer.answer
    assert answer.comparison is not None, answer.answer
    assert [f.figure for f in answer.comparison.figures] == ["$2bn", "$560m"], answer.answer


def test_an_ordinal_or_a_difference_is_not_a_side_s_figure(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "More than 14 million people saw the soap's villain killed off on Friday, "
                "marking Eastway's 20th anniversary, according to unofficial figures.",
                "Eastway villain draws 14 million",
                "soap",
            ),
            _article(
                "An average of 10.9m viewers watched the fourth Jungle Star series' final - "
                "about four million fewer than the previous series.",
                "Jungle Star final audience falls",
                "jungle",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "Which had the bigger audience: the Eastway episode in which the villain was killed "
        "off, or the final of the fourth Jungle Star series?"
    )
    assert answer.status == "answered", answer.answer
    assert answer.comparison is not None, answer.answer
    figures = [f.figure for f in answer.comparison.figures]
    assert figures == ["14 million people", "10.9m viewers"], answer.answer
