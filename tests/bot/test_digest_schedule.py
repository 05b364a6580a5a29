"""The daily digest with the real engine: each article posted once per channel, failures retried
after a growing pause. The real discord.py client against the local Discord API; the real
knowledge engine (extractive) on an embedded store."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.cogs.digest import retry_delay
from bot.settings import DiscordSettings
from tests.bot.conftest import SettableClock, running_bot
from tests.bot.fake_discord import DIGEST_CHANNEL_ID, GUILD_ID, FakeDiscord

pytestmark = pytest.mark.asyncio

HARBOUR = (
    "The city council voted on Tuesday to rebuild the old harbour wall, ending years of debate "
    "about flooding in the lower town. The work will cost 40 million euros and should be "
    "finished in 2028, the mayor told reporters after the vote."
)
COMET = (
    "Astronomers at the northern observatory have spotted a bright comet that should be "
    "visible to the naked eye in the evening sky next month. The comet was found by an amateur "
    "astronomer using a small telescope."
)
STRIKE = (
    "Train drivers will strike for two days next week after talks on pay broke down, their "
    "union said on Thursday. The rail operator said most services would be cancelled and "
    "advised passengers to work from home."
)
DAY = datetime(2025, 3, 12, 6, 0, tzinfo=UTC)
MISSING_CHANNEL_ID = 930000000000000999


def articles(tmp_path: Path, name: str, records: list[dict[str, Any]]) -> str:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


@pytest.fixture
def engine(tmp_path: Path, embedder: Any) -> Any:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    service = build_service(
        EngineSettings(store_dir=tmp_path / "store", chat_model="extractive"), embedder=embedder
    )
    report = service.ingest(
        [
            articles(
                tmp_path,
                "day1",
                [
                    {
                        "id": "harbour",
                        "title": "Harbour wall to be rebuilt",
                        "text": HARBOUR,
                        "published": "2025-03-12T05:00:00Z",
                        "source": "City Post",
                    },
                    {
                        "id": "comet",
                        "title": "Bright comet on its way",
                        "text": COMET,
                        "published": "2025-03-12T05:30:00Z",
                        "source": "Sky News Daily",
                    },
                ],
            )
        ]
    )
    assert report.added == 2, report
    return service


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(DAY)


def digest_titles(fake: FakeDiscord) -> list[list[str]]:
    """Each digest message posted in the digest channel, as its story titles."""
    return [
        [embed["title"] for embed in message["embeds"]]
        for message in fake.bot_messages(DIGEST_CHANNEL_ID)
    ]


async def test_each_article_is_posted_once_per_channel_across_the_days(
    engine: Any,
    fake_discord: FakeDiscord,
    settings: DiscordSettings,
    clock: SettableClock,
    tmp_path: Path,
) -> None:
    async with running_bot(engine, settings, clock) as bot:
        bot.state.set_digest_schedule(GUILD_ID, DIGEST_CHANNEL_ID, time(7, 30))
        clock.now = DAY.replace(hour=7, minute=31)
        await fake_discord.wait_for(lambda: digest_titles(fake_discord), timeout=30)
        [first] = digest_titles(fake_discord)
        assert {title.split(". ", 1)[1] for title in first} == {
            "Bright comet on its way",
            "Harbour wall to be rebuilt",
        }

        # The next day: the window starts at the day of the last post, which holds both stories
        # again; they were posted, so nothing is new.
        clock.now += timedelta(days=1)
        await fake_discord.wait_for(
            lambda: bot.state.digest_schedule(GUILD_ID).last_run_date == clock.now.date(),  # type: ignore[union-attr]
            timeout=30,
        )
        await asyncio.sleep(0.2)
        assert len(digest_titles(fake_discord)) == 1

        # A new article the day after: only it is posted.
        report = await asyncio.to_thread(
            engine.ingest,
            [
                articles(
                    tmp_path,
                    "day3",
                    [
                        {
                            "id": "strike",
                            "title": "Train drivers to strike",
                            "text": STRIKE,
                            "published": "2025-03-14T05:00:00Z",
                            "source": "Rail Times",
                        }
                    ],
                )
            ],
        )
        assert report.added == 1
        clock.now += timedelta(days=1)
        await fake_discord.wait_for(lambda: len(digest_titles(fake_discord)) == 2, timeout=30)
    assert digest_titles(fake_discord)[1] == ["1. Train drivers to strike"]


def failures_recorded(bot: Any) -> int | None:
    schedule = bot.state.digest_schedule(GUILD_ID)
    return None if schedule is None else schedule.failures


async def test_a_failing_digest_is_retried_after_a_growing_pause_then_posted(
    engine: Any,
    fake_discord: FakeDiscord,
    settings: DiscordSettings,
    clock: SettableClock,
) -> None:
    def attempts() -> int:
        return len(fake_discord.requests_to("GET", rf"/channels/{MISSING_CHANNEL_ID}"))

    async with running_bot(engine, settings, clock) as bot:
        # A channel Discord does not know (deleted since): every attempt fails.
        bot.state.set_digest_schedule(GUILD_ID, MISSING_CHANNEL_ID, time(7, 30))
        clock.now = DAY.replace(hour=7, minute=31)
        await fake_discord.wait_for(lambda: attempts() == 1, timeout=30)
        await asyncio.sleep(0.5)  # ten scheduler checks
        assert attempts() == 1

        for failures in (1, 2, 3):
            clock.now += retry_delay(failures - 1) - timedelta(seconds=1)
            await asyncio.sleep(0.3)
            assert attempts() == failures, "retried before its pause was over"
            clock.now += timedelta(seconds=1)
            await fake_discord.wait_for(lambda n=failures: attempts() == n + 1, timeout=30)
        # The failure is recorded just after its request fails: wait for it, do not race it.
        await fake_discord.wait_for(lambda: failures_recorded(bot) == 4, timeout=30)
        schedule = bot.state.digest_schedule(GUILD_ID)
        assert schedule is not None and schedule.failures == 4

        # The channel is fixed: the next retry posts, and the failures are forgotten.
        bot.state.set_digest_schedule(GUILD_ID, DIGEST_CHANNEL_ID, time(7, 30))
        clock.now += retry_delay(4)
        await fake_discord.wait_for(lambda: digest_titles(fake_discord), timeout=30)
        await fake_discord.wait_for(lambda: failures_recorded(bot) == 0, timeout=30)
        schedule = bot.state.digest_schedule(GUILD_ID)
        assert schedule is not None and schedule.failures == 0 and schedule.retry_at is None
    assert len(digest_titles(fake_discord)) == 1
    assert retry_delay(0) == timedelta(minutes=1) and retry_delay(50) == timedelta(hours=1)
