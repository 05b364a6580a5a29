"""Loaders, driven with real files (tmp_path) and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from retrieval.errors import SourceError
from retrieval.loaders import (
    article_from_html,
    article_from_text,
    load_sources,
)
from retrieval.models import FetchedPage, LoadFailure, RawArticle

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
FIXTURES = DATA / "html-fixtures"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_2aff43b43469b722.txt"

STORY = (
    "The city council voted on Tuesday to build a new bridge over the river, ending years of "
    "debate about traffic in the old town.",
    "The bridge will cost 40 million euros and should open in 2028, the mayor told reporters "
    "after the vote, adding that work would begin in the spring.",
    "Opponents said the money would be better spent on buses, and promised to keep campaigning "
    "against the project until the first stone is laid.",
)
STORY_TEXT = "\n\n".join(STORY)


def html_page(title: str = "Council approves new bridge", extra_head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title} | The Daily Example</title>"
        "<meta property='og:site_name' content='The Daily Example'>"
        "<meta name='author' content='Ann Writer'>"
        f"{extra_head}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Sign up for our newsletter. Privacy Policy.</footer></body></html>"
    )


def only(results: list[RawArticle | LoadFailure]) -> RawArticle:
    assert len(results) == 1, results
    assert isinstance(results[0], RawArticle), results[0]
    return results[0]


def failure(results: list[RawArticle | LoadFailure]) -> LoadFailure:
    assert len(results) == 1, results
    assert isinstance(results[0], LoadFailure), results[0]
    return results[0]


# --- a real fetcher against a local server --------------------------------------------------


class LocalSite:
    """Pages served by ``http.server`` on 127.0.0.1: path -> (content type, body) or redirect."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, bytes]] = {}
        self.redirects: dict[str, str] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path in site.redirects:
                    self.send_response(301)
                    self.send_header("Location", site.redirects[self.path])
                    self.end_headers()
                    return
                if self.path not in site.pages:
                    self.send_error(404)
                    return
                content_type, body = site.pages[self.path]
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def add(self, path: str, body: str | bytes, content_type: str = "text/html") -> str:
        self.pages[path] = (content_type, body.encode("utf-8") if isinstance(body, str) else body)
        return self.base + path


class UrllibFetcher:
    """A plain ``PageFetcher`` for tests (the real one, with SSRF guards, is SafeFetcher)."""

    def fetch(self, url: str) -> FetchedPage:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                headers: Message = response.headers
                return FetchedPage(
                    url=response.geturl(),
                    status=response.status,
                    content_type=headers.get_content_type(),
                    encoding=headers.get_content_charset(),
                    body=response.read(),
                )
        except urllib.error.HTTPError as exc:
            raise SourceError(f"HTTP {exc.code} from {url}") from exc


@pytest.fixture
def site() -> Iterator[LocalSite]:
    local = LocalSite()
    local.thread.start()
    yield local
    local.server.shutdown()
    local.server.server_close()


@pytest.fixture
def fetcher() -> UrllibFetcher:
    return UrllibFetcher()


# --- text and markdown files ------------------------------------------------------------------


def test_a_text_file_becomes_an_article_titled_by_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text("Council approves new bridge\n\n" + STORY_TEXT + "\n", encoding="utf-8")
    article = only(list(load_sources([str(path)])))
    assert article.title == "Council approves new bridge"
    assert article.text == STORY_TEXT
    assert article.origin == str(path)


def test_a_markdown_file_loses_the_heading_marker_in_its_title(tmp_path: Path) -> None:
    path = tmp_path / "bridge.md"
    path.write_text("# Council approves new bridge\n\n" + STORY_TEXT, encoding="utf-8")
    assert only(list(load_sources([str(path)]))).title == "Council approves new bridge"


def test_the_seed_file_loads_with_its_headline_and_story_only() -> None:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    article = only(list(load_sources([str(SEED)])))
    assert (
        article.title == "Putin Visits Kursk Region for First Time Since Ukraine\u2019s Offensive"
    )
    assert article.text.startswith("President Vladimir Putin on Wednesday")
    assert article.text.endswith("leverage in peace negotiations with Russia.")


def test_a_utf8_file_with_a_byte_order_mark_decodes(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(("Café reopens\n\n" + STORY_TEXT).encode("utf-8-sig"))
    assert only(list(load_sources([str(path)]))).title == "Café reopens"


def test_a_windows_1251_russian_file_decodes(tmp_path: Path) -> None:
    title = "Путин посетил Курскую область"
    body = (
        "Президент России Владимир Путин в среду впервые посетил Курскую область после начала "
        "наступления украинских войск в августе прошлого года.\n\n"
        "Он заявил, что рассчитывает на скорое полное освобождение территории региона, и "
        "поручил военным продолжать наступление."
    )
    path = tmp_path / "ru.txt"
    path.write_bytes(f"{title}\n\n{body}\n".encode("cp1251"))
    article = only(list(load_sources([str(path)])))
    assert article.title == title
    assert article.text == body


def test_a_shift_jis_japanese_file_decodes(tmp_path: Path) -> None:
    title = "東京で桜が満開に"
    body = (
        "気象庁は二十四日、東京都心で桜が満開になったと発表した。平年より五日早く、"
        "昨年より三日遅い満開となった。\n\n"
        "上野公園などでは朝から多くの花見客が訪れ、週末にかけて混雑が予想される。"
    )
    path = tmp_path / "ja.txt"
    path.write_bytes(f"{title}\n\n{body}\n".encode("shift_jis"))
    article = only(list(load_sources([str(path)])))
    assert article.title == title
    assert article.text == body


def test_binary_bytes_named_txt_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result = failure(list(load_sources([str(path)])))
    assert result.source == str(path)
    assert "looks like a binary file, not text" in result.error


@pytest.mark.parametrize("content", [b"", b"  \n\t\n  "])
def test_an_empty_file_is_a_failure(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in failure(list(load_sources([str(path)]))).error


def test_a_missing_path_is_a_one_line_failure(tmp_path: Path) -> None:
    result = failure(list(load_sources([str(tmp_path / "nope.txt")])))
    assert result.error == "no such file or folder"


def test_a_sidecar_overrides_derived_fields(tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text("Derived title\n\n" + STORY_TEXT, encoding="utf-8")
    (tmp_path / "bridge.meta.json").write_text(
        json.dumps(
            {
                "title": "Sidecar title",
                "url": "https://example.com/bridge",
                "published": "2025-03-12",
                "source": "Example Times",
                "author": "Ann Writer",
                "id": "bridge-1",
            }
        ),
        encoding="utf-8",
    )
    article = only(list(load_sources([str(tmp_path / "bridge.txt")])))
    assert (article.title, article.url, article.published, article.source, article.author,
            article.id) == ("Sidecar title", "https://example.com/bridge", date(2025, 3, 12),
                            "Example Times", "Ann Writer", "bridge-1")  # fmt: skip


# --- folders ------------------------------------------------------------------------------


def test_a_folder_is_read_recursively_sorted_skipping_hidden_and_other_files(
    tmp_path: Path,
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "two.md").write_text("Two\n\n" + STORY_TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text("One\n\n" + STORY_TEXT, encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("Hidden\n\n" + STORY_TEXT, encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden\n\n" + STORY_TEXT, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "c.html").write_text(html_page("Three"), encoding="utf-8")
    results = list(load_sources([str(tmp_path)]))
    assert [r.title for r in results if isinstance(r, RawArticle)] == ["One", "Two", "Three"]
    assert len(results) == 3


# --- JSONL --------------------------------------------------------------------------------


def test_jsonl_reports_broken_lines_by_number_and_keeps_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a1",
                "title": "First",
                "text": STORY[0],
                "published": "2025-03-12",
                "source": "Example Times",
                "url": "https://example.com/1",
            }
        ),
        "{not json",
        json.dumps({"title": "No text here"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"title": "Body instead", "body": STORY[1], "category": "ignored"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(load_sources([str(path)]))
    articles = [r for r in results if isinstance(r, RawArticle)]
    failures = {r.source: r.error for r in results if isinstance(r, LoadFailure)}
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:6"]
    assert articles[0].id == "a1" and articles[0].published == date(2025, 3, 12)
    assert articles[1].text == STORY[1] and articles[1].source is None
    assert set(failures) == {f"{path}:2", f"{path}:3", f"{path}:4"}
    assert "invalid JSON" in failures[f"{path}:2"]
    assert "missing or empty 'text'" in failures[f"{path}:3"]
    assert all("\n" not in error for error in failures.values())


def test_the_whole_bbc_file_loads() -> None:
    bbc = DATA / "bbc_news_summary.jsonl"
    if not bbc.is_file():
        pytest.skip(f"BBC data set not found at {bbc}")
    results = list(load_sources([str(bbc)]))
    articles = [r for r in results if isinstance(r, RawArticle)]
    assert len(articles) == len(results) == 2225
    assert articles[0].id == "business/001"
    assert articles[0].title == "Ad sales boost Time Warner profit"
    assert articles[0].source is None


# --- HTML ---------------------------------------------------------------------------------


def test_an_html_file_gives_title_outlet_author_and_clean_text(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(html_page(), encoding="utf-8")
    article = only(list(load_sources([str(path)])))
    assert article.title == "Council approves new bridge"
    assert article.source == "The Daily Example"
    assert article.author == "Ann Writer"
    assert article.text == STORY_TEXT


def test_an_html_date_comes_from_the_url_when_the_page_has_none() -> None:
    article = article_from_html(html_page(), url="https://example.com/2025/03/12/bridge")
    assert article.published == date(2025, 3, 12)


def test_an_html_date_comes_from_page_metadata_first() -> None:
    head = "<meta property='article:published_time' content='2024-11-05T10:00:00Z'>"
    article = article_from_html(html_page(extra_head=head), url="https://example.com/2025/03/12/x")
    assert article.published == date(2024, 11, 5)


def test_a_page_of_navigation_only_has_no_article_text() -> None:
    page = (
        "<html><body><nav><a href='/a'>Home</a><a href='/b'>World</a></nav>"
        "<script>var x = 1;</script></body></html>"
    )
    with pytest.raises(SourceError, match="no article text found"):
        article_from_html(page)


def test_a_meta_refresh_file_names_its_target(tmp_path: Path) -> None:
    path = tmp_path / "moved.html"
    path.write_text(
        "<html><head><meta http-equiv='refresh' content='0; url=https://example.com/new'>"
        "</head><body></body></html>",
        encoding="utf-8",
    )
    assert "https://example.com/new" in failure(list(load_sources([str(path)]))).error


@pytest.mark.parametrize(
    "name", ["cnn_002", "yna_co_kr", "chinese_article_001", "fox13now_001", "japanese_article2"]
)
def test_real_pages_give_the_expected_title(name: str) -> None:
    html, meta = FIXTURES / "html" / f"{name}.html", FIXTURES / "metadata" / f"{name}.json"
    if not (html.is_file() and meta.is_file()):
        pytest.skip(f"HTML fixtures not found under {FIXTURES}")
    expected = json.loads(meta.read_text("utf-8"))
    article = article_from_html(html.read_bytes(), url=expected["url"])
    assert " ".join((article.title or "").split()) == " ".join(expected["title"].split())


def test_plain_text_api_rejects_text_without_a_story() -> None:
    with pytest.raises(SourceError):
        article_from_text("Subscribe to our newsletter\n\nRead more")


# --- URLs and feeds -----------------------------------------------------------------------


def test_an_article_url_is_fetched_and_extracted_at_its_final_url(
    site: LocalSite, fetcher: UrllibFetcher
) -> None:
    final = site.add("/2025/03/12/bridge", html_page())
    site.redirects["/old-bridge"] = "/2025/03/12/bridge"
    article = only(list(load_sources([site.base + "/old-bridge"], fetcher)))
    assert article.url == final
    assert article.published == date(2025, 3, 12)
    assert article.origin == site.base + "/old-bridge"
    assert article.text == STORY_TEXT


def test_a_url_that_is_neither_html_nor_feed_is_a_failure(
    site: LocalSite, fetcher: UrllibFetcher
) -> None:
    url = site.add("/report.pdf", b"%PDF-1.4 binary", content_type="application/pdf")
    error = failure(list(load_sources([url], fetcher))).error
    assert error == "not an HTML page or feed (content type application/pdf)"


def test_a_fetch_error_is_a_one_line_failure(site: LocalSite, fetcher: UrllibFetcher) -> None:
    result = failure(list(load_sources([site.base + "/missing"], fetcher)))
    assert result.error.startswith("HTTP 404")


def test_a_url_without_a_fetcher_is_a_failure() -> None:
    assert "no page fetcher" in failure(list(load_sources(["https://example.com/a"]))).error


def test_a_meta_refresh_url_is_followed_with_the_fetcher(
    site: LocalSite, fetcher: UrllibFetcher
) -> None:
    target = site.add("/real", html_page())
    refresh = f"<html><head><meta http-equiv='refresh' content='0;URL={target}'></head></html>"
    url = site.add("/refresh", refresh)
    assert only(list(load_sources([url], fetcher))).title == "Council approves new bridge"


def rss_feed(items: str) -> str:
    return (
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
        f"<title>Example Times</title><link>https://example.com/</link>{items}</channel></rss>"
    )


def test_an_rss_feed_with_full_content_gives_one_article_per_entry(
    site: LocalSite, fetcher: UrllibFetcher
) -> None:
    content = "".join(f"<p>{p}</p>" for p in STORY)
    item = (
        "<item><title>Council approves new bridge</title><link>https://example.com/bridge</link>"
        "<pubDate>Wed, 12 Mar 2025 09:30:00 +0000</pubDate><author>ann@example.com (Ann Writer)"
        f"</author><description><![CDATA[{content}]]></description></item>"
    )
    url = site.add("/feed.xml", rss_feed(item), content_type="application/rss+xml")
    article = only(list(load_sources([url], fetcher)))
    assert article.title == "Council approves new bridge"
    assert article.url == "https://example.com/bridge"
    assert article.published == date(2025, 3, 12)
    assert article.source == "Example Times"
    assert article.author == "Ann Writer"
    assert article.text == STORY_TEXT


def test_a_feed_entry_with_only_a_teaser_is_fetched_from_its_link(
    site: LocalSite, fetcher: UrllibFetcher
) -> None:
    page = site.add("/news/bridge", html_page())
    teaser = (
        "<item><title>Bridge approved</title><link>{}</link><description>Short teaser."
        "</description><pubDate>Wed, 12 Mar 2025 09:30:00 GMT</pubDate></item>"
    )
    broken = "<item><title>Gone</title><link>{}</link></item>"
    items = teaser.format(page) + broken.format(site.base + "/news/gone")
    url = site.add("/feed", rss_feed(items), content_type="text/xml")
    results = list(load_sources([url], fetcher))
    assert len(results) == 2
    article, gone = results
    assert isinstance(article, RawArticle) and isinstance(gone, LoadFailure)
    assert article.title == "Bridge approved"
    assert article.text == STORY_TEXT
    assert article.source == "Example Times"
    assert article.published == date(2025, 3, 12)
    assert gone.source == site.base + "/news/gone"
    assert gone.error.startswith("HTTP 404")


def test_an_atom_feed_is_sniffed_from_its_body(site: LocalSite, fetcher: UrllibFetcher) -> None:
    content = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in STORY)
    atom = (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<title>Atom Example</title><id>urn:x</id><updated>2025-03-12T09:30:00Z</updated>"
        "<entry><title>Council approves new bridge</title><id>urn:1</id>"
        "<link href='https://example.com/a/bridge'/><updated>2025-03-12T09:30:00Z</updated>"
        f"<author><name>Ann Writer</name></author><content type='html'>{content}</content></entry>"
        "<entry><id>urn:2</id><updated>2025-03-12T09:30:00Z</updated></entry></feed>"
    )
    url = site.add("/atom", atom, content_type="application/octet-stream")
    results = list(load_sources([url], fetcher))
    article, empty = results
    assert isinstance(article, RawArticle) and article.text == STORY_TEXT
    assert article.source == "Atom Example" and article.author == "Ann Writer"
    assert isinstance(empty, LoadFailure) and empty.source == f"{url}#entry-2"
    assert empty.error == "feed entry has no text and no link"
