"""The bad-input corpus: every hostile or broken source the hardening tests feed to ``ingest``.

Small text cases are committed beside this script (``files/``, ``feeds/``, ``pages/``,
``broken_lines.jsonl``, ``odd_dates.jsonl``). Binary, huge and legacy-encoded cases are written
by :func:`write_generated_files` at test time into a temporary folder, so no 20 MB or binary file
ever enters git. URL cases are answered by :func:`site_routes`, served on 127.0.0.1 by the test.

:func:`build_corpus` returns one :class:`Case` per case with the outcome it must have:

* ``failed``: the case is listed in the ingest report's ``failed`` under ``label`` with a
  one-line error (containing ``error_part`` when given), and nothing else in the run is harmed;
* ``stored``: the case is an article that must be stored (``contains``: words its stored text
  must hold, ``published``: the date it must carry, or ``None`` for "no date").

Run it as a script to write the generated files into a folder for a look:
``python tests/hardening/bad_inputs/make_bad_inputs.py /tmp/bad``.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
FEEDS = HERE / "feeds"
PAGES = HERE / "pages"

MB = 1_000_000
# The limits the test gives the fetcher (NEWSBOT_FETCH_*), small so bad URLs end fast.
FETCH_TIMEOUT_S = 1.0
FETCH_MAX_BYTES = 1 * MB

Route = Callable[[BaseHTTPRequestHandler], None]

RUSSIAN_TITLE = "Мэрия Москвы открыла новую станцию метро"
RUSSIAN_BODY = (
    "Мэр Москвы Сергей Собянин в субботу открыл новую станцию метро на юго-западе столицы, "
    "сообщила пресс-служба мэрии.\n\n"
    "По словам мэра, станцией будут ежедневно пользоваться около сорока тысяч пассажиров, а "
    "время поездки до центра города сократится на пятнадцать минут."
)
JAPANESE_TITLE = "大阪で新しい美術館が開館"
JAPANESE_BODY = (
    "大阪市は十日、中之島に建設していた新しい美術館が完成し、一般公開を始めたと発表した。"
    "開館初日には約三千人が訪れた。\n\n"
    "美術館では国内外の近代美術作品およそ六千点を所蔵しており、市は年間五十万人の来館を見込んでいる。"
)
ENGLISH_STORY = (
    "Harbour Cranes Replaced\n\n"
    "The port authority replaced three of its oldest container cranes on Thursday, a project that "
    "cost 41 million euros and took eight months, the authority's director said.\n\n"
    "The new cranes can lift two containers at once, which the authority expects to cut the time "
    "ships spend at the quay by a fifth.\n"
)


@dataclass
class Case:
    name: str
    source: str  # what is passed to ``ingest``
    expect: str  # "failed" or "stored"
    label: str  # the report's ``source`` for this case (path, URL, path:LINE, feed#entry-N)
    about: str
    error_part: str | None = None  # for failed cases: a phrase the error must contain
    contains: list[str] = field(default_factory=list)  # for stored cases
    published: str | bool | None = False  # for stored cases: False means "not checked"


# ------------------------------------------------------------------------------- generated


def write_generated_files(folder: Path) -> dict[str, Path]:
    """Binary, huge, empty and legacy-encoded cases; returns name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20250312)
    made: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        path = folder / name
        path.write_bytes(data)
        made[name] = path

    put("empty.txt", b"")
    put("empty.md", b"")
    put("empty.html", b"")
    put("empty.jsonl", b"")
    put("bom_only.txt", b"\xef\xbb\xbf")

    def noise(size: int) -> bytes:
        return bytes(rng.randrange(256) for _ in range(size))

    put("png_named.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise(4096))
    put("zeros.md", b"\x00" * 10_000)
    put("random_bytes.txt", noise(20_000))
    put("elf_named.html", b"\x7fELF\x02\x01\x01\x00" + noise(8192))
    put(
        "control_chars.txt",
        bytes(rng.choice(b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f") for _ in range(5000))
        + b"Some words at the end.",
    )
    put("utf16_odd_length.txt", b"\xff\xfe" + "Bridge".encode("utf-16-le") + b"\x00\xd8\x41")
    put("gzip_named.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + noise(2048))
    # Mostly good UTF-8 with stray bytes that are not UTF-8 in the middle of the text.
    put(
        "invalid_utf8.txt",
        ENGLISH_STORY.replace("eight months", "eight \xff\xfe months")
        .encode("utf-8")
        .replace(b"\xc3\xbf\xc3\xbe", b"\xff\xfe"),
    )
    put("russian_cp1251.txt", f"{RUSSIAN_TITLE}\n\n{RUSSIAN_BODY}\n".encode("cp1251"))
    put("japanese_shift_jis.txt", f"{JAPANESE_TITLE}\n\n{JAPANESE_BODY}\n".encode("shift_jis"))
    put(
        "russian_cp1251.html",
        (
            '<html><head><meta charset="windows-1251"><title>' + RUSSIAN_TITLE + "</title></head>"
            "<body><article><h1>"
            + RUSSIAN_TITLE
            + "</h1>"
            + "".join(f"<p>{p}</p>" for p in RUSSIAN_BODY.split("\n\n"))
            + "<p>Новая станция стала двести пятидесятой в столичном метрополитене.</p>"
            + "</article></body></html>"
        ).encode("cp1251"),
    )
    # A 20 MB article: far past any real article, refused before it is read.
    paragraph = (
        "The committee met again on Tuesday to discuss the harbour budget, and the "
        "discussion went on for many hours without any decision being taken. "
    ) * 8
    big = "A Very Long Article\n\n" + (paragraph + "\n\n") * (20 * MB // (len(paragraph) + 2))
    put("huge_20mb.txt", big.encode())
    put(
        "huge_20mb.html",
        (
            "<html><body><article><p>"
            + big.replace("\n\n", "</p><p>")
            + "</p></article></body></html>"
        ).encode(),
    )
    # JSONL lines only a generator can write: bytes that are not UTF-8, absurd nesting, 6 MB.
    good = {
        "id": "hardening-generated-good",
        "title": "Cable Car Reopens",
        "text": "The cable car to the old fort reopened on Friday after a safety "
        "inspection found no faults, the operator said, and 1,400 people rode it "
        "on the first day.",
    }
    lines = [
        json.dumps(good).encode(),
        b'{"id": "latin1", "text": "caf\xe9 and cr\xe8me in Latin-1, not UTF-8"}',
        b"[" * 200_000 + b"]" * 200_000,
        json.dumps({"id": "hardening-six-mb", "text": "word " * (6 * MB // 5)}).encode(),
    ]
    put("generated_lines.jsonl", b"\n".join(lines) + b"\n")
    # Folders and things that are not files.
    empty_folder = folder / "empty_folder"
    empty_folder.mkdir(exist_ok=True)
    made["empty_folder"] = empty_folder
    other_files = folder / "only_other_files"
    other_files.mkdir(exist_ok=True)
    (other_files / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    (other_files / "notes.docx").write_bytes(b"PK\x03\x04")
    made["only_other_files"] = other_files
    folder_named_txt = folder / "folder_named.txt"
    folder_named_txt.mkdir(exist_ok=True)
    made["folder_named.txt"] = folder_named_txt
    fifo = folder / "pipe.txt"
    if hasattr(os, "mkfifo") and not fifo.exists():
        os.mkfifo(fifo)
    made["pipe.txt"] = fifo
    return made


# ------------------------------------------------------------------------------- the site


def _send(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    *,
    status: int = 200,
    content_type: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def _redirect(location: str) -> Route:
    return lambda h: _send(
        h, b"", status=302, content_type="text/plain", headers={"Location": location}
    )


def _hang(handler: BaseHTTPRequestHandler) -> None:
    """Say nothing for longer than the fetch timeout, then hang up."""
    handler.close_connection = True
    time.sleep(FETCH_TIMEOUT_S + 1.5)


def _hang_up_after_headers(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "5000")
    handler.end_headers()
    handler.wfile.write(b"<html><body><p>The story begins")
    handler.close_connection = True


def _fifty_mb_declared(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(50 * MB))
    handler.end_headers()
    handler.close_connection = True  # the fetcher refuses on the header; send nothing more


def _fifty_mb_streamed(handler: BaseHTTPRequestHandler) -> None:
    """50 MB with no Content-Length, chunk by chunk, until the client stops reading."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    handler.close_connection = True
    piece = b"<p>" + b"filler " * 9000 + b"</p>"
    deadline = time.monotonic() + 10
    sent = 0
    while sent < 50 * MB and time.monotonic() < deadline:
        handler.wfile.write(b"%x\r\n%b\r\n" % (len(piece), piece))
        sent += len(piece)
    handler.wfile.write(b"0\r\n\r\n")


def site_routes(site: str) -> dict[str, Route]:
    """Paths of the local test site; ``site`` is its base URL (``http://127.0.0.1:PORT``)."""

    def page(path: Path, content_type: str = "text/html; charset=utf-8") -> Route:
        body = path.read_bytes().replace(b"{site}", site.encode())
        return lambda h: _send(h, body, content_type=content_type)

    def fixed(body: bytes, content_type: str, status: int = 200) -> Route:
        return lambda h: _send(h, body, status=status, content_type=content_type)

    refresh_loop = (
        b'<html><head><meta http-equiv="refresh" content="0; url='
        + site.encode()
        + b'/refresh-loop"></head><body></body></html>'
    )
    return {
        "/good-article": page(PAGES / "good_article.html"),
        "/not-found": fixed(b"<h1>404</h1>", "text/html", status=404),
        "/server-error": fixed(b"oops", "text/plain", status=500),
        "/gone": fixed(b"", "text/html", status=410),
        "/loop-a": _redirect("/loop-b"),
        "/loop-b": _redirect("/loop-a"),
        **{f"/chain-{i}": _redirect(f"/chain-{i + 1}") for i in range(10)},
        "/redirect-to-private": _redirect("http://10.1.2.3/admin"),
        "/redirect-to-ftp": _redirect("ftp://127.0.0.1/file"),
        "/redirect-no-location": fixed(b"", "text/plain", status=302),
        "/slow": _hang,
        "/hang-up": _hang_up_after_headers,
        "/fifty-mb-declared": _fifty_mb_declared,
        "/fifty-mb-streamed": _fifty_mb_streamed,
        "/report.pdf": fixed(
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf"
        ),
        "/photo.png": fixed(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
        "/data.json": fixed(b'{"title": "json", "text": "not a page"}', "application/json"),
        "/empty-page": fixed(b"", "text/html"),
        "/nav-only": page(FILES / "nav_only.html"),
        "/script-only": page(FILES / "script_only.html"),
        "/refresh-loop": fixed(refresh_loop, "text/html"),
        "/binary-as-html": fixed(bytes(range(256)) * 8, "text/html"),
        "/feed-malformed": page(FEEDS / "malformed_entries.rss", "application/rss+xml"),
        "/feed-truncated": page(FEEDS / "truncated.rss", "application/rss+xml"),
        "/feed-empty": page(FEEDS / "no_entries.rss", "application/rss+xml"),
        "/missing-story": fixed(b"<h1>Not found</h1>", "text/html", status=404),
    }


# ------------------------------------------------------------------------------- the cases


def build_corpus(workdir: Path, site: str, closed_port: int) -> list[Case]:
    """Every case; generated files are written under ``workdir``."""
    gen = write_generated_files(workdir / "generated")
    cases: list[Case] = []

    def fail(
        name: str,
        source: str | Path,
        about: str,
        error_part: str | None = None,
        label: str | None = None,
    ) -> None:
        cases.append(Case(name, str(source), "failed", label or str(source), about, error_part))

    def keep(
        name: str,
        source: str | Path,
        about: str,
        label: str | None = None,
        contains: list[str] | None = None,
        published: str | bool | None = False,
    ) -> None:
        cases.append(
            Case(
                name,
                str(source),
                "stored",
                label or str(source),
                about,
                contains=contains or [],
                published=published,
            )
        )

    # Empty, whitespace, binary, encodings.
    fail("empty .txt", gen["empty.txt"], "0-byte text file", "empty")
    fail("empty .md", gen["empty.md"], "0-byte markdown file", "empty")
    fail("empty .html", gen["empty.html"], "0-byte HTML file", "empty")
    fail("empty .jsonl", gen["empty.jsonl"], "0-byte JSONL file", "empty")
    fail("BOM only", gen["bom_only.txt"], "a UTF-8 byte-order mark and nothing else")
    fail("whitespace .txt", FILES / "whitespace_only.txt", "spaces, tabs, CRLF only", "empty")
    fail("whitespace .md", FILES / "whitespace_only.md", "blank lines only", "empty")
    fail("blank .jsonl", FILES / "blank_lines.jsonl", "JSONL of blank lines", "empty")
    fail("PNG named .txt", gen["png_named.txt"], "PNG bytes with a .txt name", "binary")
    fail("NULs named .md", gen["zeros.md"], "10 kB of NUL bytes", "binary")
    fail("random bytes .txt", gen["random_bytes.txt"], "20 kB of random bytes", "binary")
    fail("ELF named .html", gen["elf_named.html"], "an executable named .html")
    fail("control characters", gen["control_chars.txt"], "mostly C0 control characters", "binary")
    fail("broken UTF-16", gen["utf16_odd_length.txt"], "UTF-16 BOM, odd length, lone surrogate")
    fail("gzip named .txt", gen["gzip_named.txt"], "gzip bytes with a .txt name", "binary")
    keep(
        "invalid UTF-8 bytes",
        gen["invalid_utf8.txt"],
        "UTF-8 story with stray 0xFF 0xFE bytes",
        contains=["container cranes", "41 million euros"],
    )
    keep(
        "Windows-1251 Russian",
        gen["russian_cp1251.txt"],
        "legacy Cyrillic encoding",
        contains=["Собянин", "станцию метро", "пассажиров"],
    )
    keep(
        "Shift-JIS Japanese",
        gen["japanese_shift_jis.txt"],
        "legacy Japanese encoding",
        contains=["美術館", "大阪市", "来館"],
    )
    keep(
        "Windows-1251 HTML",
        gen["russian_cp1251.html"],
        "HTML declaring charset windows-1251",
        contains=["Собянин", "двести пятидесятой"],
    )
    # Size.
    fail("20 MB .txt", gen["huge_20mb.txt"], "a 20 MB article", "too large")
    fail("20 MB .html", gen["huge_20mb.html"], "a 20 MB HTML page", "too large")
    # HTML without an article.
    fail("navigation only", FILES / "nav_only.html", "menus, header and footer", "no article")
    fail(
        "script only",
        FILES / "script_only.html",
        "scripts, a noscript and an empty root",
        "no article",
    )
    fail("truncated head", FILES / "truncated_head.html", "file ends inside <title>", "no article")
    keep(
        "truncated article",
        FILES / "truncated_article.html",
        "file ends mid-paragraph; the story before the cut is kept",
        contains=["corroded steel cables", "eleven weeks"],
    )
    fail("comments only", FILES / "comments_only.html", "HTML comments and no text", "no article")
    fail("empty body", FILES / "empty_body.html", "<body></body>", "no article")
    fail(
        "meta refresh file",
        FILES / "meta_refresh.html",
        "a local page that only redirects",
        "meta refresh",
    )
    fail(
        "furniture only",
        FILES / "furniture_only.txt",
        "banners and buttons, no story",
        "no article",
    )
    # Not sources at all.
    fail(".json file", FILES / "not_a_source.json", "JSON, not JSONL", ".jsonl")
    fail(".pdf file", FILES / "report.pdf", "an unsupported extension", "unsupported file type")
    fail("missing path", workdir / "no-such-file.txt", "a path that does not exist", "no such")
    fail("empty folder", gen["empty_folder"], "a folder with nothing in it", "folder has no")
    fail(
        "folder of other files",
        gen["only_other_files"],
        "only .jpg and .docx inside",
        "folder has no",
    )
    fail(
        "folder named .txt",
        gen["folder_named.txt"],
        "a directory called folder_named.txt",
        "folder has no",
    )
    fail(
        "named pipe .txt",
        gen["pipe.txt"],
        "a FIFO named .txt (reading would block)",
        "not a regular file",
    )
    fail("ftp URL", "ftp://127.0.0.1/news.txt", "unsupported scheme", "scheme")
    fail("file URL", "file:///etc/passwd", "a file:// URL", "scheme")
    # Sidecars.
    fail("broken sidecar", FILES / "sidecar_broken.txt", "NAME.meta.json is not JSON", "sidecar")
    fail(
        "sidecar bad date",
        FILES / "sidecar_bad_date.txt",
        "sidecar 'published': 'last Tuesday'",
        "not a date",
    )
    fail("sidecar list", FILES / "sidecar_list.txt", "sidecar holds a JSON list", "JSON object")
    # JSONL with broken lines among good ones.
    jsonl = FILES.parent / "broken_lines.jsonl"
    keep(
        "JSONL good line 1",
        jsonl,
        "good line before the broken ones",
        f"{jsonl}:1",
        contains=["late-night bus services"],
        published="2025-03-10",
    )
    fail("JSONL unterminated", jsonl, "line 2 is cut off", "invalid JSON", f"{jsonl}:2")
    fail("JSONL no text", jsonl, "line 3 has a title and no text", "text", f"{jsonl}:3")
    keep(
        "JSONL good body",
        jsonl,
        "good line with 'body' and a slashed date",
        f"{jsonl}:4",
        contains=["riverside road"],
        published="2025-03-12",
    )
    fail("JSONL array", jsonl, "line 5 is an array", "JSON object", f"{jsonl}:5")
    fail("JSONL string", jsonl, "line 6 is a string", "JSON object", f"{jsonl}:6")
    fail("JSONL null", jsonl, "line 7 is null", "JSON object", f"{jsonl}:7")
    fail("JSONL blank text", jsonl, "line 8 text is whitespace", "text", f"{jsonl}:8")
    fail("JSONL numeric text", jsonl, "line 9 text is a number", "text", f"{jsonl}:9")
    fail("JSONL list text", jsonl, "line 10 text is a list", "text", f"{jsonl}:10")
    fail(
        "JSONL lone surrogate", jsonl, "line 11 holds a \\ud800 escape", "surrogate", f"{jsonl}:11"
    )
    fail("JSONL unparsable URL", jsonl, "line 12 url is http://[::1/news", "URL", f"{jsonl}:12")
    fail("JSONL Python dict", jsonl, "line 13 uses single quotes", "invalid JSON", f"{jsonl}:13")
    fail("JSONL empty object", jsonl, "line 14 is {}", "text", f"{jsonl}:14")
    keep(
        "JSONL good line 15",
        jsonl,
        "good line after the broken ones",
        f"{jsonl}:15",
        contains=["glass roof"],
        published="2025-03-08",
    )
    lines = gen["generated_lines.jsonl"]
    keep(
        "generated good line",
        lines,
        "good line beside generated bad ones",
        f"{lines}:1",
        contains=["cable car"],
    )
    fail("JSONL Latin-1 line", lines, "line 2 is Latin-1 bytes", "UTF-8", f"{lines}:2")
    fail("JSONL deep nesting", lines, "line 3 nests 200,000 arrays", "nested", f"{lines}:3")
    fail("JSONL 6 MB line", lines, "line 4 is a 6 MB article", "too large", f"{lines}:4")
    # Odd and future dates: the article is kept, the date dropped.
    dates = FILES.parent / "odd_dates.jsonl"
    for number, name in enumerate(
        [
            "year 3000",
            "0000-00-00",
            "2025-02-30",
            "yesterday",
            "2025-13-01",
            "words",
            "a number",
            "empty string",
        ],
        start=1,
    ):
        keep(
            f"date {name}",
            dates,
            f"published: {name}; stored without a date",
            f"{dates}:{number}",
            contains=["Dock workers"],
            published=None,
        )
    # URLs on the local site (127.0.0.1 is allowed by fetch_allow_hosts).
    keep(
        "good page URL",
        f"{site}/good-article",
        "a real article page",
        contains=["maritime museum", "1886"],
        published="2025-03-11",
    )
    fail("404 URL", f"{site}/not-found", "http 404", "404")
    fail("500 URL", f"{site}/server-error", "http 500", "500")
    fail("410 URL", f"{site}/gone", "http 410", "410")
    fail("redirect loop", f"{site}/loop-a", "a -> b -> a", "redirect loop")
    fail("redirect chain", f"{site}/chain-0", "ten redirects in a row", "too many redirects")
    fail("redirect to private", f"{site}/redirect-to-private", "302 to 10.1.2.3", "refused")
    fail("redirect to ftp", f"{site}/redirect-to-ftp", "302 to ftp://", "scheme")
    fail(
        "redirect without Location",
        f"{site}/redirect-no-location",
        "302 with no Location",
        "Location",
    )
    fail("timeout", f"{site}/slow", "no answer within the fetch timeout", "timed out")
    fail("hang-up", f"{site}/hang-up", "closes after a few bytes of a 5000-byte body")
    fail("50 MB declared", f"{site}/fifty-mb-declared", "Content-Length: 50 MB", "larger than")
    fail("50 MB streamed", f"{site}/fifty-mb-streamed", "50 MB chunked, no length", "larger than")
    fail("PDF URL", f"{site}/report.pdf", "application/pdf", "not an HTML page")
    fail("PNG URL", f"{site}/photo.png", "image/png", "not an HTML page")
    fail("JSON URL", f"{site}/data.json", "application/json", "not an HTML page")
    fail("empty page URL", f"{site}/empty-page", "200 with an empty body")
    fail("navigation-only URL", f"{site}/nav-only", "a page of menus", "no article")
    fail("script-only URL", f"{site}/script-only", "a page of scripts", "no article")
    fail(
        "meta-refresh loop URL",
        f"{site}/refresh-loop",
        "a page refreshing to itself",
        "meta refresh",
    )
    fail("binary as text/html", f"{site}/binary-as-html", "random bytes labelled text/html")
    fail(
        "closed port",
        f"http://127.0.0.1:{closed_port}/story",
        "nothing listens there",
        "could not connect",
    )
    fail("not a valid URL", "http://[::1/story", "an unclosed IPv6 bracket", "not a valid URL")
    fail(
        "metadata address",
        "http://169.254.169.254/latest/meta-data/",
        "cloud metadata (not allowed even with 127.0.0.1 allowed)",
        "refused",
    )
    fail(
        "credentials in URL",
        site.replace("://", "://reader:hunter2-secret@") + "/not-found",
        "user:pass@ to a 404; the password must not be shown",
        "404",
        label=f"{site}/not-found",
    )
    # Feeds.
    feed = f"{site}/feed-malformed"
    keep(
        "feed good entry 1",
        feed,
        "full-content entry",
        f"{site}/wire/pilots-contract",
        contains=["harbour pilots"],
        published="2025-03-11",
    )
    fail(
        "feed entry empty",
        feed,
        "entry 2: no title, no text, no link",
        "no text and no link",
        f"{feed}#entry-2",
    )
    fail(
        "feed entry 404 link",
        feed,
        "entry 3: teaser linking to a 404",
        "404",
        f"{site}/missing-story",
    )
    fail(
        "feed entry javascript link",
        feed,
        "entry 4: javascript: link, no text",
        "no text and no link",
        f"{feed}#entry-4",
    )
    fail(
        "feed entry no article",
        feed,
        "entry 5: teaser linking to a script-only page",
        "no article",
        f"{site}/script-only",
    )
    fail(
        "feed entry private link",
        feed,
        "entry 6: teaser linking to 10.0.0.1",
        "refused",
        "http://10.0.0.1/internal/admin",
    )
    keep(
        "feed entry bad date",
        feed,
        "entry 7: pubDate 'yesterday'; kept without a date",
        f"{site}/wire/ferry-fares",
        contains=["ferry fares", "2.80 euros"],
        published=None,
    )
    fail(
        "truncated feed",
        f"{site}/feed-truncated",
        "RSS cut off inside an item",
        "no text and no link",
        f"{site}/feed-truncated#entry-1",
    )
    fail("feed with no entries", f"{site}/feed-empty", "an RSS channel with no items")
    return cases


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: make_bad_inputs.py FOLDER", file=sys.stderr)
        return 2
    made = write_generated_files(Path(argv[1]))
    for _name, path in sorted(made.items()):
        size = path.stat().st_size if path.is_file() else 0
        print(f"{size:>12}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
