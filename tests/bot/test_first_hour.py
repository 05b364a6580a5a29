"""A new user's first hour: light commands stay light, flags agree, errors are one line.

Commands run as real ``python -m bot`` subprocesses on a real embedded store (the seed and a few
JSONL articles, written once through the real ingest with the shared embedder).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SEED

HEAVY_MODULES = ("torch", "chromadb", "sentence_transformers", "llama_cpp", "langchain", "discord")
SEED_ID = "t-fa6c1506447c096bb536"
NEWS = [
    {
        "id": "cjk-1",
        "title": "短缺药品保供稳价 全力保障临床用药需求",
        "published": "2023-11-17",
        "source": "人民网",
        "text": "国家卫生健康委员会表示，将继续做好短缺药品保供稳价工作，全力保障临床用药需求。",
    },
    {
        "id": "long-title",
        "title": "A headline that goes on well past seventy characters so that a cut would "
        "lose its ending: the end",
        "text": "The council voted on Tuesday to rebuild the old harbour wall, ending years of "
        "debate about flooding in the lower town.",
    },
]


def cli_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("NEWSBOT_", "DISCORD_")) and not k.endswith("_API_KEY")
    }
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(ROOT))
    env.update(extra or {})
    return env


def newsbot(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    python_flags: tuple[str, ...] = (),
    **kwargs: Any,
) -> subprocess.CompletedProcess[str]:
    if "stderr" not in kwargs:
        kwargs["capture_output"] = True
    return subprocess.run(
        [sys.executable, *python_flags, "-m", "bot", *args],
        cwd=cwd,
        env=cli_env(env),
        text=True,
        timeout=300,
        **kwargs,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout[-500:]
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, embedder: Any) -> Path:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    folder = tmp_path_factory.mktemp("first-hour")
    news = folder / "news.jsonl"
    news.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in NEWS), "utf-8")
    service = build_service(
        EngineSettings(store_dir=folder / "store", chat_model="extractive"), embedder=embedder
    )
    report = service.ingest([str(SEED), str(news)])
    assert not report.failed and report.added == 3
    return folder / "store"


# ------------------------------------------------------------------------------ light commands


def heavy_imports(result: subprocess.CompletedProcess[str]) -> set[str]:
    """Top-level packages of HEAVY_MODULES that ``-X importtime`` saw imported."""
    seen = set()
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+\s+\|\s+\d+\s+\|\s*([\w.]+)", line)
        if match:
            top = match.group(1).split(".")[0]
            if top in HEAVY_MODULES:
                seen.add(top)
    return seen


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["articles"],
        ["articles", "--json"],
        ["show", SEED_ID],
        ["run"],
        ["--model", "nonsense", "ask", "What happened?"],
        ["ask", "What happened?", "--model", "openai:gpt-4o-mini"],
        ["search", "Kursk", "--k", "0"],
    ],
    ids=lambda a: " ".join(a),
)
def test_light_commands_import_no_model_no_torch_and_no_chroma(
    store: Path, tmp_path: Path, args: list[str]
) -> None:
    result = newsbot("--store", str(store), *args, cwd=tmp_path, python_flags=("-X", "importtime"))
    assert heavy_imports(result) == set(), result.stderr[-1500:]


def test_a_search_embeds_without_importing_transformers(store: Path, tmp_path: Path) -> None:
    """The bundled MiniLM runs on torch alone: transformers and sentence-transformers cost
    about 7 s of CPU to import in every process that embeds."""
    result = newsbot(
        "--store",
        str(store),
        "search",
        "Kursk",
        "--json",
        cwd=tmp_path,
        python_flags=("-X", "importtime"),
    )
    assert result.returncode == 0, result.stderr[-1500:]
    assert "Kursk" in result.stdout
    imported = {
        m.group(1).split(".")[0]
        for m in re.finditer(r"import time:\s+\d+\s+\|\s+\d+\s+\|\s*([\w.]+)", result.stderr)
    }
    assert "torch" in imported
    assert not imported & {"transformers", "sentence_transformers"}


def test_articles_lists_whole_titles_singular_chunks_and_undated_rows(
    store: Path, tmp_path: Path
) -> None:
    result = newsbot("--store", str(store), "articles", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert NEWS[1]["title"] in result.stdout  # not cut at 70 characters
    assert "1 chunks" not in result.stdout and re.search(r"\b1 chunk\b", result.stdout)
    undated = next(line for line in lines if "long-title" in line)
    assert undated.startswith("undated")
    assert lines[-1] == "3 articles (1 undated)"


def test_articles_align_cjk_titles_by_display_width(store: Path, tmp_path: Path) -> None:
    from bot.terminal import display_width

    result = newsbot("--store", str(store), "articles", cwd=tmp_path)
    rows = result.stdout.splitlines()[:-1]
    titles = [str(n["title"]) for n in NEWS] + ["Putin Visits Kursk"]
    columns = {
        title: display_width(row[: row.index(title)])
        for row in rows
        for title in titles
        if title in row
    }
    assert len(columns) == 3 and len(set(columns.values())) == 1, rows


def test_show_reads_the_article_with_its_chunks_in_one_footer(store: Path, tmp_path: Path) -> None:
    result = newsbot("--store", str(store), "show", SEED_ID, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(f"[5 chunks; id {SEED_ID}]")
    single = newsbot("--store", str(store), "show", "cjk-1", cwd=tmp_path)
    assert single.stdout.strip().endswith("[1 chunk; id cjk-1]")


def test_the_light_reader_gives_what_the_chroma_store_gives(store: Path, embedder: Any) -> None:
    from retrieval.article_records import SqliteArticleRecords
    from retrieval.settings import EngineSettings
    from retrieval.store import ArticleStore

    chroma = ArticleStore(EngineSettings(store_dir=store), embedder)
    light = SqliteArticleRecords(store / "chroma.sqlite3", "newsbot")
    assert light.count_articles() == chroma.count_articles() == 3
    assert light.list_articles() == chroma.list_articles()
    for article_id in (SEED_ID, "cjk-1", "long-title"):
        assert light.get_article(article_id) == chroma.get_article(article_id)
        assert light.find_article_id(article_id) == article_id
    assert light.find_article_id("no-such-id") is None


def test_show_of_an_unknown_id_is_one_line(store: Path, tmp_path: Path) -> None:
    line = one_line_error(newsbot("--store", str(store), "show", "no-such-id", cwd=tmp_path))
    assert "no-such-id" in line


# ------------------------------------------------------------------------------ flags


def test_version_prints_the_package_version(tmp_path: Path) -> None:
    from importlib.metadata import version

    result = newsbot("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"newsbot {version('newsbot')}"


def test_a_mistyped_command_gets_a_suggestion_in_one_line(tmp_path: Path) -> None:
    result = newsbot("summarise", "seed", cwd=tmp_path)
    assert result.returncode == 2
    line = one_line_error(result)
    assert "did you mean 'summarize'?" in line


@pytest.mark.parametrize("k", ["0", "-3", "many"])
@pytest.mark.parametrize("command", ["search", "ask"])
def test_k_below_one_is_refused(tmp_path: Path, command: str, k: str) -> None:
    result = newsbot(command, "Kursk", "--k", k, "--store", str(tmp_path / "s"), cwd=tmp_path)
    assert result.returncode == 2
    assert "--k" in one_line_error(result)


@pytest.mark.parametrize("command", [["ask", "   "], ["search", ""], ["search", " \t"]])
def test_a_blank_question_or_query_is_refused(tmp_path: Path, command: list[str]) -> None:
    result = newsbot(*command, "--store", str(tmp_path / "s"), cwd=tmp_path)
    assert result.returncode == 2
    assert "empty" in one_line_error(result)


def _sub_parsers() -> dict[str, argparse.ArgumentParser]:
    from bot.cli import build_parser

    parser = build_parser()
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {"": parser, **sub.choices}


def test_every_flag_and_argument_has_help_with_its_default() -> None:
    missing = []
    for name, parser in _sub_parsers().items():
        for action in parser._actions:
            if action.help == argparse.SUPPRESS or isinstance(
                action, argparse._HelpAction | argparse._SubParsersAction
            ):
                continue
            text = action.help or ""
            needs_default = bool(action.option_strings) and action.dest != "version"
            if not text or (needs_default and "default" not in text):
                missing.append(f"{name or 'newsbot'} {action.option_strings or action.dest}")
    assert missing == []


def test_search_as_of_help_speaks_of_searching_not_answering() -> None:
    search = _sub_parsers()["search"]
    (as_of,) = (a for a in search._actions if "--as-of" in a.option_strings)
    assert "search" in (as_of.help or "") and "answer" not in (as_of.help or "")


def test_model_is_offered_only_where_a_chat_model_is_used() -> None:
    for name, parser in _sub_parsers().items():
        offered = any(
            "--model" in a.option_strings and a.help != argparse.SUPPRESS for a in parser._actions
        )
        assert offered == (name in {"", "ask", "summarize"}), name


def test_model_is_still_accepted_after_any_command_for_old_scripts() -> None:
    from bot.cli import build_parser

    args = build_parser().parse_args(["ingest", "x", "--model", "extractive"])
    assert args.model == "extractive"


NOW = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-03-01", date(2025, 3, 1)),
        ("2025/03/01", date(2025, 3, 1)),
        ("today", date(2025, 3, 14)),
        ("Yesterday", date(2025, 3, 13)),
        ("24h", date(2025, 3, 13)),
        ("7d", date(2025, 3, 7)),
        ("2w", date(2025, 2, 28)),
    ],
)
def test_one_date_grammar_for_every_since_and_as_of(text: str, day: date) -> None:
    from bot.arguments import parse_since
    from retrieval.dates import parse_day

    assert parse_day(text, NOW.date()) == day
    moment = parse_since(text, NOW)  # Discord's /ask and /digest
    assert (moment.date() if isinstance(moment, datetime) else moment) == day


@pytest.mark.parametrize(
    "args",
    [
        ["ask", "q", "--since", "7d"],
        ["ask", "q", "--as-of", "yesterday"],
        ["digest", "--since", "yesterday"],
        ["digest", "--since", "2w", "--as-of", "today"],
        ["search", "q", "--since", "24h", "--as-of", "2025-03-14"],
    ],
)
def test_the_command_line_accepts_the_grammar_on_every_date_flag(args: list[str]) -> None:
    from bot.cli import build_parser

    parsed = build_parser().parse_args(args)
    for name in ("since", "as_of"):
        value = getattr(parsed, name, None)
        assert value is None or isinstance(value, date)
    assert parsed.since is not None or parsed.as_of is not None


def test_a_bad_date_says_what_to_type_in_one_line(tmp_path: Path) -> None:
    line = one_line_error(newsbot("digest", "--since", "last tuesday", cwd=tmp_path))
    assert "24h, 7d, 2w, yesterday or today" in line


def test_a_discord_span_is_still_a_moment_before_now() -> None:
    from bot.arguments import parse_since

    assert parse_since("24h", NOW) == NOW - timedelta(hours=24)


# ------------------------------------------------------------------------------ models


def test_a_hosted_model_without_its_key_says_which_variable_to_set(
    store: Path, tmp_path: Path
) -> None:
    result = newsbot(
        "--store",
        str(store),
        "ask",
        "What happened?",
        "--model",
        "openai:gpt-4o-mini",
        cwd=tmp_path,
    )
    line = one_line_error(result)
    assert "set OPENAI_API_KEY" in line


def test_a_nonsense_model_is_refused_in_one_line(store: Path, tmp_path: Path) -> None:
    line = one_line_error(
        newsbot("--store", str(store), "--model", "nonsense", "ask", "What?", cwd=tmp_path)
    )
    assert "unknown chat model 'nonsense'" in line


# ------------------------------------------------------------------------------ store mistakes


@pytest.mark.parametrize(
    "command", [["ask", "What happened in Kursk?"], ["search", "Kursk"], ["articles"], ["digest"]]
)
def test_a_store_that_does_not_exist_is_empty_and_is_not_created(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "no-store-here"
    result = newsbot("--store", str(missing), "--model", "extractive", *command, cwd=tmp_path)
    assert "this store is empty: ingest something first" in one_line_error(result)
    assert not missing.exists()


def test_a_store_path_that_is_a_file_is_one_clear_line(tmp_path: Path) -> None:
    a_file = tmp_path / "store.txt"
    a_file.write_text("not a store")
    line = one_line_error(newsbot("--store", str(a_file), "articles", cwd=tmp_path))
    assert "is a file, not a folder" in line
    line = one_line_error(newsbot("--store", str(a_file), "ingest", str(SEED), cwd=tmp_path))
    assert "is a file, not a folder" in line


def run_on_read_only(store: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``newsbot --store COPY ARGS`` where COPY is a copy of ``store`` nobody can write.

    Write bits do not stop root, so as root the copy is also bind-mounted read-only in a
    private mount namespace (``unshare -m``), as a read-only disk or share would be.
    """
    import shutil

    copy = cwd / "read-only-store"
    shutil.copytree(store, copy)
    for path in (copy, *copy.rglob("*")):
        path.chmod(0o555 if path.is_dir() else 0o444)
    command = [sys.executable, "-m", "bot", "--store", str(copy), *args]
    if os.geteuid() == 0:
        if shutil.which("unshare") is None:
            pytest.skip("root may write anything, and unshare is not installed")
        mount = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", mount, str(copy), *command]
    return subprocess.run(
        command, cwd=cwd, env=cli_env(), capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("command", [["articles"], ["show", SEED_ID], ["search", "Kursk"]])
def test_a_read_only_store_is_readable(store: Path, tmp_path: Path, command: list[str]) -> None:
    result = run_on_read_only(store, *command, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-1500:]
    assert "Kursk" in result.stdout


def test_ingesting_into_a_read_only_store_is_refused_in_one_line(
    store: Path, tmp_path: Path
) -> None:
    line = one_line_error(run_on_read_only(store, "ingest", str(SEED), cwd=tmp_path))
    assert "read-only" in line


# ------------------------------------------------------------------------------ progress


def test_heavy_commands_show_progress_on_a_terminal_and_nothing_on_a_pipe(
    store: Path, tmp_path: Path
) -> None:
    import pty

    args = ("--store", str(store), "search", "Kursk", "--k", "1")
    piped = newsbot(*args, cwd=tmp_path)
    assert piped.returncode == 0 and piped.stderr == ""
    leader, follower = pty.openpty()
    seen = bytearray()

    def drain() -> None:
        # Read the terminal while the command runs, as a terminal does: the spinner redraws
        # ten times a second, and on a loaded machine it filled the pty's buffer, blocking the
        # command in its write until the test's timeout (CI, eighth session).
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the command ended and the last end was closed
                break
            if not chunk:
                break
            seen.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        at_terminal = newsbot(*args, cwd=tmp_path, stderr=follower, stdout=subprocess.PIPE)
    finally:
        os.close(follower)
        reader.join(timeout=60)
        os.close(leader)
    assert at_terminal.returncode == 0
    text = bytes(seen).decode("utf-8", "replace")
    assert "loading the embedding model" in text and "searching" in text
    assert text.endswith("\r\x1b[K")  # the status line is gone before the result
    assert at_terminal.stdout == piped.stdout
