"""Fixtures for the bot tests: a local fake Discord, a fake engine, and the real bot between."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import pytest_asyncio
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.client import NewsBot
from bot.settings import DiscordSettings
from tests.bot.fake_discord import FakeDiscord
from tests.bot.fake_engine import FakeEngine

START_TIMEOUT_S = 10.0


@dataclass
class SettableClock:
    """The bot's clock, moved by the test."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now


@pytest_asyncio.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    route_base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    server = await FakeDiscord().start()
    try:
        yield server
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = route_base, gateway
        await server.stop()
    # Discord would have refused these: the test passed only because the fake was lenient.
    assert not server.invalid_requests, f"requests Discord would refuse: {server.invalid_requests}"


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(datetime(2025, 3, 12, 6, 0, tzinfo=UTC))


def bot_settings(tmp_path: Path, api_base: str, **overrides: object) -> DiscordSettings:
    values: dict[str, object] = {
        "token": "fake-token",
        "api_base": api_base,
        "state_path": tmp_path / "bot_state.sqlite3",
        "feedback_log": tmp_path / "feedback.jsonl",
        "progress_interval_s": 0.05,
        "digest_check_seconds": 0.05,
        "guild_ready_timeout_s": 0.05,
        "feed_poll_minutes": 600,
    }
    values.update(overrides)
    return DiscordSettings(_env_file=None, **values)  # type: ignore[arg-type]


@pytest.fixture
def settings(tmp_path: Path, fake_discord: FakeDiscord) -> DiscordSettings:
    return bot_settings(tmp_path, fake_discord.api_base)


@contextlib.asynccontextmanager
async def running_bot(
    engine: FakeEngine, settings: DiscordSettings, clock: SettableClock
) -> AsyncIterator[NewsBot]:
    """Start the real bot against the fake Discord; wait until it is ready; close it after."""
    bot = NewsBot(engine, settings, clock=clock)
    assert settings.token is not None
    running = asyncio.create_task(bot.start(settings.token.get_secret_value()))
    ready = asyncio.create_task(bot.wait_until_ready())
    try:
        done, _ = await asyncio.wait(
            {running, ready}, timeout=START_TIMEOUT_S, return_when=asyncio.FIRST_COMPLETED
        )
        if running in done:
            running.result()  # raises why the bot stopped
            raise AssertionError("the bot stopped before it was ready")
        if ready not in done:
            raise AssertionError("the bot was not ready in time")
        yield bot
    finally:
        ready.cancel()
        await asyncio.wait_for(bot.close(), START_TIMEOUT_S)
        with contextlib.suppress(Exception, asyncio.CancelledError):
            await asyncio.wait_for(running, START_TIMEOUT_S)


@pytest_asyncio.fixture
async def bot(
    fake_discord: FakeDiscord, engine: FakeEngine, settings: DiscordSettings, clock: SettableClock
) -> AsyncIterator[NewsBot]:
    async with running_bot(engine, settings, clock) as running:
        yield running
