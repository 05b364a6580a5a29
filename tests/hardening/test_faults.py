"""Failing parts on the engine side: a chat model that hangs, refuses or talks nonsense, a Chroma
server that stops mid-session, a disk that fills up. Each ends in a clear answer or a one-line
error, and nothing stored is lost."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from retrieval.errors import StoreUnavailable
from tests.conftest import ChromaServer, free_port
from tests.hardening.conftest import (
    SEED_ANSWER_WORDS,
    SEED_QUESTION,
    ChatEndpoints,
    assert_one_line_error,
    grounded_problems,
    run_cli,
    run_cli_together,
)

MODEL_FAULTS = [
    "hang",
    "closed-port",
    "random-text",
    "invalid-json",
    "empty-choices",
    "empty-text",
    "bogus-markers",
    "server-error",
]


@pytest.fixture(scope="module")
def seeded_settings(
    tmp_path_factory: pytest.TempPathFactory, seed_file: Path, embedder: Any
) -> Any:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    settings = EngineSettings(
        store_dir=tmp_path_factory.mktemp("faults") / "store",
        chat_model="extractive",
        model_timeout_s=0.5,
    )
    report = build_service(settings, embedder=embedder, with_model=False).ingest([str(seed_file)])
    assert report.added == 1
    return settings


# --------------------------------------------------------------------------- the chat model


@pytest.mark.parametrize("fault", MODEL_FAULTS)
def test_a_failing_chat_model_leaves_a_cited_checked_extractive_answer(
    fault: str, seeded_settings: Any, embedder: Any, chat_endpoints: ChatEndpoints
) -> None:
    from bot.app import build_service

    spec = (
        f"openai-compatible:m@http://127.0.0.1:{free_port()}/v1"
        if fault == "closed-port"
        else chat_endpoints.spec(fault)
    )
    service = build_service(
        seeded_settings.model_copy(update={"chat_model": spec}), embedder=embedder
    )
    answer = service.ask(SEED_QUESTION)

    assert answer.status == "answered"
    assert SEED_ANSWER_WORDS in answer.answer
    assert answer.model.startswith("extractive")
    assert any("model" in note.lower() for note in answer.notes), answer.notes
    assert grounded_problems(answer, service) == []
    for invented in ("917", "4,000", "[9]", "[7]", "HACKED"):
        assert invented not in answer.answer


def test_the_cli_answers_extractively_when_the_model_times_out(
    seeded_settings: Any, chat_endpoints: ChatEndpoints, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(seeded_settings.store_dir, store)
    run = run_cli(
        [
            "--store",
            str(store),
            "--model",
            chat_endpoints.spec("hang"),
            "ask",
            SEED_QUESTION,
            "--json",
        ],
        cwd=tmp_path,
        env={"NEWSBOT_MODEL_TIMEOUT_S": "0.5"},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    answer = run.json()
    assert answer["status"] == "answered" and SEED_ANSWER_WORDS in answer["answer"]
    assert answer["model"].startswith("extractive")
    assert answer["notes"]


# --------------------------------------------------------------------------- the Chroma server


@pytest.fixture
def own_chroma(tmp_path: Path) -> Iterator[ChromaServer]:
    """A Chroma server of this test alone, which the test may stop and start again."""
    server = ChromaServer(tmp_path / "chroma", free_port())
    server.start()
    yield server
    server.stop()


def _one_line_store_error(call: Any) -> str:
    with pytest.raises(StoreUnavailable) as caught:
        call()
    message = str(caught.value)
    assert "\n" not in message and message.strip()
    return message


def test_a_stopped_chroma_server_is_a_one_line_error_and_a_restart_recovers(
    own_chroma: ChromaServer, seed_file: Path, embedder: Any, tmp_path: Path
) -> None:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    settings = EngineSettings(
        store_dir=tmp_path / "cache", chroma_url=own_chroma.url, chat_model="extractive"
    )
    service = build_service(settings, embedder=embedder)
    assert service.ingest([str(seed_file)]).added == 1
    assert service.ask(SEED_QUESTION).status == "answered"

    own_chroma.stop()
    for call in (
        lambda: service.ask(SEED_QUESTION),
        lambda: service.search(SEED_QUESTION),
        lambda: service.ingest([str(seed_file)]),
        service.articles,
        service.status,
    ):
        assert "Chroma" in _one_line_store_error(call)
    env = {"NEWSBOT_CHROMA_URL": own_chroma.url}
    store = ["--store", str(tmp_path / "cli-cache"), "--model", "extractive"]
    runs = run_cli_together(
        [
            ([*store, "ask", SEED_QUESTION, "--json"], env),
            ([*store, "search", "Kursk", "--json"], env),
            ([*store, "ingest", str(seed_file), "--json"], env),
        ],
        cwd=tmp_path,
    )
    for run in runs:
        assert_one_line_error(run)
        assert "Chroma" in run.stderr

    own_chroma.start()  # the same path and port
    answer = service.ask(SEED_QUESTION)  # the same service object
    assert answer.status == "answered" and SEED_ANSWER_WORDS in answer.answer
    assert service.store.count_articles() == 1
    run = run_cli([*store, "search", "Kursk", "--json"], cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.json()["hits"]


# --------------------------------------------------------------------------- a full disk


def _fill(disk: Path) -> None:
    """Write a ballast file until the disk has no room left."""
    with (disk / "ballast").open("wb") as ballast:
        try:
            while True:
                ballast.write(b"\0" * 65536)
                ballast.flush()
        except OSError:
            pass


def _many_articles(path: Path, count: int = 5) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            words = " ".join(f"harbour{i}x{j} report." for j in range(60))
            out.write(
                json.dumps(
                    {
                        "id": f"filler-{i}",
                        "title": f"Filler {i}",
                        "text": f"Filler article {i}. {words}",
                    }
                )
                + "\n"
            )
    return path


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs (needs root and mount rights), unmounted afterwards."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot mount a small tmpfs here: {exc}")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode(errors='replace')}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, timeout=10)


def test_a_full_disk_under_the_embedded_store_is_a_clear_error_and_loses_nothing(
    small_disk: Path, seed_file: Path, embedder: Any, tmp_path: Path
) -> None:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    settings = EngineSettings(store_dir=small_disk / "store", chat_model="extractive")
    service = build_service(settings, embedder=embedder)
    assert service.ingest([str(seed_file)]).added == 1

    _fill(small_disk)
    message = _one_line_store_error(
        lambda: service.ingest([str(_many_articles(tmp_path / "many.jsonl"))])
    )
    assert "full" in message.lower() or "space" in message.lower(), message

    answer = service.ask(SEED_QUESTION)
    assert answer.status == "answered" and SEED_ANSWER_WORDS in answer.answer
    assert grounded_problems(answer, service) == []
