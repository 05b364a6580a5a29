"""Opening a SQLite file in WAL mode while another process writes it (two bot processes starting
together on one lexical index or state file)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bot.state_db import StateDatabase
from retrieval.lexical import LexicalIndex
from retrieval.sqlite_wal import connect_wal

# Another process takes the write lock on a file still in rollback mode, holds it for a moment,
# then commits: what a second bot process does while the first is switching the file to WAL.
HOLDER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("CREATE TABLE IF NOT EXISTS held (x)")
db.execute("BEGIN IMMEDIATE")
db.execute("INSERT INTO held VALUES (1)")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("COMMIT")
"""


def _hold_write_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_switching_to_wal_waits_for_another_processs_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    holder = _hold_write_lock(path, 0.6)
    try:
        started = time.monotonic()
        db = connect_wal(path, timeout=30.0)
        assert time.monotonic() - started >= 0.3  # it waited for the lock rather than failing
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        db.close()
    finally:
        holder.wait(timeout=30)


def test_the_lexical_index_and_the_state_file_open_while_another_process_writes(
    tmp_path: Path,
) -> None:
    for name, open_it in (
        ("lexical.sqlite3", lambda p: LexicalIndex(p).close()),
        ("state.sqlite3", lambda p: StateDatabase(p).close()),
    ):
        path = tmp_path / name
        holder = _hold_write_lock(path, 0.5)
        try:
            open_it(path)  # raised "database is locked" at once before the switch waited
        finally:
            holder.wait(timeout=30)
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_timeout_still_ends_the_wait(tmp_path: Path) -> None:
    """A guard (it passes without the retry too): the retry must not wait past its timeout."""
    path = tmp_path / "index.sqlite3"
    holder = _hold_write_lock(path, 3.0)
    try:
        started = time.monotonic()
        try:
            connect_wal(path, timeout=0.5)
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc)
        else:
            raise AssertionError("opened a file another process held locked past the timeout")
        assert time.monotonic() - started < 2.5
    finally:
        holder.wait(timeout=30)
