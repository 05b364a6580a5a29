"""Buttons and autocomplete under limits: rate limits, one vote a person, pruned answers, and
keystrokes and ``/status`` that do not read every stored article.

The real discord.py client against the local Discord API; the fake engine, except where the
store's reads are counted (the real engine on an embedded store)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.settings import DiscordSettings
from bot.state import ANSWER_RETENTION
from tests.bot.conftest import SettableClock, bot_settings, running_bot
from tests.bot.fake_discord import ALICE, EPHEMERAL, LOADING, FakeDiscord, user_payload
from tests.bot.fake_engine import FakeEngine
from tests.conftest import ROOT

pytestmark = pytest.mark.asyncio

QUESTION = "What did Putin do in Kursk?"
BOB = user_payload(940000000000000009, "bob")
SLOW_DOWN = "Easy there"


def custom_ids(message: dict[str, Any]) -> list[str]:
    return [c["custom_id"] for row in message.get("components", []) for c in row["components"]]


async def asked(fake: FakeDiscord) -> dict[str, Any]:
    token = await fake.use_command("ask", {"question": QUESTION})

    def done() -> dict[str, Any] | None:
        original = fake.interactions[token].original
        return original if original and original.get("embeds") else None

    return await fake.wait_for(done)


async def click(fake: FakeDiscord, message: dict[str, Any], prefix: str, **kw: Any) -> str:
    custom_id = next(i for i in custom_ids(message) if i.startswith(prefix))
    token = await fake.click(message, custom_id, **kw)

    def said() -> str | None:
        interaction = fake.interactions[token]
        if interaction.callback and interaction.callback["type"] == 4:
            return str(interaction.callback["data"].get("content") or "") or "(embed)"
        if interaction.followups:
            return str(interaction.followups[-1].get("content") or "")
        return None

    return await fake.wait_for(said)


async def keystroke(fake: FakeDiscord, current: str) -> list[dict[str, Any]]:
    token = await fake.use_command("summarize", {"article": current}, focused="article")
    callback = await fake.wait_for(lambda: fake.interactions[token].callback)
    assert callback["type"] == 8
    return list(callback["data"]["choices"])


async def test_clicks_and_keystrokes_over_the_quick_limit_are_refused_without_work(
    fake_discord: FakeDiscord, engine: FakeEngine, tmp_path: Path, clock: SettableClock
) -> None:
    settings = bot_settings(tmp_path, fake_discord.api_base, user_quick_rate_per_minute=3)
    async with running_bot(engine, settings, clock):
        answer = await asked(fake_discord)
        said = [await click(fake_discord, answer, "newsbot:evidence:") for _ in range(4)]
        assert said[:3] == ["(embed)"] * 3
        assert said[3].startswith(SLOW_DOWN)
        callback = fake_discord.interactions[list(fake_discord.interactions)[-1]].callback
        assert callback is not None and callback["data"]["flags"] & EPHEMERAL

        # Another person has their own allowance; Alice's keystrokes are over hers.
        assert await click(fake_discord, answer, "newsbot:evidence:", user=BOB) == "(embed)"
        assert await keystroke(fake_discord, "kursk") == []
        assert engine.calls_to("find_articles") == []


async def test_each_person_votes_once_an_answer_and_may_change_their_vote(
    fake_discord: FakeDiscord, engine: FakeEngine, settings: DiscordSettings, clock: SettableClock
) -> None:
    async with running_bot(engine, settings, clock) as bot:
        answer = await asked(fake_discord)
        assert await click(fake_discord, answer, "newsbot:vote:up:") == "Thanks, noted."
        for _ in range(3):
            said = await click(fake_discord, answer, "newsbot:vote:up:")
            assert said == "You already voted on this answer."
        assert await click(fake_discord, answer, "newsbot:vote:down:") == "Thanks, vote changed."
        assert await click(fake_discord, answer, "newsbot:vote:up:", user=BOB) == "Thanks, noted."
        entries = bot.feedback.entries()
    assert [(e.user, e.verdict) for e in entries] == [
        (int(ALICE["id"]), "up"),
        (int(ALICE["id"]), "down"),
        (int(BOB["id"]), "up"),
    ]


async def test_answers_behind_buttons_are_forgotten_after_their_retention(
    fake_discord: FakeDiscord, engine: FakeEngine, settings: DiscordSettings, clock: SettableClock
) -> None:
    async with running_bot(engine, settings, clock) as bot:
        old = await asked(fake_discord)
        clock.now += ANSWER_RETENTION + timedelta(hours=1)
        new = await asked(fake_discord)  # saving an answer prunes those past their retention
        rows = bot.state._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
        assert rows == 1
        gone = await click(fake_discord, old, "newsbot:evidence:")
        assert gone == "I no longer have that answer; please ask again."
        assert await click(fake_discord, new, "newsbot:evidence:") == "(embed)"


def status_shown(fake: FakeDiscord, token: str) -> bool:
    original = fake.interactions[token].original
    return bool(original and original.get("embeds") and not original["flags"] & LOADING)


class CountingCollection:
    """A real Chroma collection, counting the reads that walk every record (no ids given)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.scans = 0

    def get(self, *args: Any, **kwargs: Any) -> Any:
        if not kwargs.get("ids") and not args:
            self.scans += 1
        return self._inner.get(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


async def test_keystrokes_and_status_do_not_read_every_stored_article(
    fake_discord: FakeDiscord,
    settings: DiscordSettings,
    clock: SettableClock,
    tmp_path: Path,
    embedder: Any,
) -> None:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    service = build_service(
        EngineSettings(store_dir=tmp_path / "store", chat_model="extractive"), embedder=embedder
    )
    assert not service.ingest([str(ROOT / "seeds")]).failed
    counting = CountingCollection(service.store.articles)
    service.store.articles = counting  # type: ignore[assignment]
    async with running_bot(service, settings, clock):
        first = await keystroke(fake_discord, "")
        assert first and "Kursk" in first[0]["name"]
        scans_after_first = counting.scans
        for typed in ("p", "pu", "put", "puti", "putin"):
            choices = await keystroke(fake_discord, typed)
            assert choices and "Putin" in choices[0]["name"]
        for _ in range(3):
            token = await fake_discord.use_command("status")
            await fake_discord.wait_for(lambda t=token: status_shown(fake_discord, t))
    assert scans_after_first <= 1
    assert counting.scans == scans_after_first, "a keystroke or /status read every article"
