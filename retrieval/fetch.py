"""Fetch article pages and feeds from URLs that strangers hand the bot, safely.

The fetcher is an attack surface: a URL can point at the bot's own machine, the local network or
a cloud metadata service (server-side request forgery), can redirect there, can answer slowly
forever or can send a gzip bomb. :class:`SafeFetcher` guards against each of these:

* only ``http`` and ``https`` are fetched;
* the host is resolved here with :func:`socket.getaddrinfo` (which also does the parsing of odd
  spellings such as ``2130706433``, ``0x7f.1`` or ``127.1``) and the URL is refused when ANY
  resolved address is not public (loopback, private, link-local, shared, multicast, reserved,
  unspecified, cloud metadata, or such an IPv4 address inside an IPv6 one);
* the connection goes to the vetted address itself: a network backend pinned to the addresses
  checked for each host, so a DNS answer that changes between check and connect (rebinding) is
  never used. The URL's host name is still sent in the ``Host`` header and, for https, as the
  TLS server name, against which the certificate is verified;
* redirects are followed here, one hop at a time, with the scheme and address checks on every
  hop, a limit on their number and loop detection;
* the body is streamed and cut at ``fetch_max_bytes`` counted after decompression, which is done
  here with a bounded output per step, so a gzip bomb never inflates in memory;
* one overall deadline covers resolving, connecting, TLS, headers and body, enforced on every
  socket read and write, so a server dribbling bytes cannot hold a worker past
  ``fetch_timeout_s``.

Self-hosters can allow hosts, addresses or networks (``fetch_allow_hosts``) that would otherwise be
refused as private; scheme, size and time limits still apply to them.

Credentials in a URL (``user:pass@``) are sent as HTTP basic authentication to that URL's origin
only and never appear in messages, logs or the returned URL.

It is also polite: a ``User-Agent`` naming the bot, at most ``fetch_concurrency`` fetches at once,
at least ``fetch_host_interval_s`` between two requests to one host, and conditional requests
(``If-None-Match`` / ``If-Modified-Since``) when the caller passes a page's validators, answered
by an empty page with status 304 when nothing changed.
"""

from __future__ import annotations

import base64
import ipaddress
import logging
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any, NoReturn, TypeAlias

import httpcore
import httpx

from retrieval.errors import FetchRefused, SourceError
from retrieval.models import FetchedPage
from retrieval.settings import EngineSettings

log = logging.getLogger(__name__)

IPAddress: TypeAlias = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork: TypeAlias = ipaddress.IPv4Network | ipaddress.IPv6Network
# A resolver takes a host and a port and returns the host's addresses as strings.
Resolver: TypeAlias = Callable[[str, int], list[str]]

DEFAULT_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,*/*;q=0.5"
)
ALLOWED_SCHEMES = frozenset({"http", "https"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

_DEFAULT_PORTS = {"http": 80, "https": 443}
_METADATA_HOST_NAMES = frozenset({"metadata.google.internal", "metadata.goog", "metadata"})
_METADATA_ADDRESSES = frozenset(
    {
        ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack, ...
        ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
        ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
        ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    }
)
_SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")
_NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE_PREFIX = ipaddress.ip_network("::/96")


# --- which addresses are refused -----------------------------------------------------------


def unsafe_address_reason(address: IPAddress) -> str | None:
    """Why ``address`` must not be fetched from ("a private address"), or None if it is public."""
    if address in _METADATA_ADDRESSES:
        return "a cloud metadata address"
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4_addresses(address)
        for inner in embedded:
            reason = unsafe_address_reason(inner)
            if reason is not None:
                return f"{reason} (IPv4 {inner} inside IPv6)"
        if embedded and (address.ipv4_mapped is not None or address in _NAT64_PREFIX):
            return None  # a public IPv4 address written in IPv6 form
    return _reason_by_kind(address)


def _reason_by_kind(address: IPAddress) -> str | None:
    checks: tuple[tuple[bool, str], ...] = (
        (address.is_unspecified, "an unspecified address"),
        (address.is_loopback, "a loopback address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address in _SHARED_ADDRESS_SPACE, "a shared (carrier-grade NAT) address"),
        (address.is_private, "a private address"),
        (isinstance(address, ipaddress.IPv6Address) and address.is_site_local, "a private address"),
        (address.is_reserved, "a reserved address"),
        (not address.is_global, "not a public address"),
    )
    return next((reason for refused, reason in checks if refused), None)


def _embedded_ipv4_addresses(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses that an IPv6 address carries (mapped, compatible, 6to4, Teredo, NAT64)."""
    if address.ipv4_mapped is not None:
        return [address.ipv4_mapped]
    if address.sixtofour is not None:
        return [address.sixtofour]
    if address.teredo is not None:
        return list(address.teredo)
    low_32_bits = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _NAT64_PREFIX:
        return [low_32_bits]
    if address in _IPV4_COMPATIBLE_PREFIX and int(address) > 1:  # not :: or ::1
        return [low_32_bits]
    return []


class HostAllowList:
    """``fetch_allow_hosts``: host names, addresses and networks exempt from the address check.

    An entry that parses as an address or a CIDR network ("127.0.0.1", "10.0.0.0/8", "fd00::/8")
    allows the addresses in it, however the URL spells the host; any other entry is a host name
    matched exactly, ignoring case and a trailing dot ("intranet.local"; no wildcards), and allows
    whatever that name resolves to.
    """

    def __init__(self, entries: Iterable[str]) -> None:
        self._names: set[str] = set()
        self._networks: list[IPNetwork] = []
        for entry in entries:
            text = entry.strip()
            if not text:
                continue
            try:
                self._networks.append(ipaddress.ip_network(text.strip("[]"), strict=False))
            except ValueError:
                self._names.add(_normalise_host_name(text))

    def allows_name(self, host: str) -> bool:
        return _normalise_host_name(host) in self._names

    def allows_address(self, address: IPAddress) -> bool:
        candidates: list[IPAddress] = [address]
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            candidates.append(address.ipv4_mapped)
        return any(
            candidate.version == network.version and candidate in network
            for candidate in candidates
            for network in self._networks
        )


def _normalise_host_name(host: str) -> str:
    return host.strip().rstrip(".").lower()


# --- resolving with a deadline --------------------------------------------------------------


class _ResolveTimedOut(Exception):
    pass


def resolve_with_getaddrinfo(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, as the system resolver returns them."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return [str(info[4][0]) for info in infos]


def _resolve_within(resolver: Resolver, host: str, port: int, timeout: float) -> list[str]:
    """Run ``resolver`` in a daemon thread so a hanging DNS server cannot pass the deadline."""
    outcome: dict[str, Any] = {}

    def resolve() -> None:
        try:
            outcome["addresses"] = resolver(host, port)
        except Exception as exc:  # handed back to the caller below
            outcome["error"] = exc

    worker = threading.Thread(target=resolve, name="newsbot-resolve", daemon=True)
    worker.start()
    worker.join(max(timeout, 0.0))
    if worker.is_alive():
        raise _ResolveTimedOut
    if "error" in outcome:
        raise outcome["error"]
    return list(outcome["addresses"])


# --- connecting only to vetted addresses, within the deadline ---------------------------------


def _time_left(deadline: float, timeout: float | None, expired: type[Exception]) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise expired("the overall fetch deadline has passed")
    return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every read and write ends by the fetch's overall deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        timeout = _time_left(self._deadline, timeout, httpcore.ReadTimeout)
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        timeout = _time_left(self._deadline, timeout, httpcore.WriteTimeout)
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _time_left(self._deadline, timeout, httpcore.ConnectTimeout)
        tls_stream = self._inner.start_tls(ssl_context, server_hostname, timeout)
        return _DeadlineStream(tls_stream, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _PinnedBackend(httpcore.NetworkBackend):
    """Connects a host only to the addresses vetted for it; refuses any host not vetted.

    httpcore asks to connect to the URL's host name; this backend swaps in the checked address,
    so the name is never resolved a second time. TLS still receives the host name (SNI and
    certificate verification happen against it), and the Host header is set by the request.
    """

    def __init__(self, deadline: float) -> None:
        self._deadline = deadline
        self._pins: dict[str, list[str]] = {}
        self._sockets = httpcore.SyncBackend()

    def pin(self, host: str, addresses: list[str]) -> None:
        self._pins[host] = addresses

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._pins.get(host)
        if not addresses:
            raise FetchRefused(f"refused: {host} was not checked before connecting")
        failure: Exception | None = None
        for address in addresses:
            connect_timeout = _time_left(self._deadline, timeout, httpcore.ConnectTimeout)
            try:
                stream = self._sockets.connect_tcp(
                    address, port, connect_timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return _DeadlineStream(stream, self._deadline)
        assert failure is not None
        raise failure

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise FetchRefused("refused: unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


# --- decompressing with a bounded output --------------------------------------------------------


class _BodyTooLarge(Exception):
    pass


class _BoundedDecoder:
    """Undo a gzip or deflate Content-Encoding, never producing more than ``limit`` bytes.

    Each decompression step asks zlib for at most the room left (plus one byte to notice the
    overflow), so a small compressed body that inflates to gigabytes costs at most ``limit``.
    """

    SUPPORTED = ("gzip", "x-gzip", "deflate")

    def __init__(self, content_encoding: str, limit: int) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in self.SUPPORTED):
            raise SourceError(f"unsupported content encoding '{content_encoding.strip()}'")
        self._coding = codings[0] if codings else None
        self._limit = limit
        self._size = 0
        self._first_chunk = True
        self._inflater = self._new_inflater()

    def _new_inflater(self, raw_deflate: bool = False) -> Any:
        if self._coding is None:
            return None
        if self._coding == "deflate":
            return zlib.decompressobj(-zlib.MAX_WBITS if raw_deflate else zlib.MAX_WBITS)
        return zlib.decompressobj(zlib.MAX_WBITS | 16)

    def _count(self, produced: int) -> None:
        self._size += produced
        if self._size > self._limit:
            raise _BodyTooLarge

    def decode(self, data: bytes) -> bytes:
        if self._inflater is None:
            self._count(len(data))
            return data
        first_chunk, self._first_chunk = self._first_chunk, False
        try:
            return self._inflate(data)
        except zlib.error:
            if not (first_chunk and self._coding == "deflate"):
                raise
            # Some servers send raw deflate data without the zlib header.
            self._size = 0
            self._inflater = self._new_inflater(raw_deflate=True)
            return self._inflate(data)

    def _inflate(self, data: bytes) -> bytes:
        pieces: list[bytes] = []
        pending = data
        while pending:
            piece = self._inflater.decompress(pending, self._limit - self._size + 1)
            self._count(len(piece))
            pieces.append(piece)
            if self._inflater.eof:
                pending = self._inflater.unused_data
                if not (self._coding != "deflate" and pending.startswith(b"\x1f\x8b")):
                    break  # trailing bytes after the stream are ignored
                self._inflater = self._new_inflater()  # the next member of a multi-member gzip
            else:
                pending = self._inflater.unconsumed_tail
        return b"".join(pieces)

    def flush(self) -> bytes:
        if self._inflater is None or self._inflater.eof:
            return b""
        # _inflate stops only once zlib has used all its input without filling the room it was
        # given, so little or nothing is left here; it is counted all the same.
        rest: bytes = self._inflater.flush()
        self._count(len(rest))
        return rest


# --- the fetcher ------------------------------------------------------------------------------


class HostPacer:
    """At least ``interval_s`` between the starts of two requests to one origin (thread-safe)."""

    def __init__(self, interval_s: float) -> None:
        self.interval_s = max(0.0, interval_s)
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, origin: str) -> None:
        """Sleep until ``origin`` may be asked again."""
        if self.interval_s == 0:
            return
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(origin, 0.0))
            self._next[origin] = start + self.interval_s  # the turn is taken now
        if start > now:
            time.sleep(start - now)


class SafeFetcher:
    """Fetches http(s) URLs from strangers without letting them reach private networks.

    Thread-safe: each :meth:`fetch` builds its own small connection pool (pinned to the addresses
    it vetted); only the immutable settings and the TLS context are shared between threads.
    """

    def __init__(self, settings: EngineSettings, *, resolver: Resolver | None = None) -> None:
        """``resolver`` replaces the system resolver (tests, custom DNS); default getaddrinfo."""
        self._timeout_s = float(settings.fetch_timeout_s)
        self._max_bytes = int(settings.fetch_max_bytes)
        self._max_redirects = int(settings.fetch_max_redirects)
        self._user_agent = settings.user_agent
        self._allow_list = HostAllowList(settings.fetch_allow_hosts)
        self._resolver: Resolver = resolver or resolve_with_getaddrinfo
        self._ssl_context = httpx.create_ssl_context()
        self._closed = False
        self._slots = threading.BoundedSemaphore(max(1, int(settings.fetch_concurrency)))
        self._pacer = HostPacer(float(settings.fetch_host_interval_s))

    def __enter__(self) -> SafeFetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release resources. Connections live only for one fetch, so this only marks closed."""
        self._closed = True

    def fetch(
        self,
        url: str,
        *,
        accept: str = DEFAULT_ACCEPT,
        validators: tuple[str | None, str | None] | None = None,
    ) -> FetchedPage:
        """GET ``url``, following safe redirects; the final URL is reported without credentials.

        ``validators`` (an earlier page's ``etag`` and ``last_modified``) make the request
        conditional: an unchanged resource comes back as an empty page with status 304.
        Raises :class:`FetchRefused` for refusals (scheme, address, size) and
        :class:`SourceError` for other failures, each with a one-line message.
        """
        if self._closed:
            raise RuntimeError("this SafeFetcher is closed")
        start = _parse_url(url)
        # Politeness first (the host's turn, then a free slot); the deadline covers the fetch.
        self._pacer.wait(_origin(start))  # redirect hops are not paced
        with self._slots:
            deadline = time.monotonic() + self._timeout_s
            backend = _PinnedBackend(deadline)
            with httpcore.ConnectionPool(
                ssl_context=self._ssl_context, network_backend=backend, retries=0
            ) as pool:
                try:
                    return self._follow(pool, backend, start, accept, deadline, validators)
                except FetchRefused as exc:
                    log.info("refused to fetch %s: %s", _visible(start), exc)
                    raise

    def _follow(
        self,
        pool: httpcore.ConnectionPool,
        backend: _PinnedBackend,
        start: httpx.URL,
        accept: str,
        deadline: float,
        validators: tuple[str | None, str | None] | None = None,
    ) -> FetchedPage:
        current, previous = start, None
        visited = {_visible(start)}
        redirects = 0
        while True:
            self._vet(current, backend, deadline, redirected_from=previous)
            log.debug("fetching %s", _visible(current))
            headers = self._request_headers(current, start, accept)
            etag, last_modified = validators or (None, None)
            if etag:
                headers.append((b"If-None-Match", etag.encode("latin-1", "replace")))
            if last_modified:
                headers.append((b"If-Modified-Since", last_modified.encode("latin-1", "replace")))
            try:
                with pool.stream(
                    "GET", _core_url(current), headers=headers, extensions=self._extensions()
                ) as response:
                    target = self._redirect_target(response, current)
                    if target is None:
                        if response.status == 304 and validators:
                            return FetchedPage(url=_visible(current), status=304, body=b"")
                        return self._page(response, current)
            except httpcore.TimeoutException:
                self._timed_out()
            except (httpcore.NetworkError, httpcore.ProtocolError) as exc:
                raise SourceError(f"{_failure_verb(exc)} {_origin(current)}: {exc}") from None
            redirects += 1
            if _visible(target) in visited:
                raise SourceError(f"redirect loop: {_visible(target)} was already visited")
            if redirects > self._max_redirects:
                raise SourceError(f"too many redirects (more than {self._max_redirects})")
            visited.add(_visible(target))
            log.debug("%s redirects to %s", _visible(current), _visible(target))
            current, previous = target, current

    # -- checks ------------------------------------------------------------------------------

    def _vet(
        self,
        url: httpx.URL,
        backend: _PinnedBackend,
        deadline: float,
        *,
        redirected_from: httpx.URL | None,
    ) -> None:
        """Refuse a bad scheme or address; pin the vetted addresses of the URL's host."""
        try:
            _check_scheme(url)
            host = url.raw_host.decode("ascii")
            backend.pin(host, self._vetted_addresses(url, host, deadline))
        except SourceError as exc:
            if redirected_from is None:
                raise
            raise type(exc)(f"{exc} (redirected from {_visible(redirected_from)})") from None

    def _vetted_addresses(self, url: httpx.URL, host: str, deadline: float) -> list[str]:
        if not host:
            raise FetchRefused("refused: the URL has no host")
        host_is_allowed = self._allow_list.allows_name(host)
        if not host_is_allowed and _normalise_host_name(host) in _METADATA_HOST_NAMES:
            raise FetchRefused(f"refused: {host} is a cloud metadata address")
        port = url.port or _DEFAULT_PORTS[url.scheme]
        try:
            found = _resolve_within(self._resolver, host, port, deadline - time.monotonic())
        except _ResolveTimedOut:
            self._timed_out()
        except (OSError, UnicodeError):
            raise SourceError(f"could not resolve host {host}") from None
        addresses = _parse_addresses(found, host)
        for address in addresses:
            if host_is_allowed or self._allow_list.allows_address(address):
                continue
            reason = unsafe_address_reason(address)
            if reason is not None:
                raise FetchRefused(_refusal_message(host, address, reason))
        return list(dict.fromkeys(str(address) for address in addresses))

    # -- request and response --------------------------------------------------------------

    def _request_headers(
        self, url: httpx.URL, start: httpx.URL, accept: str
    ) -> list[tuple[bytes, bytes]]:
        headers = [
            (b"Host", url.netloc),
            (b"User-Agent", self._user_agent.encode("latin-1", "replace")),
            (b"Accept", accept.encode("latin-1", "replace")),
            (b"Accept-Encoding", b"gzip, deflate"),
        ]
        if start.userinfo and _origin(url) == _origin(start):
            credentials = f"{start.username}:{start.password}".encode()
            headers.append((b"Authorization", b"Basic " + base64.b64encode(credentials)))
        return headers

    def _extensions(self) -> dict[str, Any]:
        # Per-operation limits; _DeadlineStream further cuts each one to the overall deadline.
        limit = self._timeout_s
        return {"timeout": {"connect": limit, "read": limit, "write": limit, "pool": limit}}

    def _redirect_target(self, response: httpcore.Response, url: httpx.URL) -> httpx.URL | None:
        if response.status not in REDIRECT_STATUSES:
            return None
        location = httpx.Headers(response.headers).get("location", "").strip()
        if not location:
            raise SourceError(f"http {response.status} from {_visible(url)} without a Location")
        try:
            return url.join(location)
        except httpx.InvalidURL:
            raise SourceError(f"{_visible(url)} redirects to an invalid URL") from None

    def _page(self, response: httpcore.Response, url: httpx.URL) -> FetchedPage:
        if response.status >= 300:
            raise SourceError(f"http {response.status} from {_visible(url)}")
        headers = httpx.Headers(response.headers)
        content_type, encoding = _media_type_and_charset(headers.get("content-type", ""))
        body = self._read_body(response, headers)
        return FetchedPage(
            url=_visible(url),
            status=response.status,
            content_type=content_type,
            encoding=encoding,
            body=body,
            etag=headers.get("etag") or None,
            last_modified=headers.get("last-modified") or None,
        )

    def _read_body(self, response: httpcore.Response, headers: httpx.Headers) -> bytes:
        declared = headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > self._max_bytes:
            self._too_large()
        decoder = _BoundedDecoder(headers.get("content-encoding", ""), self._max_bytes)
        pieces: list[bytes] = []
        received = 0
        try:
            for chunk in response.iter_stream():
                received += len(chunk)
                if received > self._max_bytes:
                    self._too_large()
                pieces.append(decoder.decode(chunk))
            pieces.append(decoder.flush())
        except _BodyTooLarge:
            self._too_large()
        except zlib.error as exc:
            raise SourceError(f"could not decompress the body: {exc}") from None
        return b"".join(pieces)

    def _too_large(self) -> NoReturn:
        raise FetchRefused(f"body larger than {_human_size(self._max_bytes)}")

    def _timed_out(self) -> NoReturn:
        raise SourceError(f"timed out after {self._timeout_s:g} s")


# --- small pure helpers -------------------------------------------------------------------------


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except httpx.InvalidURL as exc:
        # httpx's messages name the bad part (port, IPv4 address, character), never userinfo.
        raise FetchRefused(f"refused: not a valid URL ({exc})") from None
    _check_scheme(parsed)
    return parsed


def _check_scheme(url: httpx.URL) -> None:
    if not url.scheme:
        raise FetchRefused("refused: the URL has no scheme (http and https only)")
    if url.scheme not in ALLOWED_SCHEMES:
        raise FetchRefused(f"refused: scheme '{url.scheme}' is not allowed (http and https only)")


def _parse_addresses(found: list[str], host: str) -> list[IPAddress]:
    addresses: list[IPAddress] = []
    for text in found:
        try:
            addresses.append(ipaddress.ip_address(text))
        except ValueError:
            raise FetchRefused(f"refused: {host} resolved to an unusable address") from None
    if not addresses:
        raise SourceError(f"could not resolve host {host}")
    return addresses


def _refusal_message(host: str, address: IPAddress, reason: str) -> str:
    try:
        is_literal = ipaddress.ip_address(host.strip("[]")) == address
    except ValueError:
        is_literal = False
    if is_literal:
        return f"refused: {host} is {reason}"
    return f"refused: {host} resolves to {address}, {reason}"


def _visible(url: httpx.URL) -> str:
    """The URL as it may be shown and stored: without user name and password."""
    return str(url.copy_with(userinfo=b"")) if url.userinfo else str(url)


def _origin(url: httpx.URL) -> str:
    """``scheme://host:port`` with the default port spelled out, without credentials."""
    host = url.raw_host.decode("ascii")
    if ":" in host:
        host = f"[{host}]"
    return f"{url.scheme}://{host}:{url.port or _DEFAULT_PORTS.get(url.scheme, 0)}"


def _core_url(url: httpx.URL) -> httpcore.URL:
    return httpcore.URL(
        scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
    )


def _failure_verb(exc: Exception) -> str:
    return "could not connect to" if isinstance(exc, httpcore.ConnectError) else "failed reading"


def _media_type_and_charset(value: str) -> tuple[str, str | None]:
    media_type, *parameters = value.split(";")
    charset = None
    for parameter in parameters:
        name, _, raw_value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = raw_value.strip().strip("\"'").lower() or None
    return media_type.strip().lower(), charset


def _human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:g} MB"
    if size >= 1_000:
        return f"{size / 1_000:g} kB"
    return f"{size} bytes"
