"""The quality benchmark's own scoring: a right answer in another article's words is right."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bench.harness import QA_DEV
from bench.quality import Question

# politics/112 reports Blunkett's resignation in its own words; the gold is politics/206's.
OTHER_ARTICLES_WORDS = (
    "Mr Blunkett resigned as Home Secretary on Wednesday after an inquiry uncovered an e-mail "
    "showing a visa application by Mrs Quinn's former nanny had been speeded up. [1]"
)


def _question(qid: str, path: str = "qa_calibration.jsonl") -> Question:
    for line in (QA_DEV.parent / path).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == qid:
            return Question.from_record(record)
    raise AssertionError(f"{qid} not in {path}")


def test_q081_accepts_the_reason_as_another_article_words_it() -> None:
    for path in ("qa_calibration.jsonl", "qa_dev.jsonl"):
        assert _question("q081", path).answered_by(OTHER_ARTICLES_WORDS)


def test_q081_still_wants_both_the_visa_and_the_nanny() -> None:
    question = _question("q081")
    assert not question.answered_by("David Blunkett resigned as home secretary on Wednesday. [1]")
    assert not question.answered_by("He was investigated over his former lover's nanny. [1]")


def test_a_failing_baseline_model_is_counted_not_a_crash(tmp_path: Path, embedder: Any) -> None:
    """The naive baseline's model timing out (as the local one does on a loaded machine) used to
    end the whole benchmark with a traceback; now that reply answers nothing and is counted."""
    import chromadb

    from bench.quality import NaiveRag, Tally
    from retrieval.chroma_server import free_port
    from retrieval.llm import build_chat_model

    text = "Time Warner's quarterly profits rose 76% to $1.13bn."
    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"))
    client.get_or_create_collection("chunks").add(
        ids=["c1"],
        documents=[text],
        metadatas=[{"article_id": "business/001"}],
        embeddings=embedder.embed_documents([text]),
    )
    service = SimpleNamespace(
        store=SimpleNamespace(client=client, chunks=SimpleNamespace(name="chunks"))
    )
    # A real OpenAI-compatible client pointed at a port where nothing listens.
    model, _ = build_chat_model(
        f"openai-compatible:m@http://127.0.0.1:{free_port()}/v1", timeout_s=2
    )
    naive = NaiveRag(service, embedder, model)

    question = _question("q081")
    reply = naive.reply(question)
    tally = Tally()
    row = tally.add(question, reply)

    assert reply.status == "not_found" and reply.failed
    assert row["model_failed"] is True
    assert tally.figures()["model_failures"] == 1


def _compared_reply(text: str) -> dict[str, object]:
    from bench.quality import Reply, Tally

    question = Question.from_record(
        {"id": "x", "question": "Which fell more, A in 2004 or B?", "answers": ["35%"]}
    )
    quotes = {1: "Profits at the airline fell by 12%.", 2: "Studio profits fell by 35%."}
    reply = Reply("answered", text, quotes, ["a", "b"], 0.1)
    return Tally().add(question, reply)


def test_a_comparison_of_cited_figures_is_supported_when_each_figure_is_in_a_cited_quote() -> None:
    row = _compared_reply(
        "Comparing the cited figures, the larger is the studio's profits: 35% [2], against 12% "
        "[1] for the airline's profits in 2004. Profits at the airline fell by 12%. [1] Studio "
        "profits fell by 35%. [2]"
    )
    assert row["unsupported"] == []


def test_a_comparison_stating_a_figure_no_cited_quote_holds_is_unsupported() -> None:
    row = _compared_reply(
        "Comparing the cited figures, the larger is the studio's profits: 53% [2], against 12% "
        "[1] for the airline's profits. Studio profits fell by 35%. [2]"
    )
    assert len(row["unsupported"]) == 1


def test_a_bulleted_line_after_a_marker_is_its_own_sentence_with_its_own_citation() -> None:
    """Each sentence is checked against the quotes it cites: a bullet ("- ") after "[2]" used to
    be read as part of the sentence before it, and checked against [2] only."""
    from bench.quality import answer_sentences

    text = "Germany lost to Brazil in Yokohama. [2] - Victory here gave Brazil a fifth title. [3]"
    assert answer_sentences(text) == [
        ("Germany lost to Brazil in Yokohama.", [2]),
        ("Victory here gave Brazil a fifth title.", [3]),
    ]
