"""A model's answer through the real OpenAI-compatible HTTP path, checked by the verifier.

The model is a local HTTP server that speaks the OpenAI chat API and replies with a scripted
answer citing the evidence passage that holds the 1,100 km² figure. A faithful paraphrase must
reach the person in the model's own words; each kind of edit must not reach them at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from retrieval.settings import EngineSettings
from tests.retrieval.local_http import RecordingServer, send_body

QUESTION = "How much territory did Russia retake in Kursk?"
PARAPHRASE = (
    "Gerasimov said Russia has retaken roughly 1,100 square kilometers of territory in the "
    "Kursk region [{n}]."
)
EDITS = {
    "negation": "Gerasimov said Russia has not retaken 1,100 square kilometers in Kursk [{n}].",
    "wrong actor": "Gerasimov said Ukrainian forces have retaken 1,100 square kilometers in "
    "Kursk [{n}].",
    "opposite predicate": "Gerasimov said Russian forces lost 1,100 square kilometers in "
    "Kursk [{n}].",
    "wrong unit": "Gerasimov said Russian forces have retaken 1,100 square miles in Kursk [{n}].",
    "wrong figure": "Gerasimov said Russian forces have retaken 1,400 square kilometers in "
    "Kursk [{n}].",
    "comparison": "Gerasimov said Russian forces have retaken more than 1,100 square "
    "kilometers in Kursk [{n}].",
    "wrong date": "Gerasimov said Russian forces have retaken 1,100 square kilometers, most of "
    "the land Ukraine seized in its May 2024 offensive [{n}].",
    "attribution dropped": "Russian forces have retaken 1,100 square kilometers in Kursk [{n}].",
    "hedged made certain": "Gerasimov said Russian forces will retake 1,100 square kilometers "
    "in Kursk [{n}].",
    "another source": "Syrsky said Russian forces have retaken 1,100 square kilometers in "
    "Kursk [{n}].",
}


class ScriptedModel:
    """An OpenAI-compatible chat endpoint whose reply is ``template`` with ``{n}`` the number
    of the evidence passage quoting 1,100 square kilometers."""

    def __init__(self) -> None:
        self.template = ""
        self.prompts: list[str] = []

    def __call__(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length", "0"))
        request = json.loads(handler.rfile.read(length) or b"{}")
        prompt = "\n".join(str(m.get("content", "")) for m in request.get("messages", []))
        self.prompts.append(prompt)
        found = re.search(r"^\[(\d+)\][^\n]*1,100 square kilometers", prompt, re.MULTILINE)
        content = self.template.format(n=found.group(1) if found else 1)
        reply = {
            "id": "chatcmpl-scripted",
            "object": "chat.completion",
            "created": 0,
            "model": request.get("model", "scripted"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        send_body(handler, json.dumps(reply).encode(), content_type="application/json")


@pytest.fixture(scope="module")
def model() -> Iterator[tuple[ScriptedModel, RecordingServer]]:
    scripted = ScriptedModel()
    with RecordingServer({"/v1/chat/completions": scripted}) as server:
        yield scripted, server


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, embedder, seed_path: Path, model):  # type: ignore[no-untyped-def]
    from bot.app import build_service

    _, server = model
    spec = f"openai-compatible:scripted@{server.url('/v1')}"
    settings = EngineSettings(
        store_dir=tmp_path_factory.mktemp("scripted"), chat_model=spec, model_timeout_s=10.0
    )
    service = build_service(settings, embedder=embedder)
    assert service.ingest([str(seed_path.parent)]).added == 1
    return service


def test_a_faithful_paraphrase_is_kept_in_the_models_words(service, model) -> None:  # type: ignore[no-untyped-def]
    scripted, server = model
    scripted.template = PARAPHRASE
    answer = service.ask(QUESTION)
    assert any(r.path.endswith("/chat/completions") for r in server.requests)
    assert answer.status == "answered"
    assert answer.model == service.chat_model_name  # no fallback
    assert "roughly 1,100 square kilometers" in answer.answer  # the model's word, not the quote
    assert any("1,100 square kilometers" in c.quote for c in answer.citations)


@pytest.mark.parametrize("kind", list(EDITS))
def test_each_kind_of_edit_is_dropped(service, model, kind: str) -> None:  # type: ignore[no-untyped-def]
    scripted, _ = model
    scripted.template = EDITS[kind]
    answer = service.ask(QUESTION)
    edited = re.sub(r"\s*\[\{n\}\]\.$", "", EDITS[kind])
    assert edited not in answer.answer
    assert answer.status == "answered"  # the passage itself stands in
    assert any("1,100 square kilometers" in c.quote for c in answer.citations)


def test_a_true_model_sentence_that_leaves_out_what_was_asked_gives_way_to_its_passage(
    service, model
) -> None:  # type: ignore[no-untyped-def]
    # Asked "how much", the model says that Russia retook territory but not how much: the
    # passage with the figure is said instead (as "The original name of Yahoo was Yahoo" for
    # "What was Yahoo originally called?" gave way to the passage with the first name).
    scripted, _ = model
    scripted.template = "Gerasimov said Russian forces have retaken territory in Kursk [{n}]."
    answer = service.ask(QUESTION)
    assert answer.status == "answered"
    assert "retaken territory in Kursk" not in answer.answer
    assert "1,100 square kilometers" in answer.answer


@pytest.fixture
def compressing(service):  # type: ignore[no-untyped-def]
    """The engine giving the model the small model's job: shorten the sentence it chose."""
    service.answers.t.model_job = "compress"
    yield service
    service.answers.t.model_job = None


def test_a_shortened_sentence_keeps_the_models_words_without_its_meta_text(
    compressing, model
) -> None:  # type: ignore[no-untyped-def]
    scripted, _ = model
    # A shortening keeps every figure and name of its sentence (the 425 square miles, Ukraine,
    # August 2024): the paraphrase with them.
    scripted.template = "The passage is: " + PARAPHRASE.replace(
        " [{n}].",
        " (425 square miles), most of the land Ukraine seized during its August 2024 offensive.",
    )
    answer = compressing.ask(QUESTION)
    assert "Sentence:" in scripted.prompts[-1]  # the compress prompt, not the answer prompt
    assert answer.status == "answered"
    assert answer.model == compressing.chat_model_name
    assert answer.points[0].wording == "model"
    assert "roughly 1,100 square kilometers" in answer.answer
    assert "passage" not in answer.answer.lower()


def test_a_shortened_sentence_cut_off_by_the_token_limit_is_not_said(compressing, model) -> None:  # type: ignore[no-untyped-def]
    scripted, _ = model
    scripted.template = "Gerasimov said Russia has retaken roughly 1,100 square kilometers of"
    answer = compressing.ask(QUESTION)
    assert answer.status == "answered"
    assert "kilometers of [" not in answer.answer and "kilometers of." not in answer.answer
    assert answer.points[0].wording == "quote"


def test_a_model_that_finds_no_answer_is_overruled_without_the_answer_saying_so(
    service, model
) -> None:  # type: ignore[no-untyped-def]
    # The evidence answers the question plainly, so the engine answers from it; nothing the
    # person sees may then say that the question was not answered or is not supported.
    scripted, _ = model
    scripted.template = "NOT FOUND"
    answer = service.ask(QUESTION)
    assert answer.status == "answered"
    shown = " ".join([answer.answer, *answer.notes]).lower()
    for denial in ("no answer", "not found", "not supported", "does not answer"):
        assert denial not in shown


def test_a_shortening_that_leaves_out_part_of_a_phrase_is_not_said(compressing, model) -> None:  # type: ignore[no-untyped-def]
    # Only words of the sentence, in its order, so the verifier finds them all; but "during its
    # August 2024 offensive" told when Ukraine seized the land, not when Russia reclaimed it.
    scripted, _ = model
    scripted.template = (
        "According to Gerasimov, Russian forces have reclaimed about 1,100 square kilometers "
        "(425 square miles) of territory in the Kursk region during its August 2024 offensive."
    )
    answer = compressing.ask(QUESTION)
    assert answer.status == "answered"
    assert "region during its" not in answer.answer
    assert answer.points[0].wording == "quote"


def test_a_shortening_that_leaves_out_a_figure_is_not_said(compressing, model) -> None:  # type: ignore[no-untyped-def]
    # Whole phrases left out, every word the sentence's own, so the verifier and the phrase
    # check pass it; but without "over the last five days" the 24 settlements have no time
    # frame (the report half's false "The festival was sold out 10 weeks before the two-day
    # event" left out "all 130,000" the same way).
    scripted, _ = model
    scripted.template = (
        "Russia's forces have retaken 24 settlements in the border region, Valery Gerasimov "
        "told the Kremlin leader."
    )
    answer = compressing.ask("How many settlements did Russia retake?")
    assert answer.status == "answered"
    assert "border region, Valery" not in answer.answer
    assert "over the last five days" in answer.answer
    assert answer.points[0].wording == "quote"


def test_a_model_that_asks_the_question_back_is_not_said(compressing, model) -> None:  # type: ignore[no-untyped-def]
    # SmolLM2 with the compress prompt sometimes writes the question back ("By how much did Time
    # Warner's quarterly profits rise ...?"); a question is no answer, whatever words it holds.
    question = (
        "Did Gerasimov say Russia had captured 430 Ukrainian soldiers in the region, while "
        "Syrsky said 942 Russians had been taken as prisoners of war?"
    )
    scripted, _ = model
    scripted.template = question
    answer = compressing.ask(question)
    assert answer.status == "answered"
    assert "?" not in answer.answer
    assert answer.points[0].wording == "quote"


# The seed's sentence with whole phrases left out ("of territory"): its own words, in order,
# every figure and name kept.
OWN_WORDS = (
    "According to Gerasimov, Russian forces have reclaimed about 1,100 square kilometers "
    "(425 square miles) in the Kursk region — most of the land Ukraine seized during its "
    "August 2024 offensive."
)


@pytest.fixture()
def own_words(compressing):  # type: ignore[no-untyped-def]
    """The engine holding a shortening to its sentence's own words, as it does a local model."""
    compressing.answers.t.compress_own_words = True
    yield compressing
    compressing.answers.t.compress_own_words = None


def test_a_reworded_shortening_is_not_said_where_only_the_sentences_own_words_are(
    own_words, model
) -> None:  # type: ignore[no-untyped-def]
    # The same faithful rewording the engine keeps from a larger model: from a model held to
    # its sentence's own words (the local default), the passage is quoted instead, since the
    # verifier passed the small model's false rewordings on the report half.
    scripted, _ = model
    scripted.template = PARAPHRASE.replace(
        " [{n}].",
        " (425 square miles), most of the land Ukraine seized during its August 2024 offensive.",
    )
    answer = own_words.ask(QUESTION)
    assert answer.status == "answered"
    assert "roughly" not in answer.answer
    assert answer.points[0].wording == "quote"


def test_a_shortening_in_the_sentences_own_words_is_said_where_only_those_are(
    own_words, model
) -> None:  # type: ignore[no-untyped-def]
    scripted, _ = model
    scripted.template = OWN_WORDS
    answer = own_words.ask(QUESTION)
    assert answer.status == "answered"
    assert answer.points[0].wording == "model"
    assert answer.points[0].text.startswith(OWN_WORDS[:-1])
