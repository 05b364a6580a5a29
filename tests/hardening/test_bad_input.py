"""Hostile and broken sources, all in ONE run of the real CLI beside a few good articles.

Every bad case must end as a one-line error for that source alone; every good article of the same
run must be stored; nothing may crash. The cases are listed in bad_inputs/make_bad_inputs.py.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import free_port
from tests.hardening.bad_inputs.make_bad_inputs import (
    FETCH_MAX_BYTES,
    FETCH_TIMEOUT_S,
    Case,
    build_corpus,
)
from tests.hardening.conftest import CliRun, run_cli

MIN_BAD_CASES = 50


@dataclass
class BadRun:
    cases: list[Case]
    ingest: CliRun
    report: dict  # type: ignore[type-arg]
    listed: CliRun
    store: Path
    seed: Path


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory, bad_site: str, seed_file: Path) -> BadRun:
    work = tmp_path_factory.mktemp("bad-inputs")
    cases = build_corpus(work, bad_site, closed_port=free_port())
    sources = list(dict.fromkeys([str(seed_file), *(case.source for case in cases)]))
    store = work / "store"
    env = {
        "NEWSBOT_FETCH_ALLOW_HOSTS": json.dumps(["127.0.0.1"]),
        "NEWSBOT_FETCH_TIMEOUT_S": str(FETCH_TIMEOUT_S),
        "NEWSBOT_FETCH_MAX_BYTES": str(FETCH_MAX_BYTES),
        "NEWSBOT_FETCH_HOST_INTERVAL_S": "0",  # one local site serves every case
    }
    ingest = run_cli(
        ["--store", str(store), "--model", "extractive", "ingest", *sources, "--json"],
        cwd=work,
        env=env,
    )
    report = ingest.json()
    listed = run_cli(
        ["--store", str(store), "--model", "extractive", "articles", "--json"], cwd=work
    )
    return BadRun(cases, ingest, report, listed, store, seed_file)


def test_the_corpus_holds_at_least_fifty_bad_cases(bad_run: BadRun) -> None:
    bad = [case for case in bad_run.cases if case.expect == "failed"]
    assert len(bad) >= MIN_BAD_CASES
    assert len({case.name for case in bad_run.cases}) == len(bad_run.cases)


def test_the_run_exits_1_without_a_traceback(bad_run: BadRun) -> None:
    assert bad_run.ingest.returncode == 1, bad_run.ingest.stderr[-3000:]
    assert "Traceback" not in bad_run.ingest.stderr, bad_run.ingest.stderr[-3000:]


def test_every_bad_case_is_failed_under_its_own_source_with_a_one_line_error(
    bad_run: BadRun,
) -> None:
    failed = Counter(f["source"] for f in bad_run.report["failed"])
    errors = {f["source"]: f["error"] for f in bad_run.report["failed"]}
    problems = []
    for case in (c for c in bad_run.cases if c.expect == "failed"):
        if failed[case.label] == 0:
            problems.append(f"{case.name}: not in 'failed' as {case.label}")
            continue
        failed[case.label] -= 1
        error = errors[case.label]
        if "\n" in error or "\r" in error or "Traceback" in error or not error.strip():
            problems.append(f"{case.name}: error is not one line: {error!r}")
        if case.error_part and case.error_part.lower() not in error.lower():
            problems.append(f"{case.name}: error {error!r} does not say {case.error_part!r}")
    assert not problems, "\n".join(problems)


def test_nothing_fails_that_is_not_a_bad_case(bad_run: BadRun) -> None:
    expected = Counter(c.label for c in bad_run.cases if c.expect == "failed")
    actual = Counter(f["source"] for f in bad_run.report["failed"])
    assert actual - expected == Counter()


def test_every_good_article_of_the_same_run_is_stored(bad_run: BadRun) -> None:
    assert bad_run.listed.returncode == 0, bad_run.listed.stderr[-2000:]
    stored_ids = {row["article_id"] for row in bad_run.listed.json()["articles"]}
    by_source = {a["source"]: a for a in bad_run.report["articles"]}
    good = [c for c in bad_run.cases if c.expect == "stored"]
    missing = [
        c.name
        for c in good
        if c.label not in by_source or by_source[c.label]["article_id"] not in stored_ids
    ]
    assert not missing, missing
    seed = by_source.get(str(bad_run.seed))
    assert seed is not None and seed["article_id"] in stored_ids
    assert bad_run.report["articles_total"] == len(stored_ids)


@pytest.fixture(scope="module")
def stored_service(bad_run: BadRun, embedder):  # type: ignore[no-untyped-def]
    """The store the CLI wrote, opened in-process to read articles back."""
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    return build_service(
        EngineSettings(store_dir=bad_run.store, chat_model="extractive"),
        embedder=embedder,
        with_model=False,
    )


def test_good_articles_keep_their_words_and_dates(bad_run: BadRun, stored_service) -> None:  # type: ignore[no-untyped-def]
    """Windows-1251 Russian and Shift-JIS Japanese decode to the right words; odd dates go."""
    by_source = {a["source"]: a["article_id"] for a in bad_run.report["articles"]}
    problems = []
    for case in (c for c in bad_run.cases if c.expect == "stored"):
        article = stored_service.show(by_source[case.label])
        for words in case.contains:
            if words not in article.text:
                problems.append(f"{case.name}: stored text lacks {words!r}")
        if case.published is not False:
            published = article.published.isoformat() if article.published else None
            if published != case.published:
                problems.append(f"{case.name}: published {published}, want {case.published}")
    assert not problems, "\n".join(problems)


def test_credentials_in_a_url_never_reach_the_report(bad_run: BadRun) -> None:
    assert "hunter2-secret" not in bad_run.ingest.stdout
    assert "hunter2-secret" not in bad_run.ingest.stderr


def test_a_broken_setting_is_one_line_and_the_traceback_only_shows_with_v(tmp_path: Path) -> None:
    """An unexpected (non-newsbot) exception: one line by default, the traceback with -v."""
    from tests.hardening.conftest import assert_one_line_error, run_cli_together

    env = {"NEWSBOT_FETCH_TIMEOUT_S": "soon"}
    args = ["--store", str(tmp_path / "store"), "--model", "extractive", "articles"]
    quiet, verbose = run_cli_together([(args, env), (["-v", *args], env)], cwd=tmp_path)
    assert_one_line_error(quiet)
    assert "fetch_timeout_s" in quiet.stderr
    assert verbose.returncode == 1 and "Traceback" in verbose.stderr
