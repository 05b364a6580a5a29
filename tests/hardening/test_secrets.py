"""Tokens and API keys never appear in logs, errors or answers, however a run fails."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import free_port
from tests.hardening.conftest import (
    FAKE_SECRETS,
    SECRET_VALUES,
    SEED_QUESTION,
    ChatEndpoints,
    assert_one_line_error,
    run_cli_together,
)

URL_PASSWORD = FAKE_SECRETS["OPENAI_API_KEY"]


def leaked(*texts: str) -> list[str]:
    """Secret values (and their first 16 characters) found in ``texts``."""
    found = []
    for secret in [*SECRET_VALUES, URL_PASSWORD]:
        for text in texts:
            if secret in text or secret[:16] in text:
                found.append(secret[:8] + "...")
    return sorted(set(found))


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory: pytest.TempPathFactory, seed_file: Path, embedder: Any) -> Path:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    store = tmp_path_factory.mktemp("secrets") / "store"
    settings = EngineSettings(store_dir=store, chat_model="extractive")
    assert (
        build_service(settings, embedder=embedder, with_model=False).ingest([str(seed_file)]).added
        == 1
    )
    return store


def test_failing_cli_runs_never_print_a_secret(
    seeded_store: Path, bad_site: str, chat_endpoints: ChatEndpoints, tmp_path: Path
) -> None:
    ask_store, ingest_store = tmp_path / "ask-store", tmp_path / "ingest-store"
    shutil.copytree(seeded_store, ask_store)
    unreachable_model = f"openai-compatible:m@http://127.0.0.1:{free_port()}/v1"
    with_password = bad_site.replace("://", f"://reader:{URL_PASSWORD}@")
    allow_local = {"NEWSBOT_FETCH_ALLOW_HOSTS": '["127.0.0.1"]', "NEWSBOT_FETCH_TIMEOUT_S": "1"}
    runs = run_cli_together(
        [
            # The model is unreachable (connection refused), with full debug logging.
            (
                [
                    "-vv",
                    "--store",
                    str(ask_store),
                    "--model",
                    unreachable_model,
                    "ask",
                    SEED_QUESTION,
                    "--json",
                ],
                {"NEWSBOT_MODEL_TIMEOUT_S": "1"},
            ),
            # The model hangs until the timeout, with full debug logging.
            (
                [
                    "-vv",
                    "--store",
                    str(ask_store),
                    "--model",
                    chat_endpoints.spec("hang"),
                    "ask",
                    SEED_QUESTION,
                ],
                {"NEWSBOT_MODEL_TIMEOUT_S": "0.5"},
            ),
            # URLs carrying user:password@ that 404, do not connect, or redirect in a loop.
            (
                [
                    "-vv",
                    "--store",
                    str(ingest_store),
                    "--model",
                    "extractive",
                    "ingest",
                    f"{with_password}/not-found",
                    f"{with_password}/loop-a",
                    f"http://reader:{URL_PASSWORD}@127.0.0.1:{free_port()}/story",
                    f"ftp://reader:{URL_PASSWORD}@127.0.0.1/x",
                    "--json",
                ],
                allow_local,
            ),
            # The store is unavailable.
            (
                [
                    "-vv",
                    "--store",
                    str(tmp_path / "cache"),
                    "--model",
                    "extractive",
                    "search",
                    "Kursk",
                ],
                {"NEWSBOT_CHROMA_URL": f"http://127.0.0.1:{free_port()}"},
            ),
        ],
        cwd=tmp_path,
    )

    model_down, model_hangs, bad_urls, store_down = runs
    assert model_down.returncode == 0 and model_down.json()["notes"], model_down.stderr[-2000:]
    assert model_hangs.returncode == 0, model_hangs.stderr[-2000:]
    assert bad_urls.returncode == 1 and len(bad_urls.json()["failed"]) == 4
    assert_one_line_error(store_down)
    for run in runs:
        assert leaked(run.stdout, run.stderr) == [], (run.args, run.stderr[-3000:])


def test_a_failing_model_logs_and_answers_without_its_api_key(
    seeded_store: Path,
    embedder: Any,
    chat_endpoints: ChatEndpoints,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    store = tmp_path / "store"
    shutil.copytree(seeded_store, store)
    texts = []
    for fault in ("server-error", "invalid-json"):
        settings = EngineSettings(
            store_dir=store,
            chat_model=chat_endpoints.spec(fault),
            model_timeout_s=1.0,
            openai_compatible_api_key=FAKE_SECRETS["NEWSBOT_OPENAI_COMPATIBLE_API_KEY"],
        )
        with caplog.at_level(logging.DEBUG):
            answer = build_service(settings, embedder=embedder).ask(SEED_QUESTION)
        assert answer.notes
        texts.append(answer.model_dump_json())
    assert caplog.records, "nothing was logged"
    assert leaked(caplog.text, *texts) == []


def test_settings_never_show_the_api_key() -> None:
    from retrieval.settings import EngineSettings

    secret = FAKE_SECRETS["NEWSBOT_OPENAI_COMPATIBLE_API_KEY"]
    settings = EngineSettings(openai_compatible_api_key=secret)
    assert leaked(repr(settings), str(settings), settings.model_dump_json()) == []
