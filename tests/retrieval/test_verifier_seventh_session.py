"""Edits the verifier passed until the seventh session, each caught by a general test: the
comparison nearest a figure decides its direction, 'N times more/less than' compares, a small word
of quantity with a WordNet opposite ('few'/'many'), and the source a claim names must be the
passage's. Sentences written for the tests, and one of development set 7 (p077) whose odd parse only
the figure's own reading catches; the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import _quantities, parse, verify

PASSAGE_AREA = (
    "Some 90,000 visitors are expected at the fair, which stretches over more than two million "
    "square feet of halls."
)
PASSAGE_TIMES = "The film took £5.1m in its first weekend - six times more than its nearest rival."
PASSAGE_QUOTE = (
    '"We are always looking for new ways to help our readers," said Jane Moss, chief executive '
    "of the city library."
)


def test_the_comparison_nearest_the_figure_decides() -> None:
    claim = (
        "Some 90,000 visitors are expected at the fair, which stretches over less than two "
        "million square feet of halls."
    )
    check = verify(claim, PASSAGE_AREA)
    assert check.verdict == "contradicted" and check.kind == "comparison", check
    assert verify(PASSAGE_AREA, PASSAGE_AREA).verdict == "supported"


def test_times_more_and_times_less_differ() -> None:
    # read off the figure itself: the small words' test also catches 'less' for 'more' when the
    # parser hangs both on one word, which it does not always do ('three days - eight times')
    for word, direction in (("less", "less"), ("more", "more")):
        figures = _quantities(parse(PASSAGE_TIMES.replace("more", word)))
        assert [(q.value, q.direction) for q in figures if q.value == 6] == [(6, direction)]
    check = verify(
        "It took £7.2m in three days - eight times less than the number two, Closer.",
        "It took £7.2m in three days - eight times more than the number two, Closer.",
    )
    assert check.verdict == "contradicted" and check.kind == "comparison", check
    assert verify(PASSAGE_TIMES, PASSAGE_TIMES).verdict == "supported"


def test_few_for_many_is_contradicted() -> None:
    check = verify(
        "The council said few complaints had been received.",
        "The council said many complaints had been received.",
    )
    assert check.verdict == "contradicted", check


def test_at_all_only_stresses_a_negation() -> None:
    check = verify(
        "There will be no rise at all for staff on the top grade.",
        "There will be no rise for staff on the top grade.",
    )
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim",
    [
        '"We are always looking for new ways to help our readers," said the culture minister.',
        "New ways to help readers are always being looked for, library analysts said.",
    ],
)
def test_a_source_the_passage_does_not_name_is_not_supported(claim: str) -> None:
    check = verify(claim, PASSAGE_QUOTE)
    assert check.verdict == "not_found" and check.kind == "attribution", check


@pytest.mark.parametrize(
    "claim",
    [
        '"We are always looking for new ways to help our readers," said Jane Moss.',
        "Jane Moss, the city library's chief executive, said: \"We are always looking for new "
        'ways to help our readers."',
        '"We are always looking for new ways to help our readers," she said.',
    ],
)
def test_the_passage_s_own_source_is_supported(claim: str) -> None:
    check = verify(claim, PASSAGE_QUOTE)
    assert check.verdict == "supported", check
