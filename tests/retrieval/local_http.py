"""A real HTTP server on a loopback address that records every request it receives.

Tests point fetchers at it instead of the internet. Each route is a function that writes the
response through the request handler, so a route can misbehave on purpose (dribble bytes, send a
gzip bomb). Every route loop must be bounded in time; the server threads are daemons and the
handler's socket timeout ends idle keep-alive connections.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet when a client hangs up early: refusing to read on is what fetchers do."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class RecordingServer:
    """Serves ``routes`` (path without query -> route) on ``host`` at a free port."""

    def __init__(
        self,
        routes: dict[str, Route],
        host: str = "127.0.0.1",
        *,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.routes = routes
        self.requests: list[RecordedRequest] = []
        self.scheme = "https" if tls else "http"
        self._lock = threading.Lock()
        self._server = self._bind(host)
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def _bind(self, host: str) -> _Server:
        recording_server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = 5  # seconds an idle connection may stay open

            def do_GET(self) -> None:
                recording_server._record(self)
                path = self.path.split("?", 1)[0]
                route = recording_server.routes.get(path)
                try:
                    if route is None:
                        send_body(self, b"not here", status=404, content_type="text/plain")
                    else:
                        route(self)
                except OSError:  # the client went away; that is often the point of a test
                    self.close_connection = True

            def do_POST(self) -> None:  # an API under test (a chat model); routes read the body
                self.do_GET()

            def log_message(self, format: str, *args: object) -> None:
                pass

        class BoundServer(_Server):
            address_family = socket.AF_INET6 if ":" in host else socket.AF_INET

        return BoundServer((host, 0), Handler)

    def _record(self, handler: BaseHTTPRequestHandler) -> None:
        request = RecordedRequest(
            method=handler.command, path=handler.path, headers=dict(handler.headers.items())
        )
        with self._lock:
            self.requests.append(request)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        """The URL of ``path`` on this server, reached through ``host`` (any spelling)."""
        return f"{self.scheme}://{host}:{self.port}{path}"

    def start(self) -> RecordingServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> RecordingServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def send_body(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    *,
    status: int = 200,
    content_type: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> None:
    """A complete response with a Content-Length."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def send_redirect(handler: BaseHTTPRequestHandler, location: str, status: int = 302) -> None:
    send_body(
        handler, b"", status=status, content_type="text/plain", headers={"Location": location}
    )


def send_chunked(
    handler: BaseHTTPRequestHandler, chunks: Iterator[bytes], content_type: str = "text/html"
) -> None:
    """A response with Transfer-Encoding: chunked and no Content-Length."""
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    for chunk in chunks:
        if chunk:
            handler.wfile.write(b"%x\r\n%b\r\n" % (len(chunk), chunk))
    handler.wfile.write(b"0\r\n\r\n")


def dribble(
    handler: BaseHTTPRequestHandler, data: bytes, *, every_s: float, for_at_most_s: float
) -> None:
    """Write ``data`` one byte at a time, a byte every ``every_s``, stopping after the bound."""
    handler.close_connection = True
    stop_at = time.monotonic() + for_at_most_s
    for index in range(len(data)):
        if time.monotonic() > stop_at:
            return
        handler.wfile.write(data[index : index + 1])
        handler.wfile.flush()
        time.sleep(every_s)


def loopback_ipv6_available() -> bool:
    """Whether this machine can listen on ``::1``."""
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


def self_signed_tls(host_name: str, directory: Path) -> tuple[ssl.SSLContext, Path] | None:
    """A server TLS context for ``host_name`` and the certificate file a client should trust.

    Made with the ``openssl`` command; None when it is not installed or fails.
    """
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    certificate, key = directory / "certificate.pem", directory / "key.pem"
    command = [
        openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-keyout", str(key), "-out", str(certificate), "-subj", f"/CN={host_name}",
        "-addext", f"subjectAltName=DNS:{host_name}",
    ]  # fmt: skip
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    return context, certificate
