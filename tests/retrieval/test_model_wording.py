"""The local default model (the real SmolLM2-135M) given a job it can do: shortening the one
sentence the engine chose so that it answers the question, in one sentence a grammar keeps on
one line. What it writes reaches the person in its own words when the verifier finds it
supported by that sentence; meta-text never does. (A llama.cpp grammar holding it to one
sentence was measured and not kept: bench/RESULTS.md, fifth session.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.llm import LocalGGUFChat, build_chat_model
from retrieval.settings import EngineSettings

QUESTION = "How many settlements did Russia retake?"


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory, embedder, seed_path: Path):  # type: ignore[no-untyped-def]
    from bot.app import build_service

    settings = EngineSettings(
        store_dir=tmp_path_factory.mktemp("local"), chat_model="local", model_timeout_s=120.0
    )
    service = build_service(settings, embedder=embedder)
    assert service.ingest([str(seed_path.parent)]).added == 1
    return service


@pytest.mark.slow
def test_the_local_model_shortens_the_answering_sentence_and_its_words_reach_the_person(
    local,
) -> None:  # type: ignore[no-untyped-def]
    # The model leaves out "in the region" and keeps every figure and name.
    answer = local.ask("How many Ukrainian soldiers did Russia capture?")
    print("LOCAL ANSWER", answer.answer)
    assert answer.status == "answered"
    assert answer.model == local.chat_model_name  # the model's words held: no fallback
    lead = answer.points[0]
    assert lead.wording == "model"
    assert "430 Ukrainian soldiers" in lead.text and "942 Russians" in lead.text
    quote = next(c.quote for c in answer.citations if c.n == lead.citations[0])
    assert lead.text != quote and len(lead.text) < len(quote)
    for meta in ("passage", "evidence", "not supported", "Sentence:", "Question:"):
        assert meta not in answer.answer


def test_the_local_model_is_held_to_its_sentences_own_words_by_default(local) -> None:  # type: ignore[no-untyped-def]
    # Its rewordings passed the verifier while false (bench/RESULTS.md, seventh session).
    assert local.answers.t.compress_own_words is None
    assert local.answers._own_words_only()


@pytest.mark.slow
def test_a_shortening_that_leaves_out_a_name_does_not_reach_the_person(local) -> None:  # type: ignore[no-untyped-def]
    # SmolLM2 shortens "... chief of the general staff Valery Gerasimov told the Kremlin leader"
    # to "..., the Kremlin leader said.": Gerasimov left out, the figure put in Putin's mouth.
    answer = local.ask(QUESTION)
    print("LOCAL ANSWER", answer.answer)
    assert answer.status == "answered"
    assert "leader said" not in answer.answer
    assert "Valery Gerasimov told the Kremlin leader" in answer.answer
    assert answer.points[0].wording == "quote"


def test_each_context_of_the_local_model_runs_on_one_thread() -> None:
    model, _ = build_chat_model("local", parallel=1)
    assert isinstance(model, LocalGGUFChat)
    assert model.llama.context_params.n_threads == 1
    # Reading the prompt too (llama-cpp-python's default is every core).
    assert model.llama.context_params.n_threads_batch == 1


def _warmed_up_local_model(store_dir: Path, embedder) -> LocalGGUFChat:  # type: ignore[no-untyped-def]
    """A fresh service on the local model, warmed up as `newsbot run` does; its model."""
    from bot.app import build_service

    settings = EngineSettings(store_dir=store_dir, chat_model="local", model_timeout_s=120.0)
    service = build_service(settings, embedder=embedder)
    model = service.answers.chat_model
    assert isinstance(model, LocalGGUFChat)
    service.warm_up()
    return model


def test_warming_up_has_the_local_model_read_the_compress_prompt_before_the_first_question(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    model = _warmed_up_local_model(tmp_path, embedder)
    evaluated = model.llama.input_ids[: model.llama.n_tokens].tolist()
    read = model.llama.detokenize(evaluated).decode()
    # The instructions and the last worked example: the first question reads only its own part.
    assert "You shorten one sentence" in read
    assert "unless the company improved its offer." in read.split("Sentence:")[-2]


def test_a_question_reads_only_its_sentence_and_question_after_the_warm_up(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    # The fixed instruction opens the question's turn, so llama.cpp keeps it evaluated from the
    # warm-up on; after the sentence it was read again for every question (~27 tokens of ~88).
    import llama_cpp

    from retrieval.answer import _compress_messages

    model = _warmed_up_local_model(tmp_path, embedder)
    sentence = "Russia's forces have retaken 24 settlements in the border region, Gerasimov said."
    llama_cpp.llama_perf_context_reset(model.llama._ctx.ctx)
    model.invoke(_compress_messages(sentence, QUESTION), max_tokens=1)
    read = llama_cpp.llama_perf_context(model.llama._ctx.ctx).n_p_eval
    own = len(model.llama.tokenize(f"{sentence}\nQuestion: {QUESTION}".encode(), add_bos=False))
    assert read <= own + 8  # its own words and the turn's few template tokens


def test_the_local_model_held_to_shortening_writes_only_the_sentences_words_in_order() -> None:
    from retrieval.answer import _compress_messages
    from retrieval.shortening import Shortening

    sentence = (
        "Russia's forces have retaken 24 settlements in the border region over the last five "
        "days, chief of the general staff Valery Gerasimov told the Kremlin leader."
    )
    model, _ = build_chat_model("local")
    assert model is not None
    messages = _compress_messages(sentence, QUESTION)
    free = str(model.invoke(messages, max_tokens=64).content)
    held = str(model.invoke(messages, max_tokens=80, shorten=sentence).content)
    print("FREE", free, "HELD", held)
    assert not Shortening(sentence).complete(free.strip().encode())  # "The Russian forces ..."
    assert Shortening(sentence).complete(held.strip().encode())
