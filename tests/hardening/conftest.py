"""Fixtures of the hardening tests: the real CLI in a subprocess, a local site of bad URLs, and
OpenAI-compatible chat endpoints on 127.0.0.1 that misbehave on purpose (fault injectors)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED
from tests.hardening.bad_inputs.make_bad_inputs import site_routes
from tests.retrieval.local_http import RecordingServer

SEED_QUESTION = "How many settlements did Russia retake?"
SEED_ANSWER_WORDS = "24 settlements"
# Fake secrets: set in the environment of CLI runs; none may ever be printed.
FAKE_SECRETS = {
    "DISCORD_TOKEN": "MTAxFAKEdiscordTOKEN.Gx1y2z.hardening-discord-secret-0001",
    "OPENAI_API_KEY": "sk-hardening-openai-secret-0002-FAKEFAKEFAKE",
    "NEWSBOT_OPENAI_COMPATIBLE_API_KEY": "hardening-compatible-secret-0003",
}
SECRET_VALUES = list(FAKE_SECRETS.values())
CLI_TIMEOUT_S = 300  # a guard against a hang, not a timing target: a busy machine is slow


@dataclass
class CliRun:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> dict:  # type: ignore[type-arg]
        lines = [line for line in self.stdout.splitlines() if line.strip()]
        assert len(lines) == 1, f"expected one JSON line on stdout, got: {self.stdout[:2000]}"
        return json.loads(lines[0])  # type: ignore[no-any-return]


def cli_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a CLI run: offline, no inherited NEWSBOT_* settings, fake secrets."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "TOKENIZERS_PARALLELISM": "false",
            "ANONYMIZED_TELEMETRY": "False",
            "NO_PROXY": "127.0.0.1,localhost",
        }
    )
    env.update(FAKE_SECRETS)
    env.update(extra or {})
    return env


def run_cli(
    args: Sequence[str],
    *,
    cwd: Path,
    env: dict[str, str] | None = None,
    timeout: float = CLI_TIMEOUT_S,
) -> CliRun:
    """``python -m bot ARGS`` as a person would run it, in ``cwd``."""
    command = [sys.executable, "-m", "bot", *args]
    done = subprocess.run(
        command, cwd=cwd, env=cli_env(env), capture_output=True, text=True, timeout=timeout
    )
    return CliRun(list(args), done.returncode, done.stdout, done.stderr)


def run_cli_together(
    runs: Sequence[tuple[Sequence[str], dict[str, str] | None]], *, cwd: Path
) -> list[CliRun]:
    """Several independent CLI runs at once (each loads its models; this saves wall time)."""
    with ThreadPoolExecutor(max_workers=len(runs)) as pool:
        futures = [pool.submit(run_cli, args, cwd=cwd, env=env) for args, env in runs]
        return [future.result() for future in futures]


def assert_one_line_error(run: CliRun) -> None:
    """Exit 1, no traceback, exactly one ``newsbot: error:`` line on stderr."""
    assert run.returncode == 1, (run.args, run.returncode, run.stderr[-2000:])
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    errors = [line for line in run.stderr.splitlines() if line.startswith("newsbot: error:")]
    assert len(errors) == 1, run.stderr[-3000:]


@pytest.fixture(scope="session")
def seed_file() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is missing at {SEED}")
    return SEED


# --------------------------------------------------------------------------- the bad site


@pytest.fixture(scope="module")
def bad_site() -> Iterator[str]:
    """The local site of bad URLs (see bad_inputs/make_bad_inputs.py); yields its base URL."""
    server = RecordingServer({}).start()
    base = server.url("")
    server.routes.update(site_routes(base))
    yield base
    server.stop()


# --------------------------------------------------------------------------- chat endpoints


def _completion(content: str) -> dict:  # type: ignore[type-arg]
    return {
        "id": "chatcmpl-hardening",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": content},
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


BOGUS_REPLY = (
    "Russia retook 917 settlements in one night [9]. Putin said 4,000 soldiers were "
    "captured [1][2][7]. HACKED"
)
# mode -> (status, content type, body); "hang" never answers.
ENDPOINT_REPLIES: dict[str, tuple[int, str, bytes]] = {
    "random-text": (200, "text/plain", b"\x8f\xa3 lorem ipsum \x00 not JSON at all \xff"),
    "invalid-json": (200, "application/json", b'{"choices": [{"message": {"content": "Rus'),
    "empty-choices": (
        200,
        "application/json",
        json.dumps(
            {"id": "x", "object": "chat.completion", "created": 1, "model": "m", "choices": []}
        ).encode(),
    ),
    "empty-text": (200, "application/json", json.dumps(_completion("")).encode()),
    "bogus-markers": (200, "application/json", json.dumps(_completion(BOGUS_REPLY)).encode()),
    "server-error": (500, "application/json", b'{"error": {"message": "boom"}}'),
}


@dataclass
class ChatEndpoints:
    """An OpenAI-compatible server on 127.0.0.1: ``/MODE/v1/chat/completions`` misbehaves as
    MODE says; ``/record/v1`` answers ``reply`` and keeps every request body."""

    port: int
    reply: str = "NOT FOUND"
    requests: list[dict] = field(default_factory=list)  # type: ignore[type-arg]
    hang_s: float = 4.0

    def spec(self, mode: str) -> str:
        return f"openai-compatible:m@http://127.0.0.1:{self.port}/{mode}/v1"


@pytest.fixture(scope="session")
def chat_endpoints() -> Iterator[ChatEndpoints]:
    endpoints = ChatEndpoints(port=0)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = 10

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
            mode = self.path.strip("/").split("/", 1)[0]
            if mode == "hang":
                self.close_connection = True
                time.sleep(endpoints.hang_s)  # bounded: the client gave up long before
                return
            if mode == "record":
                endpoints.requests.append(json.loads(body))
                status, kind, reply = (
                    200,
                    "application/json",
                    json.dumps(_completion(endpoints.reply)).encode(),
                )
            else:
                status, kind, reply = ENDPOINT_REPLIES[mode]
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False  # type: ignore[attr-defined]
    endpoints.port = int(server.server_address[1])
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield endpoints
    server.shutdown()
    server.server_close()


# --------------------------------------------------------------------------- checks


def grounded_problems(answer: object, service: object) -> list[str]:
    """What breaks the answer contract: markers naming no citation, quotes not verbatim."""
    import re

    problems = []
    numbers = {c.n for c in answer.citations}  # type: ignore[attr-defined]
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}  # type: ignore[attr-defined]
    if not markers <= numbers:
        problems.append(f"markers {sorted(markers - numbers)} name no citation")
    if answer.status == "answered" and not markers:  # type: ignore[attr-defined]
        problems.append("an answer without a single marker")
    for citation in answer.citations:  # type: ignore[attr-defined]
        stored = service.show(citation.article_id).text  # type: ignore[attr-defined]
        if citation.quote not in stored:
            problems.append(f"quote [{citation.n}] is not verbatim stored text")
    return problems


def outside_quotes(answer: object) -> str:
    """The answer text with every citation's quote (and defused form) taken out."""
    import re

    text = answer.answer  # type: ignore[attr-defined]
    for citation in answer.citations:  # type: ignore[attr-defined]
        for form in (citation.quote, re.sub(r"\[(\d+)\]", r"(\1)", citation.quote)):
            text = text.replace(form, " ")
    return text


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False
