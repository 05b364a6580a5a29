"""An idle bot keeps its lexical index level with what other processes write to a shared store:
the real discord.py client against the local Discord API, the fake engine counting catch-ups."""

from __future__ import annotations

import asyncio

import pytest

from bot.settings import DiscordSettings
from tests.bot.conftest import SettableClock, running_bot
from tests.bot.fake_discord import FakeDiscord
from tests.bot.fake_engine import FakeEngine

pytestmark = pytest.mark.asyncio


async def test_an_idle_bot_catches_up_on_a_timer_without_any_question(
    fake_discord: FakeDiscord, settings: DiscordSettings, clock: SettableClock
) -> None:
    engine = FakeEngine(lexical_catch_up_s=0.05)  # a Chroma server other processes write to
    async with running_bot(engine, settings, clock):
        for _ in range(100):
            if len(engine.calls_to("catch_up_lexical")) >= 3:
                break
            await asyncio.sleep(0.05)
    assert len(engine.calls_to("catch_up_lexical")) >= 3
    assert engine.calls_to("ask") == engine.calls_to("find_articles") == []


async def test_no_catch_up_loop_when_no_other_process_can_write_the_store(
    fake_discord: FakeDiscord, settings: DiscordSettings, clock: SettableClock
) -> None:
    engine = FakeEngine()  # lexical_catch_up_s 0: the embedded store
    async with running_bot(engine, settings, clock):
        await asyncio.sleep(0.3)
    assert engine.calls_to("catch_up_lexical") == []
