"""Ingesting a local folder stays offline, and its report adds up for a reader."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from retrieval.loaders import load_sources
from retrieval.models import LoadFailure, RawArticle, SkippedSource
from tests.conftest import ROOT, SEED


@pytest.fixture
def html_fixtures(shared_data: Path) -> Path:
    return shared_data / "html-fixtures" / "html"


def test_a_saved_feed_in_a_folder_is_read_from_its_own_text_never_fetched(
    html_fixtures: Path,
) -> None:
    # No fetcher at all: any entry that wanted the network would come back as a failure.
    items = list(load_sources([str(html_fixtures)], fetcher=None))
    assert not [i for i in items if isinstance(i, LoadFailure)]
    # The redirect stub holds no article by design: skipped, naming where it points.
    skipped = [i for i in items if isinstance(i, SkippedSource)]
    assert [Path(s.source).name for s in skipped] == ["google_meta_refresh.html"]
    assert "redirects" in skipped[0].reason and "://" in skipped[0].reason
    entries = [
        i for i in items if isinstance(i, RawArticle) and "sample_rss.html#entry-" in i.origin
    ]
    assert len(entries) == 3
    assert all(e.url and e.url.startswith("https://www.edumock.com/") for e in entries)
    assert "logical reasoning" in entries[0].text


def test_a_second_copy_of_an_article_is_a_duplicate_in_every_run(
    tmp_path: Path, make_service: Any
) -> None:
    from retrieval.settings import EngineSettings

    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    shutil.copy(SEED, folder / "b.txt")
    service = make_service(EngineSettings(store_dir=tmp_path / "store", chat_model="extractive"))
    first = service.ingest([str(folder)])
    again = service.ingest([str(folder)])
    assert [a.status for a in first.articles] == ["added", "duplicate"]
    assert [a.status for a in again.articles] == ["unchanged", "duplicate"]
    assert again.unchanged == 1 and again.articles_total == 1


# Two saved copies of one article, a saved RSS feed, and a page that only redirects.
FIXTURE_FILES = (
    "cleveland.com1.html",
    "video_article_01.html",
    "sample_rss.html",
    "google_meta_refresh.html",
)


@pytest.mark.slow
def test_reingesting_saved_pages_is_offline_quiet_and_adds_up(
    html_fixtures: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    for name in FIXTURE_FILES:
        shutil.copy(html_fixtures / name, folder / name)
    store = tmp_path / "store"
    command = [sys.executable, "-m", "bot", "--store", str(store), "ingest", str(folder)]
    env = {"PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    env["PATH"] = "/usr/bin:/bin"
    runs = [
        subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
        for _ in range(2)
    ]
    for run in runs:
        assert run.returncode == 0, run.stdout + run.stderr
        assert "ERROR" not in run.stderr and "trafilatura" not in run.stderr, run.stderr
        assert "edumock" not in run.stdout  # no entry's URL was tried
        # The redirect stub is skipped, not failed (named on its own it still fails).
        assert "failed: " not in run.stdout
        assert run.stdout.count("skipped: ") == 1 and "google_meta_refresh.html" in run.stdout
    summary = runs[1].stdout.strip().splitlines()[-1]
    counts = Counter(
        {word: int(n) for n, word in (p.split()[-2:] for p in summary.split(";")[0].split(","))}
    )
    read = int(summary.split(" read:")[0])
    assert read == sum(counts.values()) == 6, summary
    assert counts["unchanged"] == 4 and counts["duplicate"] == 1 and counts["skipped"] == 1
    assert counts["failed"] == 0
    assert "the store now holds 4 articles" in summary


def test_a_redirect_stub_named_on_its_own_is_still_a_failure(html_fixtures: Path) -> None:
    items = list(load_sources([str(html_fixtures / "google_meta_refresh.html")], fetcher=None))
    assert len(items) == 1 and isinstance(items[0], LoadFailure)
    assert "meta refresh" in items[0].error
