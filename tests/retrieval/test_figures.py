"""Figures read as values, and a comparison worked out from the cited figures."""

from __future__ import annotations

from retrieval.figures import compare, figures_in, relation_asked


def test_figures_keep_currency_scale_percentage_and_span_and_leave_out_years_and_days() -> None:
    read = figures_in(
        "Profits jumped 76% to $1.13bn (£600m) in the three months to 10 November 2004, "
        "and he was jailed for 14 years."
    )
    assert [(f.text, f.value, f.unit) for f in read] == [
        ("76%", 76.0, "%"),
        ("$1.13bn", 1.13e9, "$"),
        ("£600m", 6e8, "£"),
        ("three months", 3.0, "month"),
        ("14 years", 14.0, "year"),
    ]


def test_the_side_asked_for_is_the_larger_or_the_smaller_as_the_question_says() -> None:
    sentence = "SMFG shares climbed by 2.7% to 717,000, and Daiwa added 5.3% to 740 yen."
    assert relation_asked("Which jumped more, Daiwa's shares or SMFG's?") == "more"
    larger = compare([sentence], [["daiwa"], ["smfg"]], "more")
    assert larger is not None
    pick, figures = larger
    assert pick == 0 and [f.text for _, f in figures] == ["5.3%", "2.7%"]
    assert relation_asked("Which fell less, A or B?") == "less"
    smaller = compare([sentence], [["daiwa"], ["smfg"]], "less")
    assert smaller is not None and smaller[0] == 1


def test_a_figure_the_question_gives_is_not_a_sides_figure() -> None:
    # "the 18 to 21 year olds": 18 and 21 name the side; its figure is the 300 hired.
    sentence = "Of the 18 to 21 year olds, 300 were hired, and 500 adults were hired."
    found = compare([sentence], [["adult"], ["year", "olds"]], "more", given={18.0, 21.0})
    assert found is not None
    pick, figures = found
    assert pick == 0 and [f.text for _, f in figures] == ["500 adults", "300"]


def test_sides_without_a_figure_in_a_shared_unit_are_not_compared() -> None:
    assert (
        compare(
            ["It cost $7m to make.", "Sales rose 5% in January."], [["cost"], ["sales"]], "more"
        )
        is None
    )


def test_a_side_s_figure_is_the_one_of_its_own_clause() -> None:
    """ "Some 47% want no change, while 7% want a vote": the 7% is nearer "change" by characters
    but stands in the next clause."""
    found = compare(
        [
            "Only 40% think the council should build the new bridge as planned.",
            "Some 47% believe it should make no change, while 7% think it should hold a vote.",
        ],
        [["build", "bridge"], ["change"]],
        "more",
    )
    assert found is not None
    pick, chosen = found
    assert [f.text for _, f in chosen] == ["40%", "47%"]
    assert pick == 1
