"""``newsbot check`` (CONTRACT.md, section check), as real subprocesses on an embedded store.

Few subprocesses on purpose (each loads the models): one --batch carries most cases.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.bot.test_cli import SEEDS, json_out, newsbot

ORIGINAL = (
    "According to Gerasimov, Russian forces have reclaimed about 1,100 square kilometers "
    "(425 square miles) of territory in the Kursk region."
)
EDITS = {
    "negation": ORIGINAL.replace("have reclaimed", "have not reclaimed"),
    "wrong actor": ORIGINAL.replace("Russian forces", "Ukrainian forces"),
    "opposite predicate": ORIGINAL.replace("have reclaimed", "lost"),
    "wrong unit": ORIGINAL.replace("square kilometers (425 square miles)", "square miles"),
}
NOBEL = "Putin later won the Nobel Peace Prize for the campaign."


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    workdir = tmp_path_factory.mktemp("check-cli")
    store = workdir / "store"
    result = newsbot("ingest", str(SEEDS), "--json", "--store", str(store), cwd=workdir)
    assert result.returncode == 0, result.stderr[-2000:]
    return workdir, store, str(json_out(result)["articles"][0]["article_id"])


@pytest.fixture(scope="module")
def batch(store: tuple[Path, Path, str]) -> tuple[dict[str, Any], Any]:
    """One ``check --batch`` run over the cases below, plus a broken line."""
    workdir, folder, seed_id = store
    lines = [
        {"id": "original", "claim": ORIGINAL},
        *({"id": kind, "claim": claim} for kind, claim in EDITS.items()),
        {"id": "two-sentences", "claim": f"{ORIGINAL} {NOBEL}"},
        {"id": "one-contradicted", "claim": f"{ORIGINAL} {EDITS['negation']}"},
        {"id": "in-article", "claim": ORIGINAL, "article": seed_id},
        {"id": "no-such-article", "claim": ORIGINAL, "article": "no-such-id"},
        {"id": "before-publication", "claim": ORIGINAL, "as_of": "2025-03-01"},
    ]
    path = workdir / "claims.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines) + "{broken\n", encoding="utf-8")
    result = newsbot("check", "--batch", str(path), "--store", str(folder), cwd=workdir)
    return {o["id"]: o for o in map(json.loads, result.stdout.splitlines())}, result


def test_the_seed_sentence_is_supported_with_its_passage_quoted(batch) -> None:  # type: ignore[no-untyped-def]
    out = batch[0]["original"]
    assert set(out) == {"id", "claim", "verdict", "sentences", "citations"}
    assert out["verdict"] == "supported"
    [sentence] = out["sentences"]
    assert set(sentence) == {"text", "verdict", "support", "against"}
    quoted = {c["n"]: c["quote"] for c in out["citations"]}
    assert "1,100 square kilometers" in quoted[sentence["support"][0]]


@pytest.mark.parametrize("kind", list(EDITS))
def test_the_four_seed_edits_come_back_contradicted(batch, kind: str) -> None:  # type: ignore[no-untyped-def]
    out = batch[0][kind]
    assert out["verdict"] == "contradicted", out
    [sentence] = out["sentences"]
    assert sentence["against"] and not sentence["support"]


def test_a_claim_is_supported_only_when_every_sentence_is(batch) -> None:  # type: ignore[no-untyped-def]
    out = batch[0]["two-sentences"]
    assert [s["verdict"] for s in out["sentences"]] == ["supported", "not_found"]
    assert out["verdict"] == "not_found"
    assert batch[0]["one-contradicted"]["verdict"] == "contradicted"


def test_article_and_as_of_limit_what_a_claim_is_checked_against(batch, store) -> None:  # type: ignore[no-untyped-def]
    _, _, seed_id = store
    out = batch[0]["in-article"]
    assert out["verdict"] == "supported"
    assert {c["article_id"] for c in out["citations"]} == {seed_id}
    assert batch[0]["before-publication"]["verdict"] == "not_found"


def test_bad_batch_lines_are_skipped_with_one_line_each(batch) -> None:  # type: ignore[no-untyped-def]
    results, process = batch
    assert "no-such-article" not in results
    assert process.returncode == 1
    skipped = [line for line in process.stderr.splitlines() if "skipped" in line]
    assert len(skipped) == 2
    assert ":9: skipped" in skipped[0] and "no-such-id" in skipped[0]
    assert ":11: skipped" in skipped[1]


def test_one_claim_with_json_and_as_text(store) -> None:  # type: ignore[no-untyped-def]
    workdir, folder, _ = store
    result = newsbot(
        "check", ORIGINAL, "--json", "--since", "2025-03-01", "--store", str(folder), cwd=workdir
    )
    out = json_out(result)
    assert set(out) == {"claim", "verdict", "sentences", "citations"}  # no "id" outside --batch
    assert out["verdict"] == "supported"
    text = newsbot("check", EDITS["opposite predicate"], "--store", str(folder), cwd=workdir)
    assert text.returncode == 0  # whatever the verdict
    assert text.stdout.startswith("Verdict: contradicted")
    assert "1,100 square kilometers" in text.stdout


def test_check_without_a_claim_is_a_usage_error(store) -> None:  # type: ignore[no-untyped-def]
    workdir, folder, _ = store
    result = newsbot("check", "   ", "--store", str(folder), cwd=workdir)
    assert result.returncode == 2
    assert "check needs a CLAIM" in result.stderr


def test_a_batch_encodes_its_claims_together_before_checking_them(
    tmp_path: Path, embedder, seed_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    """In process (the subprocess tests cannot see inside): claims of a --batch file are
    prepared in blocks (one encoder call), lines for one article or that do not parse are not."""
    import argparse

    import bot.cli
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    service = build_service(
        EngineSettings(store_dir=tmp_path / "store"), with_model=False, embedder=embedder
    )
    assert service.ingest([str(seed_path.parent)]).added == 1
    warmed: list[list[str]] = []
    real_warm = service.warm_checks
    monkeypatch.setattr(service, "warm_checks", lambda c: (warmed.append(list(c)), real_warm(c)))
    monkeypatch.setattr(bot.cli, "CHECK_WARM_BATCH", 2)
    lines = [
        {"id": "a", "claim": ORIGINAL},
        {"id": "b", "claim": EDITS["negation"]},
        {"id": "c", "claim": NOBEL, "article": "no-such-id"},
        {"id": "d", "claim": EDITS["wrong unit"]},
    ]
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines) + "{broken\n", encoding="utf-8")
    args = argparse.Namespace(batch=str(path), since=None, as_of=None, article=None)
    assert bot.cli._check_batch(service, args) == 1  # two lines skipped
    assert warmed == [[ORIGINAL, EDITS["negation"]], [EDITS["wrong unit"]], []]
    verdicts = {
        o["id"]: o["verdict"] for o in map(json.loads, capsys.readouterr().out.split("\n")[:-1])
    }
    assert verdicts == {"a": "supported", "b": "contradicted", "d": "contradicted"}
