"""The bot's state shared by several processes: the same schema and code on SQLite and
PostgreSQL, answers readable by every process, and leases that one holder at a time gets."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.settings import DiscordSettings
from bot.state import BotState
from tests.bot.fake_engine import ANSWER_TEXT, FakeEngine

NOW = datetime(2025, 3, 12, 7, 31, tzinfo=UTC)
LEASE = timedelta(minutes=5)


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    if request.param == "sqlite":
        return tmp_path / "state.sqlite3"
    return str(request.getfixturevalue("postgres_url"))


def test_the_state_keeps_feeds_schedules_and_answers_in_either_database(
    location: Path | str,
) -> None:
    state = BotState(location)
    big = 1_300_000_000_000_000_000  # server and channel ids need 64 bits
    assert state.add_feed(big, "https://a.example/rss", NOW)
    assert not state.add_feed(big, "https://a.example/rss", NOW)
    state.record_feed_poll(big, "https://a.example/rss", NOW, "HTTP 404")
    [feed] = state.feeds(big)
    assert feed.healthy is False and feed.last_error == "HTTP 404"
    state.set_digest_schedule(big, big + 1, time(7, 30))
    state.record_digest_run(big, NOW, posted=True)
    state.save_answer("abc", FakeEngine().ask("q"), big, NOW)
    state.save_answer("abc", FakeEngine().ask("q"), big, NOW)  # saved again: replaced
    state.set_meta("k", "v1")
    state.set_meta("k", "v2")
    state.close()

    again = BotState(location)
    schedule = again.digest_schedule(big)
    assert schedule is not None and schedule.channel_id == big + 1
    assert not schedule.is_due(NOW + timedelta(hours=1)) and schedule.is_due(NOW + timedelta(1))
    answer = again.load_answer("abc")
    assert answer is not None and answer.answer == ANSWER_TEXT
    assert again.get_meta("k") == "v2"
    assert again.remove_feed(big, "https://a.example/rss")


def test_an_answer_saved_by_one_process_is_read_by_another(postgres_url: str) -> None:
    BotState(postgres_url).save_answer("k1", FakeEngine().ask("q"), 1, NOW)
    loaded = BotState(postgres_url).load_answer("k1")
    assert loaded is not None and loaded.answer == ANSWER_TEXT


def test_a_lease_has_one_holder_until_it_expires_then_another_takes_it(
    location: Path | str,
) -> None:
    first, second = BotState(location), BotState(location)
    assert first.try_lease("feed:x", "a", NOW, LEASE)
    assert not second.try_lease("feed:x", "b", NOW + timedelta(minutes=1), LEASE)
    assert first.try_lease("feed:x", "a", NOW + timedelta(minutes=2), LEASE)  # renewed
    assert not second.try_lease("feed:x", "b", NOW + timedelta(minutes=6), LEASE)
    # The holder died: once its lease runs out, another process takes it over.
    assert second.try_lease("feed:x", "b", NOW + timedelta(minutes=7, seconds=1), LEASE)
    assert not first.try_lease("feed:x", "a", NOW + timedelta(minutes=8), LEASE)
    second.release_lease("feed:x", "b")
    assert first.try_lease("feed:x", "a", NOW + timedelta(minutes=8), LEASE)


def test_processes_racing_for_a_lease_get_it_exactly_once(location: Path | str) -> None:
    BotState(location).close()  # the schema exists before the race
    contenders = 8
    barrier = threading.Barrier(contenders)
    won: list[str] = []

    def contend(name: str) -> None:
        state = BotState(location)  # each its own connection, as separate processes have
        barrier.wait()
        if state.try_lease("digest:7", name, NOW, LEASE):
            won.append(name)
        state.close()

    threads = [threading.Thread(target=contend, args=(f"p{i}",)) for i in range(contenders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(won) == 1


def test_the_database_url_setting_selects_postgresql_and_hides_the_password() -> None:
    settings = DiscordSettings(
        _env_file=None,  # type: ignore[call-arg]
        database_url="postgresql://bot:secret@db.example:5432/newsbot",  # type: ignore[arg-type]
    )
    assert settings.state_location == "postgresql://bot:secret@db.example:5432/newsbot"
    assert "secret" not in repr(settings)
    assert (
        DiscordSettings(_env_file=None).state_location
        == DiscordSettings(  # type: ignore[call-arg]
            _env_file=None  # type: ignore[call-arg]
        ).state_path
    )


def test_an_unreachable_database_is_one_line_naming_it_without_the_password() -> None:
    from bot.state_db import StateUnavailable

    with pytest.raises(StateUnavailable) as caught:
        BotState("postgresql://bot:secret@127.0.0.1:1/newsbot")
    message = str(caught.value)
    assert "\n" not in message and "127.0.0.1:1" in message and "secret" not in message


def test_a_lease_taken_without_renewal_waits_for_its_own_expiry_too(location: Path | str) -> None:
    state = BotState(location)
    assert state.try_lease("feed:x", "a", NOW, LEASE, renew=False)
    assert not state.try_lease("feed:x", "a", NOW + timedelta(minutes=1), LEASE, renew=False)
    assert state.try_lease("feed:x", "a", NOW + timedelta(minutes=5), LEASE, renew=False)


def test_a_dropped_database_connection_is_reopened(postgres_url: str) -> None:
    import psycopg

    state = BotState(postgres_url)
    state.set_meta("k", "v")
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    assert state.get_meta("k") == "v"
