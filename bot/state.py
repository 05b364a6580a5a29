"""The bot's own memory: per-server feeds and their health, digest schedules (with the day last
posted, so a restart never posts twice, and the retry time of a failing one), the articles each
channel's digests have posted (each is posted once), the last ingest, the answers behind buttons,
and the leases that let several bot processes share the work. Feedback goes to a separate JSON
Lines log.

The state is a SQLite file (one process) or, with ``NEWSBOT_DATABASE_URL=postgresql://...``,
PostgreSQL shared by every bot process: one schema and one code path (:mod:`bot.state_db`).
Calls are small, so they run on the event loop thread.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from bot.state_db import StateDatabase
from retrieval.models import Answer

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    guild_id BIGINT NOT NULL,
    url TEXT NOT NULL,
    added_at TEXT NOT NULL,
    last_polled_at TEXT,
    last_ok_at TEXT,
    last_error TEXT,
    PRIMARY KEY (guild_id, url)
);
CREATE TABLE IF NOT EXISTS digest_schedules (
    guild_id BIGINT PRIMARY KEY,
    channel_id BIGINT NOT NULL,
    post_time TEXT NOT NULL,
    last_run_date TEXT,
    last_posted_at TEXT
);
-- Every article a digest has posted in a channel: each is posted at most once per channel.
CREATE TABLE IF NOT EXISTS posted_articles (
    channel_id BIGINT NOT NULL,
    article_id TEXT NOT NULL,
    posted_at TEXT NOT NULL,
    PRIMARY KEY (channel_id, article_id)
);
-- A server's failing digest: how many times in a row, and not to be tried again before when.
CREATE TABLE IF NOT EXISTS digest_retries (
    guild_id BIGINT PRIMARY KEY,
    failures INTEGER NOT NULL,
    retry_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    guild_id BIGINT,
    created_at TEXT NOT NULL,
    answer_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_by_age ON answers (created_at);
-- One 👍/👎 a person an answer: a repeated click is not counted twice.
CREATE TABLE IF NOT EXISTS votes (
    answer_key TEXT NOT NULL,
    user_id BIGINT NOT NULL,
    verdict TEXT NOT NULL,
    voted_at TEXT NOT NULL,
    PRIMARY KEY (answer_key, user_id)
);
CREATE INDEX IF NOT EXISTS votes_by_age ON votes (voted_at);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at DOUBLE PRECISION NOT NULL
);
"""


@dataclass(frozen=True)
class FeedRecord:
    guild_id: int
    url: str
    added_at: datetime
    last_polled_at: datetime | None
    last_ok_at: datetime | None
    last_error: str | None

    @property
    def healthy(self) -> bool | None:
        """None before the first poll."""
        if self.last_polled_at is None:
            return None
        return self.last_error is None


@dataclass(frozen=True)
class DigestSchedule:
    guild_id: int
    channel_id: int
    post_time: time  # UTC
    last_run_date: date | None
    last_posted_at: datetime | None
    failures: int = 0  # failed attempts in a row
    retry_at: datetime | None = None  # after a failure: not before then

    def is_due(self, now: datetime) -> bool:
        """Due once a day, at or after its time (UTC), and not yet run today; after a failure,
        not before its retry time."""
        if self.retry_at is not None and now < self.retry_at:
            return False
        now = now.astimezone(UTC)
        return now.time() >= self.post_time and self.last_run_date != now.date()


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def _dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


class BotState:
    """Persistent per-server state of the bot."""

    def __init__(self, location: Path | str) -> None:
        """``location``: a SQLite file, or a ``postgresql://`` URL shared by every process."""
        self._db = StateDatabase(location)
        self._db.executescript(_SCHEMA)

    @property
    def shared(self) -> bool:
        """True when other processes may share this state (PostgreSQL)."""
        return self._db.dialect == "postgresql"

    def close(self) -> None:
        self._db.close()

    # Feeds ------------------------------------------------------------------------------
    def add_feed(self, guild_id: int, url: str, now: datetime) -> bool:
        """True when the feed is new for this server."""
        cursor = self._db.execute(
            "INSERT INTO feeds (guild_id, url, added_at) VALUES (?, ?, ?) "
            "ON CONFLICT (guild_id, url) DO NOTHING",
            (guild_id, url, _iso(now)),
        )
        self._db.commit()
        return cursor.rowcount == 1

    def remove_feed(self, guild_id: int, url: str) -> bool:
        cursor = self._db.execute(
            "DELETE FROM feeds WHERE guild_id = ? AND url = ?", (guild_id, url)
        )
        self._db.commit()
        return cursor.rowcount == 1

    def feeds(self, guild_id: int | None = None) -> list[FeedRecord]:
        """One server's feeds, or every server's when ``guild_id`` is None."""
        if guild_id is None:
            rows = self._db.execute("SELECT * FROM feeds ORDER BY guild_id, added_at, url")
        else:
            rows = self._db.execute(
                "SELECT * FROM feeds WHERE guild_id = ? ORDER BY added_at, url", (guild_id,)
            )
        return [
            FeedRecord(
                guild_id=row["guild_id"],
                url=row["url"],
                added_at=datetime.fromisoformat(row["added_at"]),
                last_polled_at=_dt(row["last_polled_at"]),
                last_ok_at=_dt(row["last_ok_at"]),
                last_error=row["last_error"],
            )
            for row in rows
        ]

    def record_feed_poll(self, guild_id: int, url: str, now: datetime, error: str | None) -> None:
        if error is None:
            self._db.execute(
                "UPDATE feeds SET last_polled_at = ?, last_ok_at = ?, last_error = NULL "
                "WHERE guild_id = ? AND url = ?",
                (_iso(now), _iso(now), guild_id, url),
            )
        else:
            self._db.execute(
                "UPDATE feeds SET last_polled_at = ?, last_error = ? "
                "WHERE guild_id = ? AND url = ?",
                (_iso(now), error, guild_id, url),
            )
        self._db.commit()

    # Digest schedules --------------------------------------------------------------------
    def set_digest_schedule(self, guild_id: int, channel_id: int, post_time: time) -> None:
        """Set or replace a server's schedule, keeping the day it last ran."""
        self._db.execute(
            "INSERT INTO digest_schedules (guild_id, channel_id, post_time) VALUES (?, ?, ?) "
            "ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, "
            "post_time = excluded.post_time",
            (guild_id, channel_id, post_time.strftime("%H:%M")),
        )
        self._db.commit()

    def clear_digest_schedule(self, guild_id: int) -> bool:
        cursor = self._db.execute("DELETE FROM digest_schedules WHERE guild_id = ?", (guild_id,))
        self._db.commit()
        return cursor.rowcount == 1

    _SCHEDULES = (
        "SELECT s.*, r.failures, r.retry_at FROM digest_schedules s "
        "LEFT JOIN digest_retries r ON r.guild_id = s.guild_id"
    )

    def digest_schedules(self) -> list[DigestSchedule]:
        rows = self._db.execute(f"{self._SCHEDULES} ORDER BY s.guild_id")
        return [self._schedule(row) for row in rows]

    def digest_schedule(self, guild_id: int) -> DigestSchedule | None:
        row = self._db.execute(f"{self._SCHEDULES} WHERE s.guild_id = ?", (guild_id,)).fetchone()
        return None if row is None else self._schedule(row)

    @staticmethod
    def _schedule(row: Any) -> DigestSchedule:
        return DigestSchedule(
            guild_id=row["guild_id"],
            channel_id=row["channel_id"],
            post_time=time.fromisoformat(row["post_time"]),
            last_run_date=date.fromisoformat(row["last_run_date"])
            if row["last_run_date"]
            else None,
            last_posted_at=_dt(row["last_posted_at"]),
            failures=row["failures"] or 0,
            retry_at=_dt(row["retry_at"]),
        )

    def record_digest_run(self, guild_id: int, now: datetime, *, posted: bool) -> None:
        """Mark today's run done; ``posted`` also moves the start of the next digest."""
        day = now.astimezone(UTC).date().isoformat()
        if posted:
            self._db.execute(
                "UPDATE digest_schedules SET last_run_date = ?, last_posted_at = ? "
                "WHERE guild_id = ?",
                (day, _iso(now), guild_id),
            )
        else:
            self._db.execute(
                "UPDATE digest_schedules SET last_run_date = ? WHERE guild_id = ?", (day, guild_id)
            )
        self._db.execute("DELETE FROM digest_retries WHERE guild_id = ?", (guild_id,))
        self._db.commit()

    def record_digest_failure(self, guild_id: int, retry_at: datetime) -> int:
        """Count one more failure in a row; not due again before ``retry_at``. Returns the
        number of failures in a row."""
        self._db.execute(
            "INSERT INTO digest_retries (guild_id, failures, retry_at) VALUES (?, 1, ?) "
            "ON CONFLICT (guild_id) DO UPDATE SET failures = digest_retries.failures + 1, "
            "retry_at = excluded.retry_at",
            (guild_id, _iso(retry_at)),
        )
        self._db.commit()
        row = self._db.execute(
            "SELECT failures FROM digest_retries WHERE guild_id = ?", (guild_id,)
        ).fetchone()
        return int(row["failures"])

    # Articles posted by digests ----------------------------------------------------------
    def record_posted(self, channel_id: int, article_ids: Iterable[str], now: datetime) -> None:
        self._db.executemany(
            "INSERT INTO posted_articles (channel_id, article_id, posted_at) VALUES (?, ?, ?) "
            "ON CONFLICT (channel_id, article_id) DO NOTHING",
            [(channel_id, article_id, _iso(now)) for article_id in set(article_ids)],
        )
        self._db.commit()

    def posted_articles(self, channel_id: int) -> set[str]:
        rows = self._db.execute(
            "SELECT article_id FROM posted_articles WHERE channel_id = ?", (channel_id,)
        )
        return {str(row["article_id"]) for row in rows}

    def forget_posted_before(self, moment: datetime) -> int:
        cursor = self._db.execute(
            "DELETE FROM posted_articles WHERE posted_at < ?", (_iso(moment),)
        )
        self._db.commit()
        return cursor.rowcount

    # Answers behind buttons --------------------------------------------------------------
    def save_answer(self, key: str, answer: Answer, guild_id: int | None, now: datetime) -> None:
        """Keep an answer for its buttons; answers (and votes) past ``ANSWER_RETENTION`` go."""
        self._db.execute(
            "INSERT INTO answers (key, guild_id, created_at, answer_json) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET guild_id = excluded.guild_id, "
            "created_at = excluded.created_at, answer_json = excluded.answer_json",
            (key, guild_id, _iso(now), answer.model_dump_json()),
        )
        self._db.commit()
        self.forget_answers_before(now - ANSWER_RETENTION)

    def record_vote(self, answer_key: str, user_id: int, verdict: str, now: datetime) -> str | None:
        """Record a person's vote on an answer; return their earlier verdict (None if new)."""
        row = self._db.execute(
            "SELECT verdict FROM votes WHERE answer_key = ? AND user_id = ?", (answer_key, user_id)
        ).fetchone()
        self._db.execute(
            "INSERT INTO votes (answer_key, user_id, verdict, voted_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (answer_key, user_id) DO UPDATE SET verdict = excluded.verdict, "
            "voted_at = excluded.voted_at",
            (answer_key, user_id, verdict, _iso(now)),
        )
        self._db.commit()
        return None if row is None else str(row["verdict"])

    def load_answer(self, key: str) -> Answer | None:
        row = self._db.execute("SELECT answer_json FROM answers WHERE key = ?", (key,)).fetchone()
        return None if row is None else Answer.model_validate_json(row["answer_json"])

    def forget_answers_before(self, moment: datetime) -> int:
        cursor = self._db.execute("DELETE FROM answers WHERE created_at < ?", (_iso(moment),))
        self._db.execute("DELETE FROM votes WHERE voted_at < ?", (_iso(moment),))
        self._db.commit()
        return cursor.rowcount

    # Small values ------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        self._db.commit()

    # Leases: work that one process at a time may do ----------------------------------------
    def try_lease(
        self, name: str, holder: str, now: datetime, ttl: timedelta, *, renew: bool = True
    ) -> bool:
        """Take the lease ``name`` until ``now + ttl``; False while another holder's lease
        runs (or, with ``renew=False``, while any lease runs, this holder's too). One atomic
        upsert, so two processes never both get it; a lease whose holder died is taken over
        once it expires."""
        at = now.timestamp()
        cursor = self._db.execute(
            "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
            "expires_at = excluded.expires_at "
            "WHERE leases.expires_at <= ? OR leases.holder = ?",
            (name, holder, at + ttl.total_seconds(), at, holder if renew else ""),
        )
        return bool(cursor.rowcount == 1)

    def release_lease(self, name: str, holder: str) -> None:
        self._db.execute("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))

    def record_ingest(self, now: datetime, summary: str) -> None:
        self.set_meta("last_ingest_at", _iso(now) or "")
        self.set_meta("last_ingest_summary", summary)

    def last_ingest(self) -> tuple[datetime, str] | None:
        at = self.get_meta("last_ingest_at")
        if not at:
            return None
        return datetime.fromisoformat(at), self.get_meta("last_ingest_summary") or ""


ANSWER_RETENTION = timedelta(days=30)


class FeedbackEntry(BaseModel):
    time: datetime
    guild: int | None
    user: int
    question: str
    verdict: Literal["up", "down"]
    answer_key: str | None = None


class FeedbackLog:
    """Append-only JSON Lines log of 👍/👎 on answers."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def record(self, entry: FeedbackEntry) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as log_file:
            log_file.write(entry.model_dump_json() + "\n")

    def entries(self) -> list[FeedbackEntry]:
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return [FeedbackEntry.model_validate(json.loads(line)) for line in lines if line.strip()]
