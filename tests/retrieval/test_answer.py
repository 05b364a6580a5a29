"""The answer engine end to end on real parts: MiniLM, embedded Chroma, the local model."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from retrieval.models import Answer, ConversationTurn
from retrieval.settings import EngineSettings
from tests.retrieval.written import service_of as _service_of

RUSSIA = "How much territory did Russia retake?"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, embedder, seed_path: Path):  # type: ignore[no-untyped-def]
    """An extractive service over a store holding the seed article (built once)."""
    from bot.app import build_service

    settings = EngineSettings(store_dir=tmp_path_factory.mktemp("seeded"), chat_model="extractive")
    service = build_service(settings, embedder=embedder)
    report = service.ingest([str(seed_path.parent)])
    assert report.added == 1
    return service


def assert_grounded(answer: Answer, service) -> None:  # type: ignore[no-untyped-def]
    """Every marker names a citation, every citation is used, every quote is verbatim."""
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    numbers = {c.n for c in answer.citations}
    if answer.status == "answered":
        assert markers, answer.answer
        assert markers == numbers
    for citation in answer.citations:
        stored = service.show(citation.article_id)
        assert citation.quote in stored.text
        span = next(s for s in stored.chunks if s.chunk_id == citation.chunk_id)
        assert citation.quote in stored.text[span.start : span.end]


def test_the_sample_question_is_answered_with_the_1100_square_kilometre_passage(seeded) -> None:  # type: ignore[no-untyped-def]
    answer = seeded.ask(RUSSIA)
    assert answer.status == "answered"
    assert "1,100 square kilometers" in answer.answer
    quotes = [c.quote for c in answer.citations]
    assert any("about 1,100 square kilometers (425 square miles)" in q for q in quotes)
    assert all(
        c.source == "The Moscow Times" and c.published == date(2025, 3, 12)
        for c in answer.citations
    )
    assert answer.answer.startswith("As of 12 March 2025: ")
    assert_grounded(answer, seeded)


@pytest.mark.parametrize(
    "question",
    [
        "What did the Bank of Japan decide about interest rates?",
        "Write me a poem about autumn",
        "Who won the 2006 football World Cup?",
    ],
)
def test_questions_the_articles_do_not_answer_get_not_found(seeded, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = seeded.ask(question)
    assert answer.status == "not_found"
    assert "do not answer" in answer.answer
    assert re.search(r"\[\d+\]", answer.answer) is None
    assert answer.citations, "the closest articles are listed"
    assert_grounded(answer, seeded)


def test_a_follow_up_is_answered_in_the_context_of_the_conversation(seeded) -> None:  # type: ignore[no-untyped-def]
    first = seeded.ask(RUSSIA)
    history = [
        ConversationTurn(role="user", content=RUSSIA),
        ConversationTurn(role="assistant", content=first.answer),
    ]
    answer = seeded.ask("and how many prisoners?", history=history)
    assert answer.status == "answered"
    assert "942" in answer.answer or "430" in answer.answer
    assert_grounded(answer, seeded)


def test_as_of_before_the_article_was_published_leaves_nothing_to_answer_from(seeded) -> None:  # type: ignore[no-untyped-def]
    assert seeded.ask(RUSSIA, as_of=date(2025, 3, 1)).status == "not_found"
    assert seeded.ask(RUSSIA, as_of=date(2025, 3, 12)).status == "answered"
    assert seeded.ask(RUSSIA, since=date(2025, 3, 13)).status == "not_found"
    assert seeded.ask(RUSSIA, since=date(2025, 3, 12)).status == "answered"


def test_an_answer_asked_to_fit_drops_whole_sentences_never_a_citation(seeded) -> None:  # type: ignore[no-untyped-def]
    full = seeded.ask(RUSSIA)
    short = seeded.ask(RUSSIA, max_chars=300)
    assert len(short.answer) <= max(300, len(full.answer.split("] ")[0]) + 1)
    assert len(short.answer) < len(full.answer)
    assert_grounded(short, seeded)


def test_partial_text_is_reported_while_answering(seeded) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    answer = seeded.ask(RUSSIA, on_partial=seen.append)
    assert seen and answer.status == "answered"


def test_a_summary_has_three_to_five_cited_bullets_quoting_the_article(seeded) -> None:  # type: ignore[no-untyped-def]
    article_id = seeded.articles()[0].article_id
    summary = seeded.summarize(article_id)
    assert 3 <= len(summary.summary) <= 5
    text = seeded.show(article_id).text
    numbers = {c.n for c in summary.citations}
    for point in summary.summary:
        assert point.citations and set(point.citations) <= numbers
    for citation in summary.citations:
        assert citation.quote in text


def test_timings_are_reported(seeded) -> None:  # type: ignore[no-untyped-def]
    answer = seeded.ask(RUSSIA)
    assert answer.timings_ms.total >= answer.timings_ms.retrieve >= 0
    assert answer.model == "extractive"


@pytest.mark.slow
def test_the_local_model_answers_the_sample_question_with_checked_citations(
    seeded, embedder
) -> None:  # type: ignore[no-untyped-def]
    from bot.app import build_service

    settings = seeded.store.settings.model_copy(update={"chat_model": "local"})
    service = build_service(settings, embedder=embedder)
    answer = service.ask(RUSSIA)
    assert answer.status == "answered"
    # Either the model's words passed the check or they were checked and refused; the model must
    # have run (an unavailable model is the other fallback, and is a failure here).
    assert answer.model.startswith(("local:", "extractive (fallback from local:"))
    assert not any("unavailable" in note for note in answer.notes), answer.notes
    assert any("1,100 square kilometers" in c.quote for c in answer.citations)
    assert_grounded(answer, service)
    assert service.ask("What did the Bank of Japan decide about interest rates?").status == (
        "not_found"
    )


def test_an_unreachable_model_server_degrades_to_the_extractive_answer(seeded, embedder) -> None:  # type: ignore[no-untyped-def]
    from bot.app import build_service
    from tests.conftest import free_port

    spec = f"openai-compatible:smollm2@http://127.0.0.1:{free_port()}/v1"
    settings = seeded.store.settings.model_copy(update={"chat_model": spec, "model_timeout_s": 5.0})
    service = build_service(settings, embedder=embedder)
    answer = service.ask(RUSSIA)
    assert answer.status == "answered"
    assert answer.model.startswith("extractive (fallback")
    assert answer.notes
    assert_grounded(answer, service)


@pytest.fixture(scope="module")
def seeded_with_bbc(
    tmp_path_factory: pytest.TempPathFactory,
    embedder,
    seed_path: Path,  # type: ignore[no-untyped-def]
    shared_data: Path,
):
    """The seed beside 151 BBC business articles (with the Bank of Japan one, line 321)."""
    import json

    from bot.app import build_service

    folder = tmp_path_factory.mktemp("bbc")
    lines = (shared_data / "bbc_news_summary.jsonl").read_text(encoding="utf-8").splitlines()
    wanted = [*lines[:150], lines[321]]
    assert any(json.loads(line)["id"] == "business/322" for line in wanted)
    (folder / "bbc.jsonl").write_text("\n".join(wanted) + "\n", encoding="utf-8")
    settings = EngineSettings(store_dir=folder / "store", chat_model="extractive")
    service = build_service(settings, embedder=embedder)
    report = service.ingest([str(seed_path.parent), str(folder / "bbc.jsonl")])
    assert not report.failed
    return service


def test_the_sample_question_is_still_answered_beside_the_bbc_articles(seeded_with_bbc) -> None:  # type: ignore[no-untyped-def]
    answer = seeded_with_bbc.ask(RUSSIA)
    assert answer.status == "answered"
    assert any("1,100 square kilometers" in c.quote for c in answer.citations)
    assert_grounded(answer, seeded_with_bbc)


def test_the_bank_of_japan_question_is_not_found_though_the_bank_is_mentioned(
    seeded_with_bbc,
) -> None:  # type: ignore[no-untyped-def]
    answer = seeded_with_bbc.ask("What did the Bank of Japan decide about interest rates?")
    assert answer.status == "not_found"
    assert "business/322" in {c.article_id for c in answer.citations}


def test_a_bbc_question_is_answered_from_its_article(seeded_with_bbc) -> None:  # type: ignore[no-untyped-def]
    answer = seeded_with_bbc.ask("By how much did Time Warner's quarterly profits rise?")
    assert answer.status == "answered"
    assert "76%" in answer.answer
    assert answer.citations[0].article_id == "business/001"
    assert_grounded(answer, seeded_with_bbc)


def test_when_two_outlets_give_different_figures_the_answer_says_so_and_cites_both(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    import json

    from bot.app import build_service

    story = (
        "Officials said floodwaters had destroyed {n} homes in the river valley by Tuesday "
        "evening, as rescue teams continued to search the worst-hit villages."
    )
    rows = [
        {
            "id": "wire-1",
            "title": "Floods destroy homes in river valley",
            "source": "Wire One",
            "published": "2025-04-01",
            "text": story.format(n="1,200") + "\n\nMore rain is expected.",
        },
        {
            "id": "paper-2",
            "title": "Valley floods leave families homeless",
            "source": "Daily Two",
            "published": "2025-04-02",
            "text": story.format(n="1,450") + "\n\nThe regional governor visited on Wednesday.",
        },
    ]
    path = tmp_path / "floods.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    service = build_service(
        EngineSettings(store_dir=tmp_path / "s", chat_model="extractive"), embedder=embedder
    )
    service.ingest([str(path)])
    answer = service.ask("How many homes did the floods destroy?")
    assert answer.status == "answered"
    assert "1,200" in answer.answer and "1,450" in answer.answer
    assert "However, Wire One" in answer.answer or "However, Daily Two" in answer.answer
    # The newer report comes first.
    assert answer.answer.index("1,450") < answer.answer.index("1,200")
    assert {c.source for c in answer.citations} == {"Wire One", "Daily Two"}
    assert_grounded(answer, service)


# --------------------------------------------------------------------- question shapes (issue 11)

KURSK_FACTS = ("1,100 square kilometers", "24 settlements")


@pytest.mark.parametrize(
    ("question", "as_of"),
    [
        ("What happened in Kursk?", None),
        ("Summarize the news about Kursk", None),
        ("What happened in Kursk this week?", date(2025, 3, 14)),
    ],
)
def test_an_open_question_is_briefed_with_the_territory_and_the_settlements(
    seeded, question: str, as_of: date | None
) -> None:  # type: ignore[no-untyped-def]
    answer = seeded.ask(question, as_of=as_of)
    assert answer.status == "answered", answer.answer
    assert answer.plan is not None and answer.plan.kind == "briefing"
    assert 2 <= len(answer.points) <= 5
    for fact in KURSK_FACTS:
        assert fact in answer.answer
        assert any(fact in c.quote for c in answer.citations)
    assert answer.answer.startswith("As of 12 March 2025: ")
    assert_grounded(answer, seeded)


def test_a_briefing_on_what_no_article_mentions_is_not_found(seeded) -> None:  # type: ignore[no-untyped-def]
    answer = seeded.ask("What happened in Atlantis?")
    assert answer.status == "not_found"
    assert answer.plan is not None and answer.plan.kind == "briefing"


def test_a_briefing_this_week_leaves_out_an_article_from_an_earlier_week(seeded) -> None:  # type: ignore[no-untyped-def]
    assert seeded.ask("What happened in Kursk this week?", as_of=date(2025, 3, 25)).status == (
        "not_found"
    )


def test_the_summary_of_the_seed_carries_the_territory_and_the_settlements(seeded) -> None:  # type: ignore[no-untyped-def]
    article_id = seeded.articles()[0].article_id
    summary = seeded.summarize(article_id)
    text = " ".join(p.text for p in summary.summary)
    for fact in KURSK_FACTS:
        assert fact in text
    # No bullet leans on the sentence before it ("He added, however, ...").
    assert not any(p.text.startswith(("He ", "But ", "However")) for p in summary.summary)


def test_each_part_of_a_two_part_question_is_answered_from_its_own_evidence(seeded) -> None:  # type: ignore[no-untyped-def]
    answer = seeded.ask(
        "What did Putin say about captured Ukrainian fighters and what ceasefire is the United "
        "States pressing for?"
    )
    assert answer.status == "answered"
    assert answer.plan is not None and answer.plan.kind == "multi_part"
    assert len(answer.plan.sub_questions) == 2
    assert "terrorists" in answer.answer and "30-day ceasefire" in answer.answer
    assert {p.part for p in answer.points} == {0, 1}
    assert answer.unanswered == []
    assert_grounded(answer, seeded)


def test_the_part_the_articles_do_not_answer_is_named(seeded) -> None:  # type: ignore[no-untyped-def]
    answer = seeded.ask(
        "How many settlements did Russia retake and what did the Bank of Japan decide about "
        "interest rates?"
    )
    assert answer.status == "answered"
    assert "24 settlements" in answer.answer
    assert len(answer.unanswered) == 1 and "Bank of Japan" in answer.unanswered[0]
    assert "do not answer" in answer.answer and "Bank of Japan" in answer.answer
    assert_grounded(answer, seeded)


def test_a_comparison_across_two_articles_cites_both_figures(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    import json

    from bot.app import build_service

    rows = [
        {
            "id": "airline",
            "title": "Airline profits slide as fuel costs bite",
            "source": "Wire One",
            "published": "2005-02-07",
            "text": "Profits at the national airline fell by 12% in the three months to December, "
            "as fuel costs rose sharply.\n\nThe carrier said passenger numbers were steady.",
        },
        {
            "id": "studio",
            "title": "Film studio hit by box office flops",
            "source": "Daily Two",
            "published": "2005-02-08",
            "text": "Profits at the film studio fell by 35% in the final quarter after a string of "
            "box office flops.\n\nIts television arm did better than expected.",
        },
    ]
    path = tmp_path / "profits.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    service = build_service(
        EngineSettings(store_dir=tmp_path / "s", chat_model="extractive"), embedder=embedder
    )
    service.ingest([str(path)])
    answer = service.ask(
        "Which fell by a larger percentage: the airline's profits or the film studio's profits?"
    )
    assert answer.status == "answered", answer.answer
    assert answer.plan is not None and answer.plan.kind == "comparison"
    assert "12%" in answer.answer and "35%" in answer.answer
    assert {c.article_id for c in answer.citations} == {"airline", "studio"}
    assert_grounded(answer, service)


def test_a_lead_that_leaves_out_the_name_asked_for_is_completed_from_its_article(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    import json

    from bot.app import build_service

    row = {
        "id": "video",
        "title": "Pop video pulled after school complaint",
        "source": "Wire One",
        "published": "2005-01-20",
        "text": "The new video of a pop singer has been pulled after a Dublin school complained "
        "about being shown in it.\n\nThe singer's record label said it had withdrawn the video "
        "and sent replacements to television stations.\n\nThe head of St Fintian's High School, "
        "Richard Fogarty, said the video implied that the singer had been a pupil there.\n\n"
        "The singer never attended the school, and the label had believed its name was made up.",
    }
    path = tmp_path / "video.jsonl"
    path.write_text(json.dumps(row), encoding="utf-8")
    service = build_service(
        EngineSettings(store_dir=tmp_path / "s", chat_model="extractive"), embedder=embedder
    )
    service.ingest([str(path)])
    answer = service.ask("Which Dublin school complained about being shown in the pop video?")
    assert answer.status == "answered", answer.answer
    assert "St Fintian's" in answer.points[0].text  # the sentence with the name leads
    assert_grounded(answer, service)


def _one_article_service(tmp_path: Path, embedder, text: str, title: str):  # type: ignore[no-untyped-def]
    import json

    from bot.app import build_service

    row = {"id": "story", "title": title, "source": "Wire One", "published": "2005-04-03"}
    path = tmp_path / "story.jsonl"
    path.write_text(json.dumps({**row, "text": text}), encoding="utf-8")
    service = build_service(
        EngineSettings(store_dir=tmp_path / "s", chat_model="extractive"), embedder=embedder
    )
    service.ingest([str(path)])
    return service


def test_the_name_beside_the_questions_verb_answers_not_another_name_nearby(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _one_article_service(
        tmp_path,
        embedder,
        "Producer Judy Craymer is the highest new entry in the Sunday Times music rich list, "
        "with a £67m fortune.\n\nMs Craymer developed the musical Mamma Mia! with Abba.\n\n"
        "But taking the top spot for a second year is former record label boss Clive Calder, "
        "whose wealth has risen to £1.3bn.\n\nFormer Beatle Paul McCartney is second on the "
        "list with £800m.",
        "Mamma Mia producer enters music rich list",
    )
    answer = service.ask("Who topped the Sunday Times music rich list for a second year?")
    assert answer.status == "answered", answer.answer
    assert "Clive Calder" in answer.points[0].text, answer.answer
    assert_grounded(answer, service)


def test_how_long_is_answered_with_the_span_of_time_not_another_figure(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _one_article_service(
        tmp_path,
        embedder,
        "\"The eyes of 8 million bloggers are going to be more focused on Iran since Sigarchi's "
        'sentence," said the campaign.\n\nArash Sigarchi was arrested last month after using his '
        "blog to criticise the arrest of other journalists.\n\nThe Iranian weblogger has been "
        "jailed for 14 years on charges of spying.",
        "Iranian blogger sentenced",
    )
    answer = service.ask("How long was Iranian blogger Arash Sigarchi jailed for?")
    assert answer.status == "answered", answer.answer
    assert "14 years" in answer.points[0].text, answer.answer
    assert_grounded(answer, service)


def test_a_sentence_holding_the_thing_the_verb_and_every_name_answers_under_the_cut_offs(
    seeded_with_bbc,
) -> None:  # type: ignore[no-untyped-def]
    # business/078: "The US firm is thought to be offering about $2bn (£1.06bn) to extricate
    # itself from the arrangement." shares few of the question's words.
    answer = seeded_with_bbc.ask(
        "Roughly how much was General Motors thought to be offering to get out of its "
        "put-option arrangement with Fiat?"
    )
    assert answer.status == "answered", answer.answer
    assert "$2bn" in answer.answer
    assert_grounded(answer, seeded_with_bbc)


def test_a_year_the_question_asks_about_must_be_in_the_article_that_answers(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _one_article_service(
        tmp_path,
        embedder,
        'Legendary Dutch coach Rinus Michels, the man credited with developing "total '
        'football", has died aged 77.\n\nReferred to in the Netherlands as "the General", '
        "Michels led the Dutch at the 1974 World Cup - when they reached the final only to lose "
        "2-1 to Germany.\n\nHowever, he guided his side to the 1988 European Championship title "
        "with a 2-0 win over the Soviet Union in the final.",
        "Dutch coaching legend Michels dies",
    )
    answer = service.ask("Who won the 2006 football World Cup final in Germany?")
    assert answer.status == "not_found", answer.answer


PROFITS = [
    {
        "id": "airline",
        "title": "Airline profits slide as fuel costs bite",
        "source": "Wire One",
        "published": "2005-02-07",
        "text": "Profits at the national airline fell by 12% in the three months to December, "
        "as fuel costs rose sharply.\n\nThe carrier said passenger numbers were steady.",
    },
    {
        "id": "studio",
        "title": "Film studio hit by box office flops",
        "source": "Daily Two",
        "published": "2005-02-08",
        "text": "Profits at the film studio fell by 35% in the final quarter after a string of "
        "box office flops.\n\nIts television arm did better than expected.",
    },
]


def test_a_comparison_says_which_side_is_larger_from_the_two_cited_figures(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(tmp_path, embedder, PROFITS)
    answer = service.ask(
        "Which fell by a larger percentage: the airline's profits or the film studio's profits?"
    )
    assert answer.comparison is not None, answer.answer
    assert answer.comparison.relation == "more"
    first, second = answer.comparison.figures
    assert (first.alternative, first.figure) == ("the film studio's profits", "35%")
    assert (second.alternative, second.figure) == ("the airline's profits", "12%")
    cited = {c.n: c for c in answer.citations}
    assert "35%" in cited[first.citation].quote and "12%" in cited[second.citation].quote
    assert answer.answer.startswith(
        "As of 8 February 2005: Comparing the cited figures, the larger is the film studio's "
        f"profits: 35% [{first.citation}], against 12% [{second.citation}] for the airline's "
        "profits."
    )
    smaller = service.ask(
        "Which fell by a smaller percentage: the airline's profits or the film studio's profits?"
    )
    assert smaller.comparison is not None and smaller.comparison.figures[0].figure == "12%"
    assert_grounded(answer, service)


def test_a_later_part_is_answered_from_the_article_the_first_part_was_answered_from(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            {
                "id": "yukos",
                "title": "Khodorkovsky quits Yukos shares",
                "source": "Wire One",
                "published": "2005-01-20",
                "text": "Jailed tycoon Mikhail Khodorkovsky has handed his entire 59.5% stake in "
                "holding company Group Menatep to Leonid Nevzlin.\n\nA close ally of the "
                "ex-Yukos boss, Mr Nevzlin is currently based in Israel.\n\nGroup Menatep "
                "controls the oil firm.",
            },
            {
                "id": "fund",
                "title": "Fund manager moves to Geneva",
                "source": "Daily Two",
                "published": "2005-01-21",
                "text": "The fund manager said he is now based in Geneva, where the fund is "
                "based too.\n\nHe moved there last year with his family.",
            },
        ],
    )
    answer = service.ask(
        "Who did Mikhail Khodorkovsky hand his Group Menatep stake to, and where is he based?"
    )
    assert answer.status == "answered", answer.answer
    assert "Nevzlin" in answer.answer and "Israel" in answer.answer, answer.answer
    assert "Geneva" not in answer.answer
    assert {p.part for p in answer.points} == {0, 1} and answer.unanswered == []
    assert_grounded(answer, service)


def test_the_sentence_holding_the_questions_rarest_name_leads_the_answer(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    # "the RAC" is rarer in the store than "Gordon Brown": the lead that restates the freeze
    # without it gives way to the sentence of its article that names it.
    speeches = [
        {
            "id": f"budget{i}",
            "title": f"Brown speech {i}",
            "source": "Wire One",
            "published": "2004-12-01",
            "text": f"Chancellor Gordon Brown spoke about the economy on day {i}.\n\nGordon "
            "Brown said growth would continue.",
        }
        for i in range(4)
    ]
    rows = [
        {
            "id": "fuel",
            "title": "Petrol duties frozen, Brown says",
            "source": "Wire One",
            "published": "2004-12-02",
            "text": "Chancellor Gordon Brown has announced a freeze on fuel duty in his "
            "pre-budget speech to the Commons on Thursday.\n\nThe RAC welcomed the news, calling "
            'it an "early Christmas present" for motorists.\n\nEnvironmental groups were less '
            "pleased.",
        },
        *speeches,
    ]
    service = _service_of(tmp_path, embedder, rows)
    answer = service.ask("What did the RAC call Gordon Brown's fuel duty freeze?")
    assert answer.status == "answered", answer.answer
    assert "early Christmas present" in answer.points[0].text, answer.answer
    assert_grounded(answer, service)


def test_a_sentence_about_another_year_does_not_answer_a_question_about_this_one(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _one_article_service(
        tmp_path,
        embedder,
        "For the full year, TimeWarner posted a profit of $3.36bn, up 27% from its 2003 "
        "performance.\n\nThe firm said its film division had a difficult year.",
        "TimeWarner results",
    )
    answer = service.ask("What profit did TimeWarner post for the full year 2005?")
    assert answer.status == "not_found", answer.answer
    kept = service.ask("What profit did TimeWarner post for the full year?")
    assert kept.status == "answered" and "$3.36bn" in kept.answer, kept.answer


def test_a_forecast_does_not_answer_what_actually_happened(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _one_article_service(
        tmp_path,
        embedder,
        "The Japanese government has forecast that the country's economic growth will slow to "
        "1.6% in the next fiscal year.\n\nThe economics minister said deflation was being "
        "overcome.",
        "Tokyo forecasts slower growth",
    )
    answer = service.ask("How much did Japan's economy actually grow in the next fiscal year?")
    assert answer.status == "not_found", answer.answer
    forecast = service.ask("How much does Japan forecast its economy will grow next fiscal year?")
    assert forecast.status == "answered" and "1.6%" in forecast.answer, forecast.answer
