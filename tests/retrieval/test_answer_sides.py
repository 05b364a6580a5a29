"""Each side of a comparison answered from its own evidence (eighth session): a side's figure may
be in a sentence of its own article that does not name it ("It is in the midst of cutting
12,000 jobs" in the GM report) or that no sentence answers as asked, the thing a comparison
counts ("more jobs") picks the figure,
a comparison whose alternatives are directions ("higher or lower than") has the two sides
before and after them, and a number in a name ("Burnout 3") is not a figure the question gives.

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.questions import plan_question
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_a_side_s_figure_is_read_from_its_own_article_where_the_sentence_does_not_name_it(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Oracle has announced it is cutting about 5,000 jobs following its $10.3bn "
                "takeover of its smaller rival PeopleSoft.\n\nThe cuts will fall mainly in the "
                "US.",
                "Oracle to cut 5,000 jobs",
                "oracle",
            ),
            _article(
                "The fourth-quarter losses at General Motors Europe totalled $345m, up from "
                "$66m a year earlier.\n\nIt is in the midst of cutting 12,000 jobs, one fifth "
                "of the European total, in a bid to cut costs.",
                "GM losses in Europe widen",
                "gm",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("Which is cutting more jobs: Oracle or General Motors in Europe?")
    assert answer.status == "answered", answer.answer
    # GM's side is its figure of jobs, from a sentence that does not name GM, not its losses.
    assert "12,000 jobs" in answer.answer and "5,000 jobs" in answer.answer, answer.answer
    assert "$345m" not in answer.answer, answer.answer


def test_higher_or_lower_than_sets_the_two_sides_not_the_two_directions() -> None:
    plan = plan_question(
        "Is Nigeria's 2008 cocoa target higher or lower than the peak it reached in 1970?"
    )
    assert plan.kind == "comparison"
    assert plan.sub_questions == ["Nigeria's 2008 cocoa target?", "peak it reached in 1970?"]
    # Two directions with no second side ("rise or fall against the dollar") compare nothing.
    assert plan_question("Did the pound rise or fall against the dollar?").kind != "comparison"


def test_an_above_or_below_question_is_answered_with_both_figures_and_which_is_larger(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Advertising giant WPP has reported a rise in annual profits, helped by a "
                "recovery in US advertising.\n\nPre-tax profits rose 15% from a year ago to "
                "reach £546m ($1.04bn), ahead of average analysts' forecasts of £532m.\n\n"
                "Analysts say its research unit could sell for up to £350m.",
                "WPP profits beat forecasts",
                "wpp",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("Did WPP's annual profit come in above or below what analysts expected?")
    assert answer.status == "answered", answer.answer
    assert answer.comparison is not None, answer.answer
    figures = [f.figure for f in answer.comparison.figures]
    assert figures == ["£546m", "£532m"], answer.answer


def test_a_side_no_sentence_answers_as_asked_is_read_from_its_article(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The UN's nuclear watchdog says its computer systems are outdated and need "
                "upgrading.\n\nThe IAEA estimates the total cost of the four-year project to "
                "upgrade its technology will be $40m.\n\nSo far it has only received $11m from "
                "the US and the UK.",
                "Nuclear watchdog needs new computers",
                "iaea",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "How does the money the IAEA has received so far compare with the total cost of "
        "upgrading its computer systems?"
    )
    assert answer.status == "answered", answer.answer
    assert "$11m" in answer.answer and "$40m" in answer.answer, answer.answer
    assert not answer.unanswered, answer.unanswered


def test_a_number_in_a_name_is_not_a_figure_the_question_gives(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "PC first person shooter Half-Life 2 has won six Bafta Awards, including best "
                "game.\n\nBurnout 3 won three awards, for racing, technical direction and best "
                "PlayStation 2 game.\n\nThe sports award went to Konami's Pro Evolution Soccer "
                "4.",
                "Half-Life 2 sweeps Bafta awards",
                "bafta",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("Which won more Bafta games awards, Half-Life 2 or Burnout 3?")
    assert answer.status == "answered", answer.answer
    # Burnout 3's "three awards" is its figure, not a sentence giving another ("Soccer 4").
    assert "Burnout 3 won three awards" in answer.answer, answer.answer
    assert "Konami" not in answer.answer, answer.answer


def test_a_side_named_by_its_names_alone_is_found_in_its_article(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "A former executive at the London offices of Merrill Lynch has lost her £7.5m "
                "($14.6m) sex discrimination case against the US investment bank.\n\nAn "
                "employment tribunal dismissed Stephanie Villalba's allegations of sexual "
                "discrimination.\n\nHer partial victory is likely to cap her compensation to "
                "about £55,000, a tiny fraction of what she asked for.",
                "Merrill Lynch wins sex bias case",
                "merrill",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "How does the compensation Stephanie Villalba is likely to get compare with what she "
        "claimed from Merrill Lynch?"
    )
    assert answer.status == "answered", answer.answer
    assert "£55,000" in answer.answer and "£7.5m" in answer.answer, answer.answer
