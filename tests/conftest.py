"""Shared fixtures: real parts only (the local MiniLM, embedded Chroma, a real Chroma server)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from retrieval.chroma_server import ChromaServer, free_port

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # as bot/cli.py sets it

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
SEED = ROOT / "seeds" / "000_2aff43b43469b722.txt"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "bbc_news_summary.jsonl").exists():
        pytest.skip(f"development data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def embedder():  # type: ignore[no-untyped-def]
    """The offline default embedding model, loaded once per test session."""
    from retrieval.embeddings import build_embeddings

    return build_embeddings(None)


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    """A real ``chroma run`` on 127.0.0.1 and a free port, for the whole session."""
    server = ChromaServer(tmp_path_factory.mktemp("chroma-server"), free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["embedded", "server"])
def store_mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def engine_settings(tmp_path: Path, store_mode: str, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Settings for a fresh, empty store in the mode under test (embedded or server)."""
    from retrieval.settings import EngineSettings

    overrides: dict[str, object] = {
        "store_dir": tmp_path / "store",
        "chat_model": "extractive",
        # A fresh collection prefix gives each test an empty store on the shared server.
        "collection_prefix": f"t{abs(hash(request.node.nodeid)) % 10**10}",
        "fetch_allow_hosts": ["127.0.0.1"],
        "fetch_host_interval_s": 0.0,  # the local test sites are ours (pacing: test_feed_polling)
    }
    if store_mode == "server":
        server = request.getfixturevalue("chroma_server")
        overrides["chroma_url"] = server.url
    return EngineSettings(**overrides)  # type: ignore[arg-type]


@pytest.fixture
def make_service(embedder) -> Callable[..., object]:  # type: ignore[no-untyped-def]
    """Build a real NewsService (shared embedder) from settings; the chat model by spec."""
    from bot.app import build_service

    def make(settings, **kwargs):  # type: ignore[no-untyped-def]
        return build_service(settings, embedder=embedder, **kwargs)

    return make


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """A private PostgreSQL cluster on 127.0.0.1 for the whole session (tests/postgres_server)."""
    from tests.postgres_server import PostgresServer

    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: object, request: pytest.FixtureRequest) -> str:
    """A fresh, empty database on the session's PostgreSQL cluster."""
    from tests.postgres_server import PostgresServer

    assert isinstance(postgres_server, PostgresServer)
    return postgres_server.create_database(f"t{abs(hash(request.node.nodeid)) % 10**12}")
