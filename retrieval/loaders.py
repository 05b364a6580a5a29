"""Every kind of source into clean articles (``RawArticle``) or one-line failures (``LoadFailure``).

A source is a file (``.txt``, ``.md``, ``.html``/``.htm``, ``.jsonl``), a folder (read recursively,
in sorted order, hidden files and other extensions skipped), or an ``http(s)`` URL of an article
page or of an RSS/Atom feed. :func:`load_sources` never raises for a bad source: it yields a
``LoadFailure`` for it (or for the one JSONL line or feed entry that is bad) and goes on.

Decisions worth knowing:

* Text files are decoded as UTF-8 (with or without BOM, or UTF-16 with BOM), else by
  ``charset-normalizer`` detection (Windows-1251, Shift-JIS...). NUL bytes or many control
  characters mean a binary file, which is refused.
* A sidecar ``NAME.meta.json`` beside ``NAME.txt``/``NAME.md``/``NAME.html`` overrides ``title``,
  ``url``, ``published``, ``source``, ``author`` and ``id``.
* Saved text goes through :func:`retrieval.cleaning.clean_plain_text` (main story only); HTML goes
  through trafilatura and then the cautious :func:`retrieval.cleaning.drop_furniture`; JSONL and
  feed text only through ``drop_furniture``.
* Meta-refresh pages: a local file that only redirects is a ``SourceError`` naming the target;
  for URLs the redirect is followed (at most twice) with the same fetcher, so the fetcher's
  safety rules apply to the target too.
* Feed entries carry no ``id``: their identity is their URL, the same as when the article is
  ingested from its URL directly. Their ``source`` is the feed's title.
* When nothing looks like a headline, the title is the opening of the first sentence, cut at a
  word boundary (about 100 characters); it is never left empty.
"""

from __future__ import annotations

import io
import json
import logging
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NoReturn, Protocol

import charset_normalizer
import feedparser
import lxml.html
import trafilatura
from htmldate import find_date
from lxml.etree import ParserError
from trafilatura.utils import load_html

from retrieval.cleaning import clean_plain_text, drop_furniture, has_story
from retrieval.dates import date_from_url, parse_date
from retrieval.errors import SourceError
from retrieval.models import FetchedPage, LoadFailure, RawArticle, SkippedSource

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SOURCE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = ("title", "url", "published", "source", "author", "id")

HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_CONTENT_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/x-rss+xml", "text/rss+xml", "text/atom+xml",
})  # fmt: skip
# Content types that say nothing; the body decides.
_VAGUE_CONTENT_TYPES = frozenset({"", "text/plain", "application/octet-stream"})

# A feed entry whose own content is at least this long is a whole article; shorter ones are
# teasers and the linked page is fetched instead.
FULL_CONTENT_MIN_CHARS = 400
MAX_META_REFRESH_HOPS = 2
# No news article is this long; a bigger file or JSONL line is refused before it is read, so one
# hostile 20 MB source cannot tie up cleaning and embedding for minutes.
MAX_ARTICLE_BYTES = 5_000_000
_TITLE_FALLBACK_CHARS = 100
Loaded = RawArticle | LoadFailure | SkippedSource
"""What loading a source yields: an article, a failure, or a file skipped by design."""

_ERROR_MAX_CHARS = 300


class PageFetcher(Protocol):
    """Fetches one URL. Raises ``SourceError`` (or ``FetchRefused``) with a one-line message."""

    def fetch(self, url: str) -> FetchedPage: ...


class MetaRefreshPage(SourceError):
    """An HTML page with no article whose ``<meta http-equiv="refresh">`` points elsewhere."""

    def __init__(self, target: str) -> None:
        super().__init__(f"no article text: the page redirects (meta refresh) to {target}")
        self.target = target


# ---------------------------------------------------------------------------------------------
# Entry point


class FeedPoll:
    """What one ingest knows about feeds, to poll them politely.

    ``validators`` are the ETag and Last-Modified each feed URL answered last time (kept by the
    caller between ingests); a feed is fetched conditionally with them, and one that has not
    changed (304) yields nothing. The validators seen in this ingest are kept apart until
    :meth:`commit` (call it once everything was stored, so a failed ingest polls again in full).
    ``known_urls`` says which of some entry links are stored already: a summary-only entry
    whose page is stored is not fetched again.
    """

    def __init__(
        self,
        validators: dict[str, tuple[str | None, str | None]],
        known_urls: Callable[[list[str]], dict[str, str]] | None = None,
    ) -> None:
        self.validators = validators
        self.known_urls = known_urls
        self.seen: dict[str, tuple[str | None, str | None]] = {}
        self.not_modified: list[str] = []
        self.skipped: dict[str, str] = {}  # entry link -> the stored article's id

    def commit(self) -> None:
        self.validators.update(self.seen)


def load_sources(
    sources: Sequence[str], fetcher: PageFetcher | None = None, poll: FeedPoll | None = None
) -> Iterator[Loaded]:
    """Articles from each source in order, and a ``LoadFailure`` for each one that fails.

    ``fetcher`` is needed for URL sources and for feed entries that only carry a link; ``poll``
    makes feed polling conditional and skips the pages of entries already stored.
    """
    for source in sources:
        label = without_credentials(source)  # reports never show a URL's user:password@
        yield from _guarded(label, lambda source=source: _load_source(source, fetcher, poll))


def _guarded(label: str, load: Any, *, skip_redirects: bool = False) -> Iterator[Loaded]:
    """Runs ``load()`` (a generator factory); turns its failure into one ``LoadFailure``.

    With ``skip_redirects`` (the files of a folder), a page that only redirects elsewhere is
    ``SkippedSource``: a saved folder of pages often holds such stubs, and following them would
    go to the network. Named on its own, the same file is a failure: there is nothing to store.
    """
    try:
        yield from load()
    except MetaRefreshPage as exc:
        if not skip_redirects:
            yield LoadFailure(source=label, error=one_line(str(exc)))
        else:
            log.info("skipping %s: %s", label, exc)
            yield SkippedSource(source=label, reason=one_line(str(exc)))
    except SourceError as exc:
        yield LoadFailure(source=label, error=one_line(str(exc)))
    except OSError as exc:
        yield LoadFailure(source=label, error=one_line(f"cannot read: {exc.strerror or exc}"))
    except Exception as exc:  # a bug or a library failure must not stop the other sources
        log.exception("unexpected error loading %s", label)
        yield LoadFailure(source=label, error=one_line(f"unexpected error: {exc!r}"))


def _load_source(
    source: str, fetcher: PageFetcher | None, poll: FeedPoll | None = None
) -> Iterator[Loaded]:
    if is_url(source):
        yield from _load_url(source, fetcher, poll)
        return
    path = Path(source)
    if path.is_dir():
        yield from _load_folder(path, fetcher)
    elif path.is_file():
        yield from _load_file(path, source, fetcher)
    elif "://" in source:
        scheme = source.split("://", 1)[0]
        raise SourceError(f"unsupported URL scheme {scheme!r} (only http and https)")
    elif path.exists():  # a named pipe, socket or device: reading it could block forever
        raise SourceError("not a regular file or folder")
    else:
        raise SourceError("no such file or folder")


def is_url(source: str) -> bool:
    return bool(re.match(r"^https?://[^/\s]", source, re.IGNORECASE))


def without_credentials(source: str) -> str:
    """``source`` with any ``user:password@`` of a URL (any scheme) removed."""
    return re.sub(r"^([a-z][a-z0-9+.-]*://)[^/?#@]*@", r"\1", source, flags=re.IGNORECASE)


def one_line(message: str) -> str:
    """A message on one line, short enough for a report."""
    text = " ".join(message.split()) or "unknown error"
    if len(text) > _ERROR_MAX_CHARS:
        text = text[: _ERROR_MAX_CHARS - 1].rstrip() + "…"
    return text


# ---------------------------------------------------------------------------------------------
# Files and folders


def _folder_files(folder: Path) -> list[Path]:
    """Source files under ``folder``, sorted, skipping hidden files and hidden folders."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in SOURCE_SUFFIXES and path.is_file():
            found.append(path)
    return sorted(found)


def _load_folder(folder: Path, fetcher: PageFetcher | None) -> Iterator[Loaded]:
    files = _folder_files(folder)
    if not files:
        raise SourceError("folder has no .txt, .md, .html, .htm or .jsonl files")
    for path in files:
        yield from _guarded(
            str(path), lambda path=path: _load_file(path, str(path), fetcher), skip_redirects=True
        )


def _load_file(path: Path, origin: str, fetcher: PageFetcher | None) -> Iterator[Loaded]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        _refuse_oversized(path.stat().st_size)
    if suffix in JSONL_SUFFIXES:
        yield from load_jsonl(path, origin)
    elif suffix in TEXT_SUFFIXES:
        sidecar = read_sidecar(path)
        yield _with_overrides(article_from_text(read_text_file(path), origin=origin), sidecar)
    elif suffix in HTML_SUFFIXES:
        sidecar = read_sidecar(path)
        yield from _load_html_file(path, origin, sidecar, fetcher)
    elif suffix == ".json":
        raise SourceError("a .json file is not a source (use .jsonl, one article a line)")
    else:
        raise SourceError(
            f"unsupported file type {suffix or '(none)'!r}"
            " (expected .txt, .md, .html, .htm or .jsonl)"
        )


def _refuse_oversized(size: int, what: str = "file") -> None:
    if size > MAX_ARTICLE_BYTES:
        raise SourceError(
            f"{what} too large for one article ({size / 1e6:.1f} MB; the limit is"
            f" {MAX_ARTICLE_BYTES / 1e6:g} MB)"
        )


def _load_html_file(
    path: Path, origin: str, sidecar: Mapping[str, Any], fetcher: PageFetcher | None
) -> Iterator[Loaded]:
    body = path.read_bytes()
    if not body.strip():
        raise SourceError("file is empty")
    if _looks_like_feed(body):  # a saved RSS/Atom file named .html
        parsed = _parse_feed(body, content_type="", url=sidecar.get("url"))
        if parsed.entries:
            # A file on disk is a snapshot: its entries are stored from their own text and
            # their links are never followed (ingesting a folder stays offline and repeatable).
            yield from _load_feed_entries(parsed, origin, None, offline=True)
            return
    article = article_from_html(body, url=sidecar.get("url"), origin=origin)
    yield _with_overrides(article, sidecar)


def read_sidecar(path: Path) -> dict[str, Any]:
    """Fields of ``NAME.meta.json`` beside ``NAME.ext`` (empty when there is none), validated."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"sidecar {sidecar.name} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise SourceError(f"sidecar {sidecar.name} must hold a JSON object")
    fields: dict[str, Any] = {}
    for name in SIDECAR_FIELDS:
        value = data.get(name)
        if value is None or value == "":
            continue
        if name == "published":
            published = parse_date(str(value))
            if published is None:
                raise SourceError(f"sidecar {sidecar.name}: 'published' is not a date: {value!r}")
            fields[name] = published
        else:
            fields[name] = " ".join(str(value).split()) if name != "id" else str(value)
    return fields


def _with_overrides(article: RawArticle, fields: Mapping[str, Any]) -> RawArticle:
    return article.model_copy(update=dict(fields)) if fields else article


def read_text_file(path: Path) -> str:
    return decode_text(path.read_bytes())


def decode_text(data: bytes) -> str:
    """Text of a file's bytes: UTF-8 (BOM or not), UTF-16 with BOM, else a detected encoding.

    Raises ``SourceError`` for an empty file and for binary data.
    """
    if not data.strip():
        raise SourceError("file is empty")
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                          (b"\xfe\xff", "utf-16")):  # fmt: skip
        if data.startswith(bom):
            try:
                return _non_empty(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise SourceError(f"not valid {encoding} text despite its byte-order mark") from exc
    if _looks_binary(data):
        raise SourceError("looks like a binary file, not text")
    try:
        return _non_empty(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise SourceError("looks like a binary file, not text (no text encoding fits)")
    log.debug("decoded as %s", best.encoding)
    return _non_empty(str(best))


def _non_empty(text: str) -> str:
    if not text.strip():
        raise SourceError("file is empty (only whitespace)")
    return text


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f\v\x1b")
    return controls > len(sample) * 0.05


# ---------------------------------------------------------------------------------------------
# Plain text and JSONL


def article_from_text(text: str, origin: str = "") -> RawArticle:
    """An article from saved text: title from its first headline-like line, furniture removed."""
    title, body = clean_plain_text(text.lstrip("\ufeff"))
    if not body.strip():
        raise SourceError("no article text found")
    return RawArticle(text=body, title=title or fallback_title(body), origin=origin)


def fallback_title(text: str) -> str:
    """The opening of the first sentence, for articles that come without a headline."""
    first = text.strip().split("\n", 1)[0]
    sentence = re.split(r"(?<=[.!?。！？])\s", first, maxsplit=1)[0]
    if len(sentence) <= _TITLE_FALLBACK_CHARS:
        return sentence
    cut = sentence[:_TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def load_jsonl(path: Path, origin: str) -> Iterator[Loaded]:
    """One article a line; a bad line is a ``LoadFailure`` named ``path:LINE``, others load."""
    any_line = False
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            any_line = True
            label = f"{origin}:{number}"
            try:
                _refuse_oversized(len(raw), "line")
                yield article_from_record(_json_line(raw, number), origin=label)
            except SourceError as exc:
                yield LoadFailure(source=label, error=one_line(str(exc)))
    if not any_line:
        raise SourceError("file is empty")


def _json_line(raw: bytes, number: int) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError("line is not UTF-8 text") from exc
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise SourceError("invalid JSON: nested too deeply") from exc
    if not isinstance(record, dict):
        raise SourceError(f"expected a JSON object, got {type(record).__name__}")
    try:  # "\ud800" escapes decode to lone surrogates, which no store can encode
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise SourceError("line holds a lone surrogate escape, which is not text") from exc
    return record


def _optional_str(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, list):  # e.g. several authors
        value = ", ".join(str(item) for item in value if item)
    text = " ".join(str(value).split())
    return text or None


def article_from_record(record: Mapping[str, Any], origin: str = "") -> RawArticle:
    """An article from one JSONL object (``text`` or ``body`` required; unknown fields ignored)."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        text = record.get("body")
    if not isinstance(text, str) or not text.strip():
        raise SourceError("missing or empty 'text' (or 'body') field")
    body = drop_furniture(_normalise_newlines(text))
    published_value = record.get("published")
    published = parse_date(str(published_value)) if published_value else None
    if published_value and published is None:
        log.warning("%s: ignoring 'published' that is not a date: %r", origin, published_value)
    identifier = record.get("id")
    return RawArticle(
        text=body,
        title=_optional_str(record, "title") or fallback_title(body),
        url=_optional_str(record, "url"),
        published=published,
        source=_optional_str(record, "source"),
        author=_optional_str(record, "author"),
        id=str(identifier) if identifier not in (None, "") else None,
        origin=origin,
    )


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# ---------------------------------------------------------------------------------------------
# HTML


def article_from_html(html: str | bytes, url: str | None = None, origin: str = "") -> RawArticle:
    """An article from an HTML page: trafilatura's main text and metadata, furniture removed.

    Raises ``SourceError`` ("no article text found") when the page has no article, and
    ``MetaRefreshPage`` when it only redirects elsewhere.
    """
    tree = load_html(html)
    if tree is None:
        _raise_no_article(html, url)
    headings = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
    )
    raw_text = getattr(document, "text", None) if document is not None else None
    if not raw_text or not raw_text.strip():
        _raise_no_article(html, url)
    sitename = _clean_field(getattr(document, "sitename", None))
    title = page_title(getattr(document, "title", None), headings, sitename)
    text = _without_leading_title(drop_furniture(raw_text, one_per_line=True), [title, *headings])
    if not has_story(text):
        raise SourceError("no article text found")
    page_url = _http_url(getattr(document, "url", None)) or url
    return RawArticle(
        text=text,
        title=title or fallback_title(text),
        url=page_url,
        published=_metadata_date(html) or date_from_url(page_url or url),
        source=sitename,
        author=_authors(getattr(document, "author", None)),
        origin=origin,
    )


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||»|--|::|—|–|-)\s+")
_SITE_SEGMENT_MAX_WORDS = 4


def page_title(title: str | None, headings: Sequence[str], sitename: str | None) -> str:
    """The headline without the site's name around it.

    ``"Headline | CNN Politics"`` and ``"LinkNaija | Tagline: Headline"`` become ``"Headline"``:
    when the page's ``<h1>`` is the start or the end of the title, the ``<h1>`` is the headline;
    otherwise short segments after separators (``|``, ``»``, ``--``; a dash only when the
    segment is the site's name) are dropped.
    """
    text = " ".join((title or "").split())
    if not text:
        return ""
    for heading in headings:
        if 5 <= len(heading) < len(text) and (text.startswith(heading) or text.endswith(heading)):
            return heading
    segments = _TITLE_SEPARATORS.split(text)
    separators = _TITLE_SEPARATORS.findall(text)
    if len(segments) < 2:
        return text
    site = (sitename or "").lower()

    def is_site_segment(segment: str, separator: str) -> bool:
        if segment.lower() == site or segment.lower().replace(" ", "") in site.replace(" ", ""):
            return True
        dash = separator.strip() in {"-", "–", "—"}
        return not dash and len(segment.split()) <= _SITE_SEGMENT_MAX_WORDS

    while len(segments) > 1 and is_site_segment(segments[-1], separators[-1]):
        segments.pop()
        separators.pop()
    while len(segments) > 1 and is_site_segment(segments[0], separators[0]):
        segments.pop(0)
        separators.pop(0)
    return "".join(
        segment + (separators[i] if i < len(separators) else "")
        for i, segment in enumerate(segments)
    )


def _raise_no_article(html: str | bytes, url: str | None) -> NoReturn:
    target = meta_refresh_target(html, url)
    if target:
        raise MetaRefreshPage(target)
    raise SourceError("no article text found")


def _metadata_date(html: str | bytes) -> date | None:
    """The publication date the page's own metadata gives (not its URL, not its prose)."""
    tree = load_html(html)
    if tree is None:
        return None
    found = find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return parse_date(found)


def _without_leading_title(text: str, titles: Sequence[str]) -> str:
    """The text without a first paragraph that only repeats the headline."""
    first, _, rest = text.partition("\n\n")
    known = {" ".join(t.split()) for t in titles if t}
    return rest if rest and " ".join(first.split()) in known else text


def _http_url(value: str | None) -> str | None:
    return value if value and is_url(value) else None


def _clean_field(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None


def _authors(value: str | None) -> str | None:
    """trafilatura's ``"A; B"`` as ``"A, B"``."""
    names = [" ".join(name.split()) for name in (value or "").split(";")]
    return ", ".join(name for name in names if name) or None


def meta_refresh_target(html: str | bytes, base_url: str | None = None) -> str | None:
    """The URL a ``<meta http-equiv="refresh" content="0; url=...">`` sends the reader to."""
    try:
        tree = lxml.html.fromstring(html, base_url=base_url)
    except (ParserError, ValueError):
        return None
    for content in tree.xpath(
        "//meta[translate(@http-equiv, 'REFSH', 'refsh')='refresh']/@content"
    ):
        match = re.search(r"url\s*=\s*['\"]?([^'\"\s>]+)", str(content), re.IGNORECASE)
        if match:
            target = match.group(1)
            if base_url and not is_url(target):
                from urllib.parse import urljoin

                target = urljoin(base_url, target)
            return target
    return None


# ---------------------------------------------------------------------------------------------
# URLs and feeds


def _load_url(
    url: str, fetcher: PageFetcher | None, poll: FeedPoll | None = None
) -> Iterator[Loaded]:
    if fetcher is None:
        raise SourceError("cannot fetch URLs: no page fetcher was given")
    validators = poll.validators.get(url) if poll is not None else None
    if validators:
        page = fetcher.fetch(url, validators=validators)  # type: ignore[call-arg]
        if page.status == 304:
            log.info("feed %s has not changed", without_credentials(url))
            assert poll is not None
            poll.not_modified.append(url)
            return
    else:
        page = fetcher.fetch(url)
    content_type = page.content_type.lower()
    if content_type in FEED_CONTENT_TYPES or _looks_like_feed(page.body):
        parsed = _parse_feed(page.body, content_type=content_type, url=page.url)
        if parsed.entries:
            yield from _load_feed_entries(parsed, page.url, fetcher, poll)
            if poll is not None and (page.etag or page.last_modified):
                poll.seen[url] = (page.etag, page.last_modified)
            return
    if content_type in HTML_CONTENT_TYPES or (
        _looks_like_html(page.body)
        and (content_type in _VAGUE_CONTENT_TYPES or content_type in FEED_CONTENT_TYPES)
    ):
        yield article_from_page(page, fetcher, origin=without_credentials(url))
        return
    raise SourceError(f"not an HTML page or feed (content type {content_type or 'unknown'})")


def article_from_page(page: FetchedPage, fetcher: PageFetcher, origin: str) -> RawArticle:
    """An article from a fetched HTML page, following meta refreshes with ``fetcher``."""
    for _hop in range(MAX_META_REFRESH_HOPS + 1):
        try:
            return article_from_html(_page_html(page), url=page.url, origin=origin)
        except MetaRefreshPage as refresh:
            if _hop == MAX_META_REFRESH_HOPS or not is_url(refresh.target):
                raise
            log.info("following meta refresh from %s to %s", page.url, refresh.target)
            page = fetcher.fetch(refresh.target)
    raise AssertionError("unreachable")


def _page_html(page: FetchedPage) -> str | bytes:
    """The page as text when the server named a charset that works, else bytes to sniff."""
    if page.encoding:
        try:
            return page.body.decode(page.encoding)
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: charset %r does not decode the page", page.url, page.encoding)
    return page.body


def _looks_like_feed(body: bytes) -> bool:
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return bool(re.search(rb"<(?:rss|feed|rdf:rdf)[\s>]", head)) and not head.startswith(
        (b"<!doctype html", b"<html")
    )


def _looks_like_html(body: bytes) -> bool:
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or bool(
        re.search(rb"<(?:html|head|body)[\s>]", head)
    )


def _parse_feed(body: bytes, content_type: str, url: str | None) -> Any:
    """feedparser on bytes already fetched (feedparser itself never fetches here)."""
    headers = {"content-type": content_type or "application/xml"}
    if url:
        headers["content-location"] = url
    return feedparser.parse(io.BytesIO(body), response_headers=headers)


def _load_feed_entries(
    parsed: Any,
    feed_label: str,
    fetcher: PageFetcher | None,
    poll: FeedPoll | None = None,
    *,
    offline: bool = False,
) -> Iterator[Loaded]:
    feed_title = _clean_field(parsed.feed.get("title"))
    known: dict[str, str] = {}
    if poll is not None and poll.known_urls is not None:
        # Entries that would need their page fetched: skip those whose page is stored already.
        to_fetch = [
            link
            for entry in parsed.entries
            if (link := _http_url(entry.get("link")))
            and len(_entry_text(entry)) < FULL_CONTENT_MIN_CHARS
        ]
        known = poll.known_urls(to_fetch) if to_fetch else {}
    for number, entry in enumerate(parsed.entries, start=1):
        link = _http_url(entry.get("link"))
        if link in known and len(_entry_text(entry)) < FULL_CONTENT_MIN_CHARS:
            assert poll is not None and link is not None
            poll.skipped[link] = known[link]
            continue
        # Entries of a saved file are reported under the file, not under URLs never visited.
        label = f"{feed_label}#entry-{number}" if offline or not link else link
        yield from _guarded(
            label,
            lambda entry=entry, label=label: iter(
                [article_from_feed_entry(entry, feed_title, fetcher, origin=label, offline=offline)]
            ),
        )


def _entry_date(entry: Mapping[str, Any]) -> date | None:
    for name in ("published", "updated", "created"):
        found = parse_date(entry.get(name))
        if found:
            return found
    for name in ("published_parsed", "updated_parsed"):
        parsed: time.struct_time | None = entry.get(name)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _entry_author(entry: Mapping[str, Any]) -> str | None:
    detail = entry.get("author_detail") or {}
    return _clean_field(detail.get("name")) or _clean_field(entry.get("author"))


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The entry's own text (full content, else summary) as plain paragraphs."""
    contents = entry.get("content") or []
    candidates = [(c.get("value") or "", c.get("type") or "text/html") for c in contents]
    candidates.append((entry.get("summary") or "", "text/html"))
    value, kind = max(candidates, key=lambda candidate: len(candidate[0]))
    text = value.strip() if kind == "text/plain" else html_fragment_to_text(value)
    return drop_furniture(text) if text else ""


def article_from_feed_entry(
    entry: Mapping[str, Any],
    feed_title: str | None,
    fetcher: PageFetcher | None,
    origin: str,
    offline: bool = False,
) -> RawArticle:
    """An article from a feed entry: its own full text, or else the page it links to.

    ``offline`` (a feed saved on disk): the entry's own text whatever its length; its link is
    kept as the article's URL but never fetched.
    """
    link = _http_url(entry.get("link"))
    title = _clean_field(entry.get("title"))
    text = _entry_text(entry)
    published = _entry_date(entry)
    author = _entry_author(entry)
    if len(text) >= FULL_CONTENT_MIN_CHARS or (text and (offline or not link)):
        return RawArticle(
            text=text,
            title=title or fallback_title(text),
            url=link,
            published=published or date_from_url(link),
            source=feed_title,
            author=author,
            origin=origin,
        )
    if not link or offline:
        raise SourceError("feed entry has no text" + ("" if offline else " and no link"))
    if fetcher is None:
        raise SourceError("feed entry has only a short summary and no page fetcher was given")
    page = fetcher.fetch(link)
    article = article_from_page(page, fetcher, origin=origin)
    return article.model_copy(
        update={
            "title": title or article.title,
            "published": published or article.published,
            "source": feed_title or article.source,
            "author": author or article.author,
            "url": article.url or link,
        }
    )


class _TextCollector(HTMLParser):
    """Paragraph text of an HTML fragment (a feed entry's content)."""

    _BLOCKS = frozenset({
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "tr", "table", "section", "article", "pre", "figure", "figcaption", "header", "footer",
        "hr", "dd", "dt",
    })  # fmt: skip
    _SKIPPED = frozenset({"script", "style", "noscript", "template", "iframe", "object"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIPPED:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one blank line between block elements."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    joined = "".join(collector.parts)
    paragraphs = (" ".join(block.split()) for block in re.split(r"\n\s*\n", joined))
    return "\n\n".join(p for p in paragraphs if p)
