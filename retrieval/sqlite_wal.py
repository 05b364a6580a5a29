"""Open a SQLite file in WAL mode when other processes may be opening or writing it too.

``sqlite3.connect(timeout=...)`` makes a statement wait for another connection's lock, but not
``PRAGMA journal_mode=WAL``: switching the journal needs an exclusive lock, and when another
connection holds a write lock SQLite refuses at once ("database is locked") rather than risk a
deadlock, whatever the timeout. Two bot processes starting together on a fresh file (or one
starting while another writes to a file not yet in WAL) hit exactly that. So the switch is tried
again, backing off, until the same timeout has passed.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path


def connect_wal(path: Path | str, *, timeout: float = 60.0) -> sqlite3.Connection:
    """An autocommit connection to ``path`` in WAL mode, waiting up to ``timeout`` seconds for
    other connections' locks, the journal switch included."""
    db = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return db
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                db.close()
                raise
            if time.monotonic() + delay > deadline:
                db.close()
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)
