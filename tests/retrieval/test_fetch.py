"""SafeFetcher against a real HTTP server on 127.0.0.1 that records every request it gets.

Refused URLs point at that server wherever a spelling can reach it, and the tests check that the
server received nothing. No traffic leaves the loopback interface: refused addresses are never
connected to, and names other than localhost go through a stand-in resolver.
"""

from __future__ import annotations

import base64
import logging
import socket
import time
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from retrieval.errors import FetchRefused, SourceError
from retrieval.fetch import SafeFetcher
from retrieval.settings import EngineSettings
from tests.retrieval.local_http import (
    RecordingServer,
    Route,
    dribble,
    loopback_ipv6_available,
    self_signed_tls,
    send_body,
    send_chunked,
    send_redirect,
)

ARTICLE = "<html><head><title>Kursk</title></head><body>Crème brûlée</body></html>".encode()
SMALL_LIMIT = 100_000  # bytes; the "large" routes serve 2 MB
TWO_MB = 2_000_000


@cache
def gzip_bomb() -> bytes:
    """About 20 KB of gzip that inflates to 20 MB of zeros."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    megabyte_of_zeros = bytes(1_000_000)
    parts = [compressor.compress(megabyte_of_zeros) for _ in range(20)]
    return b"".join(parts) + compressor.flush()


def gzip(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    return compressor.compress(data) + compressor.flush()


def own_port(handler: BaseHTTPRequestHandler) -> int:
    address: tuple[str, int] = handler.server.server_address  # type: ignore[assignment]
    return address[1]


def chunks_of(total: int, size: int = 65_536) -> Iterator[bytes]:
    for start in range(0, total, size):
        yield b"x" * min(size, total - start)


def routes() -> dict[str, Route]:
    table: dict[str, Route] = {
        "/article": lambda h: send_body(h, ARTICLE, content_type="text/html; charset=UTF-8"),
        "/data.json": lambda h: send_body(h, b"{}", content_type="application/json"),
        "/echo-host": lambda h: send_body(h, h.headers["Host"].encode(), content_type="text/plain"),
        "/redirect-to-article": lambda h: send_redirect(h, "/article"),
        "/redirect-to-metadata": lambda h: send_redirect(h, "http://169.254.169.254/latest/"),
        "/redirect-to-private": lambda h: send_redirect(h, "http://10.0.0.5/admin"),
        "/redirect-to-file": lambda h: send_redirect(h, "file:///etc/passwd"),
        "/redirect-to-other-loopback": lambda h: send_redirect(
            h, f"http://127.0.0.2:{own_port(h)}/article"
        ),
        "/redirect-to-decimal-loopback": lambda h: send_redirect(
            h, f"http://2130706433:{own_port(h)}/article"
        ),
        "/redirect-to-localhost": lambda h: send_redirect(
            h, f"http://localhost:{own_port(h)}/article"
        ),
        "/loop-a": lambda h: send_redirect(h, "/loop-b"),
        "/loop-b": lambda h: send_redirect(h, "/loop-a"),
        "/chain/0": lambda h: send_redirect(h, "/article"),
        "/large": lambda h: send_body(h, b"x" * TWO_MB),
        "/large-chunked": lambda h: send_chunked(h, chunks_of(TWO_MB)),
        "/at-limit": lambda h: send_body(h, b"x" * SMALL_LIMIT),
        "/slow-body": slow_body,
        "/slow-headers": lambda h: dribble(
            h, b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", every_s=0.5, for_at_most_s=6
        ),
        "/gzip-bomb": lambda h: send_body(h, gzip_bomb(), headers={"Content-Encoding": "gzip"}),
        "/gzip-page": lambda h: send_body(h, gzip(ARTICLE), headers={"Content-Encoding": "gzip"}),
    }
    for n in range(1, 11):
        table[f"/chain/{n}"] = redirect_to(f"/chain/{n - 1}")
    return table


def redirect_to(location: str) -> Route:
    return lambda handler: send_redirect(handler, location)


def slow_body(handler: BaseHTTPRequestHandler) -> None:
    """Headers at once, then the body a byte every half second (a slow-loris server)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Content-Length", "100")
    handler.end_headers()
    dribble(handler, b"y" * 100, every_s=0.5, for_at_most_s=6)


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    with RecordingServer(routes()) as running:
        yield running


def fetcher(*allow_hosts: str, **overrides: Any) -> SafeFetcher:
    overrides.setdefault("fetch_host_interval_s", 0.0)  # pacing: tests/retrieval/test_feed_polling
    settings = EngineSettings(fetch_allow_hosts=list(allow_hosts), **overrides)
    return SafeFetcher(settings)


def refusal(url: str, *allow_hosts: str, **overrides: Any) -> str:
    """The one-line message of the FetchRefused that fetching ``url`` raises."""
    with fetcher(*allow_hosts, **overrides) as safe, pytest.raises(FetchRefused) as refused:
        safe.fetch(url)
    return str(refused.value)


# --- refusals: the server must receive nothing -------------------------------------------------

LOOPBACK_SPELLINGS = [
    "127.0.0.1",
    "localhost",
    "2130706433",  # decimal
    "017700000001",  # octal, one number
    "0177.0.0.1",  # octal, dotted
    "0177.1",  # octal, short
    "0x7f000001",  # hex
    "0x7f.1",  # hex, short
    "127.1",  # short
    "0.0.0.0",  # reaches local services on Linux
    "[::ffff:127.0.0.1]",  # IPv4-mapped IPv6
]


@pytest.mark.parametrize("spelling", LOOPBACK_SPELLINGS)
def test_every_spelling_of_the_loopback_address_is_refused_before_any_request(
    server: RecordingServer, spelling: str
) -> None:
    message = refusal(server.url("/article", host=spelling))

    assert message.startswith("refused: ")
    assert server.requests == []


def test_a_loopback_refusal_says_why_in_one_line(server: RecordingServer) -> None:
    assert refusal(server.url("/article")) == "refused: 127.0.0.1 is a loopback address"
    assert refusal(server.url("/a", host="2130706433")) == (
        "refused: 2130706433 resolves to 127.0.0.1, a loopback address"
    )


@pytest.mark.skipif(not loopback_ipv6_available(), reason="IPv6 loopback is not available")
def test_the_ipv6_loopback_is_refused_before_any_request() -> None:
    with RecordingServer(routes(), host="::1") as server_on_ipv6:
        message = refusal(f"http://[::1]:{server_on_ipv6.port}/article")

        assert message == "refused: ::1 is a loopback address"
        assert server_on_ipv6.requests == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://169.254.169.254/latest/", "refused: 169.254.169.254 is a cloud metadata address"),
        (
            "http://metadata.google.internal/",
            "refused: metadata.google.internal is a cloud metadata address",
        ),
        ("http://[fd00:ec2::254]/", "refused: fd00:ec2::254 is a cloud metadata address"),
        ("http://169.254.1.1/", "refused: 169.254.1.1 is a link-local address"),
        ("http://[fe80::1]/", "refused: fe80::1 is a link-local address"),
        ("http://10.0.0.5/", "refused: 10.0.0.5 is a private address"),
        ("http://172.16.3.4/", "refused: 172.16.3.4 is a private address"),
        ("http://192.168.1.1/", "refused: 192.168.1.1 is a private address"),
        ("http://[fd12::1]/", "refused: fd12::1 is a private address"),
        ("http://100.64.0.1/", "refused: 100.64.0.1 is a shared (carrier-grade NAT) address"),
        ("http://224.0.0.1/", "refused: 224.0.0.1 is a multicast address"),
        ("http://[::]/", "refused: :: is an unspecified address"),
        (
            "http://[2002:a00:5::]/",
            "refused: 2002:a00:5:: is a private address (IPv4 10.0.0.5 inside IPv6)",
        ),
        (
            "http://[::ffff:10.0.0.5]/",
            "refused: ::ffff:10.0.0.5 is a private address (IPv4 10.0.0.5 inside IPv6)",
        ),
    ],
)
def test_private_link_local_and_metadata_addresses_are_refused_without_connecting(
    url: str, message: str
) -> None:
    started = time.monotonic()

    assert refusal(url) == message
    assert time.monotonic() - started < 1.0  # no connection attempt to an unroutable address


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "refused: scheme 'file' is not allowed (http and https only)"),
        ("ftp://127.0.0.1:{port}/", "refused: scheme 'ftp' is not allowed (http and https only)"),
        (
            "gopher://127.0.0.1:{port}/_GET",
            "refused: scheme 'gopher' is not allowed (http and https only)",
        ),
        (
            "data:text/html,<h1>hi</h1>",
            "refused: scheme 'data' is not allowed (http and https only)",
        ),
        (
            "javascript:alert(1)",
            "refused: scheme 'javascript' is not allowed (http and https only)",
        ),
        ("//127.0.0.1:{port}/article", "refused: the URL has no scheme (http and https only)"),
        ("127.0.0.1:{port}/article", "refused: the URL has no scheme (http and https only)"),
    ],
)
def test_schemes_other_than_http_and_https_are_refused_even_for_allowed_hosts(
    server: RecordingServer, url: str, message: str
) -> None:
    assert refusal(url.format(port=server.port), "127.0.0.1") == message
    assert server.requests == []


def test_a_host_name_with_any_private_address_is_refused() -> None:
    safe = SafeFetcher(EngineSettings(), resolver=lambda host, port: ["93.184.215.14", "10.0.0.5"])
    with safe, pytest.raises(FetchRefused) as refused:
        safe.fetch("https://mixed.example/")

    assert str(refused.value) == "refused: mixed.example resolves to 10.0.0.5, a private address"


# --- allowed hosts: fetching works, and every limit still applies --------------------------------


def test_an_allowed_server_is_fetched_with_its_body_type_encoding_and_url(
    server: RecordingServer,
) -> None:
    with fetcher("127.0.0.1") as safe:
        page = safe.fetch(server.url("/article"))

    assert page.body == ARTICLE
    assert page.status == 200
    assert page.content_type == "text/html"
    assert page.encoding == "utf-8"
    assert page.url == server.url("/article")
    assert [request.path for request in server.requests] == ["/article"]
    assert server.requests[0].headers["User-Agent"] == EngineSettings().user_agent


def test_a_response_without_charset_has_no_encoding(server: RecordingServer) -> None:
    with fetcher("127.0.0.0/8") as safe:
        page = safe.fetch(server.url("/data.json"))

    assert (page.content_type, page.encoding, page.body) == ("application/json", None, b"{}")


def test_an_allowed_host_name_is_fetched(server: RecordingServer) -> None:
    with fetcher("LocalHost") as safe:
        page = safe.fetch(server.url("/article", host="localhost"))

    assert page.body == ARTICLE


def test_a_redirect_to_an_allowed_path_reports_the_final_url(server: RecordingServer) -> None:
    with fetcher("127.0.0.1") as safe:
        page = safe.fetch(server.url("/chain/3"))

    assert page.url == server.url("/article")
    assert page.body == ARTICLE
    paths = [request.path for request in server.requests]
    assert paths == ["/chain/3", "/chain/2", "/chain/1", "/chain/0", "/article"]


@pytest.mark.parametrize(
    ("path", "allowed", "message"),
    [
        (
            "/redirect-to-metadata",
            "127.0.0.1",
            "refused: 169.254.169.254 is a cloud metadata address",
        ),
        ("/redirect-to-private", "127.0.0.1", "refused: 10.0.0.5 is a private address"),
        ("/redirect-to-other-loopback", "127.0.0.1", "refused: 127.0.0.2 is a loopback address"),
        (
            "/redirect-to-decimal-loopback",
            "localhost",
            "refused: 2130706433 resolves to 127.0.0.1, a loopback address",
        ),
        (
            "/redirect-to-file",
            "127.0.0.1",
            "refused: scheme 'file' is not allowed (http and https only)",
        ),
    ],
)
def test_a_redirect_from_an_allowed_host_to_a_refused_one_is_refused_on_that_hop(
    server: RecordingServer, path: str, allowed: str, message: str
) -> None:
    url = server.url(path, host=allowed)

    assert refusal(url, allowed) == f"{message} (redirected from {url})"
    assert [request.path for request in server.requests] == [path]


def test_a_redirect_loop_stops_with_a_clear_error(server: RecordingServer) -> None:
    with fetcher("127.0.0.1") as safe, pytest.raises(SourceError) as failed:
        safe.fetch(server.url("/loop-a"))

    assert str(failed.value) == f"redirect loop: {server.url('/loop-a')} was already visited"
    assert len(server.requests) == 2


def test_more_redirects_than_allowed_stop_with_a_clear_error(server: RecordingServer) -> None:
    with fetcher("127.0.0.1", fetch_max_redirects=3) as safe, pytest.raises(SourceError) as failed:
        safe.fetch(server.url("/chain/10"))

    assert str(failed.value) == "too many redirects (more than 3)"
    assert len(server.requests) == 4  # the first request and three redirects


def test_a_missing_page_gives_the_status_and_url(server: RecordingServer) -> None:
    with fetcher("127.0.0.1") as safe, pytest.raises(SourceError) as failed:
        safe.fetch(server.url("/missing"))

    assert not isinstance(failed.value, FetchRefused)
    assert str(failed.value) == f"http 404 from {server.url('/missing')}"


@pytest.mark.parametrize("path", ["/large", "/large-chunked"])
def test_a_body_larger_than_the_limit_is_cut_off(server: RecordingServer, path: str) -> None:
    message = refusal(server.url(path), "127.0.0.1", fetch_max_bytes=SMALL_LIMIT)

    assert message == "body larger than 100 kB"


def test_a_body_exactly_at_the_limit_is_fetched(server: RecordingServer) -> None:
    with fetcher("127.0.0.1", fetch_max_bytes=SMALL_LIMIT) as safe:
        page = safe.fetch(server.url("/at-limit"))

    assert len(page.body) == SMALL_LIMIT


def test_a_gzip_bomb_is_cut_off_at_the_limit(server: RecordingServer) -> None:
    started = time.monotonic()

    message = refusal(server.url("/gzip-bomb"), "127.0.0.1", fetch_max_bytes=1_000_000)

    assert message == "body larger than 1 MB"
    assert time.monotonic() - started < 2.0


def test_a_gzip_encoded_page_is_decompressed(server: RecordingServer) -> None:
    with fetcher("127.0.0.1") as safe:
        page = safe.fetch(server.url("/gzip-page"))

    assert page.body == ARTICLE
    assert server.requests[0].headers["Accept-Encoding"] == "gzip, deflate"


@pytest.mark.parametrize("path", ["/slow-body", "/slow-headers"])
def test_a_server_dribbling_bytes_is_cut_off_at_the_timeout(
    server: RecordingServer, path: str
) -> None:
    started = time.monotonic()
    with fetcher("127.0.0.1", fetch_timeout_s=1.5) as safe, pytest.raises(SourceError) as failed:
        safe.fetch(server.url(path))

    assert str(failed.value) == "timed out after 1.5 s"
    assert 1.4 < time.monotonic() - started < 2.5


# --- credentials, pinning, threads -------------------------------------------------------------


def test_credentials_in_the_url_never_appear_in_messages_or_logs(
    server: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="retrieval.fetch")
    url_with_secret = f"http://alice:s3cret@127.0.0.1:{server.port}"
    messages = []
    with fetcher("127.0.0.1", fetch_max_bytes=SMALL_LIMIT) as safe:
        for url in [
            f"{url_with_secret}/missing",
            f"{url_with_secret}/large",
            f"{url_with_secret}/redirect-to-private",
            "http://alice:s3cret@10.0.0.5/",
            "file://alice:s3cret@localhost/etc/passwd",
        ]:
            with pytest.raises(SourceError) as failed:
                safe.fetch(url)
            messages.append(str(failed.value))

    assert messages[0] == f"http 404 from {server.url('/missing')}"
    for text in [*messages, caplog.text]:
        assert "s3cret" not in text
        assert "alice" not in text


def test_credentials_are_sent_to_their_origin_but_not_reported_in_the_url(
    server: RecordingServer,
) -> None:
    with fetcher("127.0.0.1") as safe:
        page = safe.fetch(f"http://alice:s3cret@127.0.0.1:{server.port}/redirect-to-article")

    assert page.url == server.url("/article")
    expected = "Basic " + base64.b64encode(b"alice:s3cret").decode()
    assert [request.headers.get("Authorization") for request in server.requests] == [
        expected,
        expected,
    ]


def test_credentials_are_not_sent_to_another_origin_after_a_redirect(
    server: RecordingServer,
) -> None:
    with fetcher("127.0.0.1", "localhost") as safe:
        page = safe.fetch(f"http://alice:s3cret@127.0.0.1:{server.port}/redirect-to-localhost")

    assert page.url == server.url("/article", host="localhost")
    assert [request.headers.get("Authorization") for request in server.requests] == [
        "Basic " + base64.b64encode(b"alice:s3cret").decode(),
        None,
    ]


def test_a_host_that_does_not_resolve_gives_a_clear_error() -> None:
    def resolver_knowing_nothing(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    safe = SafeFetcher(EngineSettings(), resolver=resolver_knowing_nothing)
    with safe, pytest.raises(SourceError) as failed:
        safe.fetch("https://example.invalid/news")

    assert str(failed.value) == "could not resolve host example.invalid"


def test_a_closed_port_gives_a_clear_error(server: RecordingServer) -> None:
    port = server.port
    server.stop()  # nothing listens on the port any more
    with fetcher("127.0.0.1") as safe, pytest.raises(SourceError) as failed:
        safe.fetch(f"http://127.0.0.1:{port}/article")

    assert str(failed.value).startswith(f"could not connect to http://127.0.0.1:{port}: ")


def test_a_host_name_is_resolved_once_and_connected_at_its_vetted_address(
    server: RecordingServer,
) -> None:
    answers = iter([["127.0.0.1"], ["10.0.0.5"]])  # a rebinding DNS server's two answers
    lookups: list[tuple[str, int]] = []

    def rebinding_resolver(host: str, port: int) -> list[str]:
        lookups.append((host, port))
        return next(answers)

    settings = EngineSettings(fetch_allow_hosts=["127.0.0.1"])
    with SafeFetcher(settings, resolver=rebinding_resolver) as safe:
        page = safe.fetch(f"http://news.example:{server.port}/echo-host")

    assert page.body == f"news.example:{server.port}".encode()  # the Host header carries the name
    assert lookups == [("news.example", server.port)]


@pytest.fixture
def https_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordingServer]:
    """An https server with a certificate for news.example that fetchers made now will trust."""
    tls = self_signed_tls("news.example", tmp_path)
    if tls is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    server_context, certificate = tls
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate))
    with RecordingServer(routes(), tls=server_context) as running:
        yield running


def resolve_everything_to_loopback(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


def test_https_connects_to_the_vetted_address_and_verifies_the_url_host_name(
    https_server: RecordingServer,
) -> None:
    settings = EngineSettings(fetch_allow_hosts=["127.0.0.1"])
    with SafeFetcher(settings, resolver=resolve_everything_to_loopback) as safe:
        page = safe.fetch(https_server.url("/echo-host", host="news.example"))

    assert page.url == https_server.url("/echo-host", host="news.example")
    assert page.body == f"news.example:{https_server.port}".encode()


def test_https_to_a_name_the_certificate_does_not_cover_fails(
    https_server: RecordingServer,
) -> None:
    settings = EngineSettings(fetch_allow_hosts=["127.0.0.1"])
    safe = SafeFetcher(settings, resolver=resolve_everything_to_loopback)
    with safe, pytest.raises(SourceError) as failed:
        safe.fetch(https_server.url("/echo-host", host="other.example"))

    assert "Hostname mismatch" in str(failed.value)
    assert https_server.requests == []


def test_one_fetcher_serves_many_threads_at_once(server: RecordingServer) -> None:
    with fetcher("127.0.0.1") as safe, ThreadPoolExecutor(max_workers=8) as pool:
        pages = list(pool.map(safe.fetch, [server.url("/article")] * 16))

    assert all(page.body == ARTICLE for page in pages)
    assert len(server.requests) == 16
