"""The bot's SQLite state, rate limits, option parsing and the progress relay."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.arguments import BadCommandInput, parse_post_time, parse_since
from bot.discord_run import run_bot
from bot.progress import PartialAnswerRelay
from bot.rate_limit import RequestRateLimiter
from bot.settings import DiscordSettings
from bot.state import BotState, FeedbackEntry, FeedbackLog
from tests.bot.fake_engine import ANSWER_TEXT, KURSK, FakeEngine

NOW = datetime(2025, 3, 12, 7, 31, tzinfo=UTC)


def test_feeds_are_kept_per_server_with_their_health(tmp_path: Path) -> None:
    state = BotState(tmp_path / "s.sqlite3")
    assert state.add_feed(1, "https://a.example/rss", NOW)
    assert not state.add_feed(1, "https://a.example/rss", NOW)
    state.add_feed(2, "https://b.example/rss", NOW)
    state.record_feed_poll(1, "https://a.example/rss", NOW, "HTTP 404")
    [feed] = state.feeds(1)
    assert feed.healthy is False and feed.last_error == "HTTP 404"
    assert state.feeds(2)[0].healthy is None
    assert len(state.feeds()) == 2
    assert state.remove_feed(1, "https://a.example/rss") and state.feeds(1) == []


def test_posted_articles_and_digest_failures_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    state = BotState(path)
    state.set_digest_schedule(7, 99, time(7, 30))
    state.record_posted(99, ["a", "b", "a"], NOW)
    assert state.record_digest_failure(7, NOW + timedelta(minutes=1)) == 1
    assert state.record_digest_failure(7, NOW + timedelta(minutes=3)) == 2
    state.close()

    state = BotState(path)
    assert state.posted_articles(99) == {"a", "b"} and state.posted_articles(98) == set()
    schedule = state.digest_schedule(7)
    assert schedule is not None and schedule.failures == 2
    assert not schedule.is_due(NOW + timedelta(minutes=2))  # due, but waiting to retry
    assert schedule.is_due(NOW + timedelta(minutes=3))
    state.record_digest_run(7, NOW + timedelta(minutes=3), posted=True)
    schedule = state.digest_schedule(7)
    assert schedule is not None and schedule.failures == 0 and schedule.retry_at is None
    assert state.forget_posted_before(NOW + timedelta(seconds=1)) == 2
    assert state.posted_articles(99) == set()


def test_a_digest_runs_once_a_day_even_across_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    state = BotState(path)
    state.set_digest_schedule(7, 99, time(7, 30))
    [schedule] = state.digest_schedules()
    assert not schedule.is_due(NOW.replace(hour=7, minute=0))
    assert schedule.is_due(NOW)
    state.record_digest_run(7, NOW, posted=True)
    state.close()

    reopened = BotState(path).digest_schedule(7)
    assert reopened is not None
    assert not reopened.is_due(NOW + timedelta(hours=3))
    assert reopened.is_due(NOW + timedelta(days=1))
    assert reopened.last_posted_at == NOW


def test_answers_behind_buttons_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    answer = FakeEngine().ask("q")
    BotState(path).save_answer("abc", answer, 1, NOW)
    loaded = BotState(path).load_answer("abc")
    assert loaded is not None and loaded.answer == ANSWER_TEXT
    assert loaded.citations[0] == KURSK


def test_feedback_is_appended_as_json_lines(tmp_path: Path) -> None:
    log = FeedbackLog(tmp_path / "f.jsonl")
    log.record(FeedbackEntry(time=NOW, guild=1, user=2, question="q", verdict="up"))
    log.record(FeedbackEntry(time=NOW, guild=1, user=3, question="q", verdict="down"))
    assert [e.verdict for e in log.entries()] == ["up", "down"]
    assert len((tmp_path / "f.jsonl").read_text().splitlines()) == 2


def test_rate_limits_count_per_person_and_per_server() -> None:
    now = [0.0]
    limiter = RequestRateLimiter(per_user=2, per_guild=3, clock=lambda: now[0])
    assert limiter.check(1, 10).allowed and limiter.check(1, 10).allowed
    refused = limiter.check(1, 10)
    assert not refused.allowed and refused.scope == "user" and refused.retry_after_s == 60
    assert limiter.check(2, 10).allowed
    assert limiter.check(3, 10).scope == "server"
    now[0] = 61.0
    assert limiter.check(1, 10).allowed


def test_since_accepts_spans_and_dates() -> None:
    assert parse_since("24h", NOW) == NOW - timedelta(hours=24)
    assert parse_since("1w", NOW) == NOW - timedelta(weeks=1)
    assert parse_since("2025-03-01", NOW) == date(2025, 3, 1)
    with pytest.raises(BadCommandInput, match="YYYY-MM-DD, 24h, 7d, 2w, yesterday or today"):
        parse_since("last tuesday", NOW)


def test_post_time_is_hh_mm() -> None:
    assert parse_post_time("7:05") == time(7, 5)
    with pytest.raises(BadCommandInput):
        parse_post_time("25:00")


@pytest.mark.asyncio
async def test_partial_text_from_a_worker_thread_is_shown_throttled() -> None:
    shown: list[str] = []

    async def show(text: str) -> None:
        shown.append(text)

    relay = PartialAnswerRelay(show, interval_s=0.2)

    def write() -> str:
        for i in range(20):
            relay.on_partial(f"part {i}")
            threading.Event().wait(0.02)
        return "done"

    assert await relay.run_while(asyncio.to_thread(write)) == "done"
    assert 1 <= len(shown) <= 4  # 0.4 s of writing, at most one edit per 0.2 s
    assert shown == sorted(shown, key=lambda s: int(s.split()[1]))


def test_run_without_a_token_says_so_in_one_line_before_building_the_engine(
    capsys: pytest.CaptureFixture[str],
) -> None:
    built: list[bool] = []

    def factory() -> FakeEngine:
        built.append(True)
        return FakeEngine()

    assert run_bot(factory, DiscordSettings(_env_file=None, token=None)) == 1  # type: ignore[call-arg]
    err = capsys.readouterr().err
    assert err.startswith("DISCORD_TOKEN is not set: ") and err.count("\n") == 1
    assert built == []
