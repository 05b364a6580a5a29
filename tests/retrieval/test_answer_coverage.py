"""The answer engine judges what its evidence covers: each part of a question by what that part
asks, the briefing's key points by the summaries' rule of what means something alone.

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from tests.retrieval.written import article
from tests.retrieval.written import service_of as _service_of


def _article(text: str, title: str, article_id: str = "story") -> dict[str, str]:
    return article(text, title, article_id, published="2005-04-03")


def test_a_briefing_never_makes_a_key_point_of_a_quotation_whose_speaker_comes_before_it(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    # The quotation carries the most figures and places of the article, so a picker by key
    # facts alone takes it; said alone, nobody knows who speaks.
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Flooding in the Severn valley forced 300 families from their homes on Monday, "
                "the Environment Agency said.\n\nThe agency's director, Ann Clarke, visited "
                'Tewkesbury in the afternoon.\n\n"We have 40 pumps in Tewkesbury, 25 in '
                'Worcester and 12 in Gloucester, and 1,200 sandbags went out overnight."\n\n'
                "Rail services between Worcester and Hereford were suspended until Wednesday.",
                "Severn floods force families from homes",
            )
        ],
    )
    answer = service.ask("What happened in the Severn valley?")
    assert answer.status == "answered", answer.answer
    assert answer.plan is not None and answer.plan.kind == "briefing"
    assert not any(p.text.startswith('"') for p in answer.points), answer.answer


def test_a_figure_for_another_length_of_time_does_not_answer_the_one_asked(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    # The quarter's profit is not the full year's: the question's period is part of what it
    # asks, as its year is.
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Media group Acme posted a profit of $1.13bn for the three months to December, "
                "up 76% from $639m a year earlier.\n\nThe firm said advertising sales had been "
                "strong.",
                "Ad sales boost Acme profit",
            )
        ],
    )
    answer = service.ask("What profit did Acme post for the full year?")
    assert answer.status == "not_found", answer.answer
    kept = service.ask("What profit did Acme post for the three months to December?")
    assert kept.status == "answered" and "$1.13bn" in kept.answer, kept.answer


def test_where_someone_finished_is_answered_with_a_position_not_a_place(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Allan Scott is confident of a medal at next week's European Indoor "
                "Championships in Madrid.\n\nThe 22-year-old Scot finished fourth in the 60m "
                "hurdles, a solid debut on the international circuit.\n\nThe race was won by "
                "Felipe Vivancos, who equalled the Spanish record.",
                "Scott confident after debut",
            )
        ],
    )
    answer = service.ask("Who won the 60m hurdles and where did Allan Scott finish?")
    assert answer.status == "answered", answer.answer
    assert answer.plan is not None and answer.plan.kind == "multi_part"
    assert not answer.unanswered, answer.answer
    by_part = {p.part: p.text for p in answer.points}
    assert "Vivancos" in by_part[0], answer.answer
    # The sentence of the article that says the question's verb ("finished") and a position
    # answers, though it names him only as "the 22-year-old Scot".
    assert "finished fourth" in by_part[1], answer.answer


def test_a_later_part_that_names_nothing_is_answered_about_what_the_first_part_names(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    # "How much was the deal worth?" alone matches the telecoms deal best; the question is
    # about the oil auction its first part names.
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "State-owned Rosneft bought Yuganskneftegaz at a forced auction in December.",
                "Rosneft wins Yukos unit auction",
                "auction",
            ),
            _article(
                "Rosneft paid $9.4bn in the Yuganskneftegaz deal, enough to cover a tax bill "
                "owed by its parent.",
                "Yukos unit sale covers tax bill",
                "taxbill",
            ),
            _article(
                "The deal was worth $8bn, Qwest said on Wednesday, after MCI rejected its offer.",
                "MCI rejects Qwest deal",
                "telecoms",
            ),
        ],
    )
    answer = service.ask("Who bought Yuganskneftegaz at auction and how much was the deal worth?")
    assert answer.status == "answered", answer.answer
    assert "Rosneft" in answer.answer and "$9.4bn" in answer.answer, answer.answer
    assert "$8bn" not in answer.answer, answer.answer


def test_a_name_the_sentence_rules_out_does_not_answer_who(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Rowling has already revealed that the Half-Blood Prince is neither Harry nor "
                "Voldemort.\n\nThe book is published in July.",
                "Rowling book date set",
            )
        ],
    )
    for question in (
        "Who is revealed to be the Half-Blood Prince in JK Rowling's book?",
        # Close enough to the sentence to be answered without a name, but for the rule.
        "Who is the Half-Blood Prince?",
    ):
        answer = service.ask(question)
        assert answer.status == "not_found", (question, answer.answer)


def test_each_side_of_a_comparison_is_answered_by_a_sentence_giving_its_figure(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    # The sentence closest to "Joss Stone's fortune" names her without a figure (her age
    # aside); the one giving her fortune is further down.
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Producer Judy Craymer is the highest new entry in the music rich list, with a "
                "£67m fortune.\n\nJoss Stone, the 17-year-old soul singer from Devon, was a new "
                "entry in the young music millionaires list.\n\nThe list is published on "
                "Sunday.\n\nTeenage soul singer Joss Stone is a new entry on a list of young "
                "music millionaires with £5m.",
                "Mamma Mia producer enters rich list",
            )
        ],
    )
    answer = service.ask(
        "Whose fortune is bigger on the music rich list: Judy Craymer's or Joss Stone's?"
    )
    assert answer.comparison is not None, answer.answer
    figures = {f.alternative: f.figure for f in answer.comparison.figures}
    assert figures == {"Judy Craymer's": "£67m", "Joss Stone's": "£5m"}, answer.answer


def test_an_earlier_part_is_looked_for_in_the_article_a_later_part_was_answered_from(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    # Retrieving one passage a part (k=1), the first part's own passage is a preview that does
    # not say who won; the report the second part is answered from does.
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Allan Scott is confident of a medal at next week's European Indoor "
                "Championships after a solid debut on the international circuit.\n\nThe "
                "22-year-old Scot finished fourth in the 60m hurdles at the Cagigal meeting.\n\n"
                "The race was won by Felipe Vivancos, who equalled the Spanish record.",
                "Scott confident after debut",
            ),
            _article(
                "Tickets for the 60m hurdles at the Cagigal meeting sold out within hours, "
                "organisers of the meeting said.",
                "Cagigal meeting 60m hurdles preview",
                "preview",
            ),
        ],
    )
    answer = service.ask(
        "Who won the 60m hurdles at the Cagigal meeting and where did Allan Scott finish?", k=1
    )
    assert not answer.unanswered, answer.answer
    by_part = {p.part: p.text for p in answer.points}
    assert "Vivancos" in by_part[0] and "fourth" in by_part[1], answer.answer
    assert [p.part for p in answer.points] == [0, 1]  # the parts in the question's order
