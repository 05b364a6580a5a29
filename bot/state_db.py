"""Where the bot's state lives: a SQLite file (one process, the default) or PostgreSQL (shared).

:class:`StateDatabase` is a thin DB-API face over either ``sqlite3`` or psycopg 3, so
:class:`bot.state.BotState` has one schema and one code path: SQL written with ``?``
placeholders and the ``INSERT ... ON CONFLICT`` upserts both databases understand. Every
statement commits on its own (autocommit), so a conditional ``UPDATE`` or upsert is the atomic
step that lets several processes share the state (see :meth:`BotState.try_lease`).
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from retrieval.sqlite_wal import connect_wal

log = logging.getLogger(__name__)

POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")

# ``?`` outside quoted strings (the state's SQL has none inside them, but be exact).
_QMARK = re.compile(r"\?(?=(?:[^']*'[^']*')*[^']*$)")


def is_postgres_url(location: object) -> bool:
    return isinstance(location, str) and urlsplit(location).scheme in POSTGRES_SCHEMES


def redacted(url: str) -> str:
    """``url`` without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()


class StateUnavailable(RuntimeError):
    """The state database cannot be opened."""


class StateDatabase:
    """One connection, SQLite or PostgreSQL, with the same ``execute`` for both."""

    def __init__(self, location: Path | str) -> None:
        self.location = location
        if is_postgres_url(location):
            self.dialect = "postgresql"
            self._conn: Any = self._connect_postgres(str(location))
        else:
            self.dialect = "sqlite"
            path = Path(location)
            if str(path) != ":memory:":
                path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit; wait for another process's write rather than fail at once.
            if str(path) == ":memory:":
                self._conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None)
            else:
                self._conn = connect_wal(path, timeout=30.0)
            self._conn.row_factory = sqlite3.Row

    @staticmethod
    def _connect_postgres(url: str) -> Any:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:  # pragma: no cover - a dependency of the project
            raise StateUnavailable("PostgreSQL state needs psycopg: pip install psycopg") from exc
        conninfo = re.sub(r"^(postgres|postgresql\+psycopg)://", "postgresql://", url)
        try:
            return psycopg.connect(conninfo, autocommit=True, row_factory=dict_row)
        except psycopg.Error as exc:
            message = " ".join(str(exc).split())[:200]
            raise StateUnavailable(
                f"cannot open the state database {redacted(url)}: {message}"
            ) from exc

    @property
    def describe(self) -> str:
        if self.dialect == "postgresql":
            return redacted(str(self.location))
        return str(self.location)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; returns a cursor (``rowcount``, ``fetchone``, iteration), whose
        rows are read by column name in both databases."""
        if self.dialect == "postgresql":
            import psycopg

            statement = _QMARK.sub("%s", sql.replace("%", "%%"))
            if self._conn.closed:
                self._conn = self._connect_postgres(str(self.location))
            try:
                return self._conn.execute(statement, tuple(params))
            except psycopg.OperationalError:
                if not self._conn.closed:
                    raise
                # The server restarted or dropped us: one new connection, one retry (each
                # statement is atomic on its own, so retrying it is safe).
                log.warning("the state database connection was lost; reconnecting")
                self._conn = self._connect_postgres(str(self.location))
                return self._conn.execute(statement, tuple(params))
        return self._conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        for params in rows:
            self.execute(sql, params)

    def executescript(self, script: str) -> None:
        for statement in (s.strip() for s in script.split(";")):
            if statement:
                self.execute(statement)

    def commit(self) -> None:
        """Statements commit on their own; kept so callers read as before."""

    def close(self) -> None:
        self._conn.close()
