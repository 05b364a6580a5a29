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
    assert source_line(citation) == "[1] A (bracketed) title — undated"


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
    many = [
        KURSK.model_copy(update={"n": n, "title": "T" * 300, "article_id": f"a{n}"})
        for n in range(1, 40)
    ]
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
    assert [f.name for f in embed.fields] == [
        f"[1] {KURSK.title} — 12 March 2025",
        f"[2] {CEASEFIRE.title} — 12 March 2025",
    ]
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


def _second_passage_of_kursk() -> Citation:
    return KURSK.model_copy(
        update={"n": 3, "quote": "The Kremlin said 24 settlements were retaken.", "chunk_id": "k2"}
    )


def test_an_article_cited_twice_is_one_source_line_and_one_evidence_field_with_both_quotes() -> (
    None
):
    cited = answer(citations=[KURSK, CEASEFIRE, _second_passage_of_kursk()])
    [(name, value)] = [(f.name, f.value) for f in render_answer(cited).embed.fields]
    assert name == "Sources"
    assert (value or "").count(KURSK.title) == 1
    assert (value or "").startswith("[1][3] The Moscow Times")
    [evidence] = evidence_embeds(cited)
    assert len(evidence.fields) == 2
    kursk_field = evidence.fields[0]
    assert (kursk_field.name or "").startswith("[1][3] ")
    assert KURSK.quote[:40] in (kursk_field.value or "")
    assert "[3] The Kremlin said 24 settlements" in (kursk_field.value or "")
    assert embed_within_limits(evidence)


def test_undated_articles_say_so_in_every_discord_render() -> None:
    undated = KURSK.model_copy(update={"published": None})
    assert render_answer(answer(citations=[undated])).embed.fields[0].value.endswith("— undated")  # type: ignore[union-attr]
    not_found = render_answer(answer(citations=[undated], status="not_found")).embed
    assert (not_found.fields[0].value or "").endswith("— undated")
    assert (evidence_embeds(answer(citations=[undated])).pop().fields[0].name or "").endswith(
        "— undated"
    )
    story = Story(headline="Old news", summary="It happened [1].", citations=[undated])
    [embed] = digest_embeds(Digest(since="2025-03-11", until="2025-03-12", stories=[story]))
    assert embed.title == "1. Old news (undated)"
    seen = story.model_copy(update={"first_seen": date(2025, 3, 12)})
    [embed] = digest_embeds(Digest(since="2025-03-11", until="2025-03-12", stories=[seen]))
    assert embed.title == "1. Old news (undated; first seen 2025-03-12)"


def test_a_digest_embed_says_what_it_left_out() -> None:
    story = Story(headline="Kursk", summary="Putin visited [1].", citations=[KURSK])
    digest = Digest(
        since="2025-03-11", until="2025-03-12", stories=[story], more_stories=4, undated_left_out=2
    )
    [embed] = digest_embeds(digest)
    footer = embed.footer.text or ""
    assert "4 more not shown" in footer and "2 undated article(s)" in footer
    [empty] = digest_embeds(digest.model_copy(update={"stories": []}))
    assert "2 undated article(s)" in (empty.description or "")
