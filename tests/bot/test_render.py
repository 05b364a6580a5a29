"""Discord renderers: pure functions from engine results to embeds within Discord's limits."""

from __future__ import annotations

from datetime import date

from bot.render import (
    CONTENT_LIMIT,
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    FIELD_VALUE_LIMIT,
    digest_embeds,
    embed_within_limits,
    evidence_embeds,
    group_embeds,
    pack_lines,
    paginate_text,
    partial_answer_content,
    render_answer,
    source_line,
    split_sentences,
    summary_embed,
)
from retrieval.models import Answer, Citation, Digest, Story, Summary, SummaryPoint
from tests.bot.fake_engine import ANSWER_TEXT, CEASEFIRE, KURSK, LONG_SENTENCE


def answer(
    text: str = ANSWER_TEXT, *, citations: list[Citation] | None = None, status: str = "answered"
) -> Answer:
    return Answer(
        question="What happened in Kursk?",
        status=status,  # type: ignore[arg-type]
        answer=text,
        citations=citations if citations is not None else [KURSK, CEASEFIRE],
        model="fake:model",
    )


def test_a_sentence_keeps_its_citation_markers() -> None:
    assert split_sentences("Putin went to Kursk [1]. The Kremlin studied it.[2] Done [1][2].") == [
        "Putin went to Kursk [1].",
        "The Kremlin studied it.[2]",
        "Done [1][2].",
    ]


def test_pages_are_made_of_whole_sentences() -> None:
    text = " ".join([LONG_SENTENCE] * 40)
    pages = paginate_text(text, 1000)
    assert len(pages) > 1
    assert all(len(page) <= 1000 for page in pages)
    assert all(page.endswith("[1].") and page.startswith("Officials") for page in pages)
    assert " ".join(pages) == text


def test_a_source_line_names_outlet_linked_title_and_date() -> None:
    assert source_line(KURSK) == (
        f"[1] The Moscow Times — [{KURSK.title}]({KURSK.url}) — 12 March 2025"
    )


def test_a_source_line_without_url_or_date_is_plain() -> None:
    citation = KURSK.model_copy(
        update={"url": None, "published": None, "source": None, "title": "A [bracketed] title"}
    )
    assert source_line(citation) == "[1] A (bracketed) title"


def test_an_answer_embed_has_the_text_and_a_sources_field() -> None:
    rendered = render_answer(answer())
    data = rendered.embed.to_dict()
    assert data["description"] == ANSWER_TEXT
    assert data["fields"][0]["name"] == "Sources"
    assert data["fields"][0]["value"].splitlines()[1].startswith("[2] Reuters — ")
    assert rendered.pages == 1 and not rendered.has_more


def test_a_not_found_answer_lists_the_closest_articles() -> None:
    data = render_answer(answer("Not in the stored articles.", status="not_found")).embed.to_dict()
    assert data["author"]["name"] == "Not found in the stored articles"
    assert data["fields"][0]["name"] == "Closest articles"
    assert KURSK.title in data["fields"][0]["value"]


def test_a_very_long_answer_with_many_sources_is_paged_within_every_limit() -> None:
    many = [KURSK.model_copy(update={"n": n, "title": "T" * 300}) for n in range(1, 40)]
    long = answer(" ".join([LONG_SENTENCE] * 200), citations=many)
    first = render_answer(long)
    assert first.pages > 1 and first.has_more
    for page in range(first.pages):
        embed = render_answer(long, page=page).embed
        assert embed_within_limits(embed)
        assert len(embed) <= EMBED_TOTAL_LIMIT
        assert len(embed.description or "") <= DESCRIPTION_LIMIT
    assert "more" in first.embed.fields[-1].value


def test_packed_lines_never_exceed_a_field_and_say_how_many_were_left_out() -> None:
    values = pack_lines([f"line {i} " + "x" * 100 for i in range(50)], max_fields=2)
    assert len(values) == 2
    assert all(len(v) <= FIELD_VALUE_LIMIT for v in values)
    assert values[-1].endswith("more")


def test_partial_text_fits_message_content() -> None:
    assert partial_answer_content("") == "✍️ Reading the news…"
    assert len(partial_answer_content("word " * 1000)) <= CONTENT_LIMIT


def test_evidence_shows_each_quote() -> None:
    [embed] = evidence_embeds(answer())
    assert [f.name for f in embed.fields] == [f"[1] {KURSK.title}", f"[2] {CEASEFIRE.title}"]
    assert KURSK.quote in (embed.fields[0].value or "")
    assert embed_within_limits(embed)


def test_a_summary_embed_lists_points_with_markers() -> None:
    summary = Summary(
        article_id="a",
        title=KURSK.title,
        citations=[KURSK],
        model="m",
        summary=[SummaryPoint(text="Putin visited Kursk.", citations=[1])],
    )
    embed = summary_embed(summary)
    assert embed.description == "• Putin visited Kursk. [1]"
    assert embed_within_limits(embed)


def test_a_digest_is_one_embed_per_story_grouped_into_messages() -> None:
    stories = [
        Story(headline=f"Story {i}", summary="Something happened [1]. " * 80, citations=[KURSK])
        for i in range(15)
    ]
    embeds = digest_embeds(Digest(since="2025-03-11", until="2025-03-12", stories=stories))
    assert len(embeds) == 15
    groups = group_embeds(embeds)
    assert all(len(g) <= 10 and sum(len(e) for e in g) <= EMBED_TOTAL_LIMIT for g in groups)
    assert sum(len(g) for g in groups) == 15


def test_an_empty_digest_says_nothing_is_new() -> None:
    [embed] = digest_embeds(Digest(since="2025-03-11", until="2025-03-12", stories=[]))
    assert "No new stories" in (embed.description or "")


def test_dates_render_as_people_write_them() -> None:
    assert source_line(KURSK.model_copy(update={"published": date(2025, 1, 2)})).endswith(
        "2 January 2025"
    )
