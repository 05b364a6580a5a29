"""Polling a feed politely, through the real engine and a local news site that records every
request: conditional GETs, no refetching of stored entries, a User-Agent naming the bot, and
time between two requests to one host."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from tests.retrieval.local_http import RecordingServer, send_body

PARAGRAPH = (
    "The council said on Tuesday that the work on {topic} would start next spring and cost "
    "about {n} million euros, and that residents would be consulted before any decision. "
    "Officials added that the plans for {topic} had been discussed for several years."
)
PACING_S = 0.3


def page(topic: str, n: int) -> bytes:
    body = "".join(
        f"<p>{PARAGRAPH.format(topic=topic, n=n + i)}</p>" for i in range(3)
    )  # three paragraphs: an article, not a teaser
    return (
        f"<html><head><title>Plans for {topic}</title></head><body><article>"
        f"<h1>Plans for {topic}</h1>{body}</article></body></html>"
    ).encode()


@dataclass
class NewsSite:
    """A feed of summary-only entries (each links to its page) that honours ETag and
    Last-Modified, and the pages."""

    topics: list[str]
    conditional: bool = True  # False: a server that ignores ETag and Last-Modified
    server: RecordingServer | None = None
    page_hits: list[tuple[str, float]] = field(default_factory=list)
    feed_answers: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def etag(self) -> str:
        return f'"v{len(self.topics)}"'

    last_modified = "Wed, 12 Mar 2025 06:00:00 GMT"

    def feed(self, handler: BaseHTTPRequestHandler) -> None:
        assert self.server is not None
        if self.conditional and handler.headers.get("If-None-Match") == self.etag:
            with self.lock:
                self.feed_answers.append(304)
            handler.send_response(304)
            handler.send_header("ETag", self.etag)
            handler.end_headers()
            return
        items = "".join(
            f"<item><title>Plans for {t}</title><link>{self.server.url('/' + t)}</link>"
            f"<description>Short teaser about {t}.</description></item>"
            for t in self.topics
        )
        xml = f'<?xml version="1.0"?><rss version="2.0"><channel><title>City Post</title>{items}'
        with self.lock:
            self.feed_answers.append(200)
        send_body(
            handler,
            (xml + "</channel></rss>").encode(),
            content_type="application/rss+xml",
            headers={"ETag": self.etag, "Last-Modified": self.last_modified}
            if self.conditional
            else {},
        )

    def route(self, topic: str) -> Callable[[BaseHTTPRequestHandler], None]:
        def serve(handler: BaseHTTPRequestHandler) -> None:
            with self.lock:
                self.page_hits.append((topic, time.monotonic()))
            send_body(handler, page(topic, len(topic)))

        return serve


class Routes(dict[str, Any]):
    """Routes that look pages up on the site as topics are added."""

    def __init__(self, site: NewsSite) -> None:
        super().__init__()
        self.site = site

    def get(self, path: str, default: Any = None) -> Any:  # type: ignore[override]
        if path == "/feed.xml":
            return self.site.feed
        topic = path.strip("/")
        return self.site.route(topic) if topic in self.site.topics else default


@pytest.fixture
def site() -> Iterator[NewsSite]:
    news = NewsSite(topics=["harbour", "bridge", "library"])
    with RecordingServer(Routes(news)) as server:
        news.server = server
        yield news


def polling_service(tmp_path: Path, make_service: Callable[..., Any], pacing_s: float) -> Any:
    from retrieval.settings import EngineSettings

    settings = EngineSettings(
        store_dir=tmp_path / "store",
        chat_model="extractive",
        fetch_allow_hosts=["127.0.0.1"],
        fetch_host_interval_s=pacing_s,
    )
    return make_service(settings, with_model=False)


def test_requests_name_the_bot_and_one_host_is_given_time_between_them(
    site: NewsSite, tmp_path: Path, make_service: Callable[..., Any]
) -> None:
    assert site.server is not None
    service = polling_service(tmp_path, make_service, PACING_S)
    report = service.ingest([site.server.url("/feed.xml")])
    assert (report.added, report.failed) == (3, [])
    assert all("newsbot" in r.headers.get("User-Agent", "") for r in site.server.requests)
    starts = sorted(at for _, at in site.page_hits)
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    assert min(gaps) >= PACING_S * 0.9, gaps


def test_a_feed_is_polled_conditionally_and_stored_entries_are_not_fetched_again(
    site: NewsSite, tmp_path: Path, make_service: Callable[..., Any]
) -> None:
    assert site.server is not None
    service = polling_service(tmp_path, make_service, 0.0)
    feed = site.server.url("/feed.xml")

    first = service.ingest([feed])
    assert (first.added, first.failed) == (3, [])
    assert sorted(topic for topic, _ in site.page_hits) == ["bridge", "harbour", "library"]
    assert "If-None-Match" not in site.server.requests[0].headers

    # Nothing changed: the feed answers 304 to the conditional GET; no page is fetched.
    second = service.ingest([feed])
    assert (second.added, second.updated, second.failed) == (0, 0, [])
    assert site.feed_answers == [200, 304]
    assert site.server.requests[-1].headers.get("If-None-Match") == site.etag
    assert site.server.requests[-1].headers.get("If-Modified-Since") == site.last_modified
    assert len(site.page_hits) == 3

    # A new entry: the feed is read again, and only the new entry's page is fetched.
    site.topics.append("stadium")
    third = service.ingest([feed])
    assert (third.added, third.failed) == (1, [])
    assert site.feed_answers == [200, 304, 200]
    assert [topic for topic, _ in site.page_hits[3:]] == ["stadium"]
    assert service.store.count_articles() == 4


def test_a_feed_without_validators_is_read_again_but_stored_entries_are_not_fetched(
    site: NewsSite, tmp_path: Path, make_service: Callable[..., Any]
) -> None:
    assert site.server is not None
    site.conditional = False
    service = polling_service(tmp_path, make_service, 0.0)
    feed = site.server.url("/feed.xml")
    assert service.ingest([feed]).added == 3

    again = service.ingest([feed])

    assert (again.added, again.updated, again.unchanged, again.failed) == (0, 0, 3, [])
    assert {a.status for a in again.articles} == {"unchanged"}
    assert site.feed_answers == [200, 200]
    assert "If-None-Match" not in site.server.requests[-1].headers
    assert len(site.page_hits) == 3  # the three stored entries' pages were not fetched again
