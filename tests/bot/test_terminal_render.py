"""Terminal renders a person reads: one entry per cited article, ids to pass to ``show``."""

from __future__ import annotations

from datetime import date

from bot.render import answer_to_text, search_to_text
from bot.terminal import articles_table, display_width
from retrieval.models import Answer, ArticleSummaryRow, Citation, Hit, SearchResult

KURSK_TITLE = "Putin Visits Kursk Region for First Time Since Ukraine’s Offensive"


def citation(n: int, article_id: str, quote: str, **fields: object) -> Citation:
    base: dict[str, object] = {
        "title": KURSK_TITLE,
        "source": "The Moscow Times",
        "url": "https://example.com/kursk",
        "published": date(2025, 3, 12),
    }
    base.update(fields)
    return Citation(n=n, article_id=article_id, quote=quote, chunk_id=f"{article_id}#{n}", **base)  # type: ignore[arg-type]


def test_an_article_cited_three_times_is_listed_once_with_its_three_quotes() -> None:
    answer = Answer(
        question="What happened in Kursk?",
        status="answered",
        answer="Putin visited [1]. Troops retook 1,100 km² [2] and 24 settlements [3].",
        citations=[
            citation(1, "seed", "Putin visited Kursk."),
            citation(2, "seed", "about 1,100 square kilometers"),
            citation(3, "seed", "24 settlements"),
        ],
        model="extractive",
    )
    text = answer_to_text(answer)
    assert text.count(KURSK_TITLE) == 1
    assert "[1][2][3] The Moscow Times — " + KURSK_TITLE in text
    for quote in ("Putin visited Kursk.", "about 1,100 square kilometers", "24 settlements"):
        assert quote in text
    assert text.count("https://example.com/kursk") == 1


def test_closest_articles_of_a_not_found_answer_show_their_ids() -> None:
    answer = Answer(
        question="What did the moon say?",
        status="not_found",
        answer="The stored articles do not answer this question.",
        citations=[citation(1, "t-fa6c1506447c096bb536", "x"), citation(2, "cjk-1", "y")],
        model="extractive",
    )
    text = answer_to_text(answer)
    assert "t-fa6c1506447c096bb536" in text and "cjk-1" in text
    assert "newsbot show" in text


def test_search_text_hides_the_raw_fused_scores_and_shows_ids() -> None:
    hit = Hit(
        chunk_id="seed#0",
        article_id="seed",
        title=KURSK_TITLE,
        score=0.0327,
        text="Putin visited Kursk.",
    )
    text = search_to_text(SearchResult(query="Kursk", hits=[hit]))
    assert "0.033" not in text and "score" not in text
    assert "(undated)" in text and "id seed" in text


def test_undated_citations_say_undated() -> None:
    answer = Answer(
        question="q",
        status="answered",
        answer="x [1]",
        citations=[citation(1, "a", "x", published=None)],
        model="extractive",
    )
    assert f"{KURSK_TITLE} — undated" in answer_to_text(answer)


def test_the_articles_table_measures_cjk_titles_by_their_width_in_columns() -> None:
    assert display_width("短缺药品") == 8 and display_width("abc") == 3
    rows = [
        ArticleSummaryRow(article_id="短缺-1", title="短缺药品", chunks=1),
        ArticleSummaryRow(article_id="a-2", title="Latin", chunks=12),
    ]
    lines = articles_table(rows).splitlines()
    starts = [
        display_width(line[: line.index(r.title)]) for line, r in zip(lines[:2], rows, strict=True)
    ]
    assert starts[0] == starts[1]
    assert " 1 chunk " in lines[0] and "12 chunks" in lines[1]


def test_the_ingest_summary_counts_one_article_and_one_chunk_in_the_singular() -> None:
    from bot.cli import _ingest_summary
    from retrieval.models import IngestedArticle, IngestReport

    report = IngestReport(
        added=1,
        chunks_added=1,
        articles_total=1,
        articles=[IngestedArticle(source="seeds/a.txt", article_id="a", status="added")],
    )
    last = _ingest_summary(report, ["seeds/"], 0.2).splitlines()[-1]
    assert "1 chunk written" in last and "holds 1 article (" in last, last
