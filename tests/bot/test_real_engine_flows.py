"""The main Discord flows with the real knowledge engine (extractive, embedded store holding the
seed), not the fake one: mention to thread, /ask, /summarize with autocomplete, /digest now, and
the buttons. Every request the bot sends is checked against Discord's OpenAPI description."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.client import NewsBot
from bot.settings import DiscordSettings
from tests.bot.conftest import SettableClock, running_bot
from tests.bot.fake_discord import EPHEMERAL, NEWS_CHANNEL_ID, FakeDiscord

pytestmark = pytest.mark.asyncio

QUESTION = "How much territory did Russia retake in Kursk?"
FIGURE = "1,100"
SEED_TITLE = "Putin Visits Kursk Region for First Time Since Ukraine’s Offensive"


@pytest.fixture(scope="module")
def real_service(tmp_path_factory: pytest.TempPathFactory, embedder: Any, seed_path: Path) -> Any:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    settings = EngineSettings(
        store_dir=tmp_path_factory.mktemp("real-engine") / "store", chat_model="extractive"
    )
    service = build_service(settings, embedder=embedder)
    report = service.ingest([str(seed_path.parent)])
    assert not report.failed and report.added == 1, report
    return service


@pytest_asyncio.fixture
async def real_bot(
    fake_discord: FakeDiscord, real_service: Any, settings: DiscordSettings, clock: SettableClock
) -> AsyncIterator[NewsBot]:
    async with running_bot(real_service, settings, clock) as bot:
        yield bot


def custom_ids(message: dict[str, Any]) -> list[str]:
    return [c["custom_id"] for row in message.get("components", []) for c in row["components"]]


async def original_with_embed(fake: FakeDiscord, token: str) -> dict[str, Any]:
    def done() -> dict[str, Any] | None:
        original = fake.interactions[token].original
        return original if original and original.get("embeds") else None

    return await fake.wait_for(done, 60)


async def test_a_mention_is_answered_in_a_thread_from_the_stored_seed(
    real_bot: NewsBot, fake_discord: FakeDiscord
) -> None:
    message = await fake_discord.user_says(QUESTION)
    thread = int(message["id"])
    answers = await fake_discord.wait_for(
        lambda: [m for m in fake_discord.bot_messages(thread) if m.get("embeds")], 60
    )
    embed = answers[-1]["embeds"][0]
    assert FIGURE in embed["description"] and "[1]" in embed["description"]
    assert SEED_TITLE in embed["fields"][0]["value"]
    assert not fake_discord.bot_messages(NEWS_CHANNEL_ID)


async def test_slash_ask_then_the_evidence_button_quotes_the_seed(
    real_bot: NewsBot, fake_discord: FakeDiscord
) -> None:
    token = await fake_discord.use_command("ask", {"question": QUESTION})
    original = await original_with_embed(fake_discord, token)
    assert FIGURE in original["embeds"][0]["description"]
    evidence = next(i for i in custom_ids(original) if i.startswith("newsbot:evidence:"))
    click = await fake_discord.click(original, evidence)
    response = await fake_discord.wait_for(lambda: fake_discord.interactions[click].callback)
    assert response["type"] == 4 and response["data"]["flags"] & EPHEMERAL
    quotes = " ".join(f["value"] for f in response["data"]["embeds"][0]["fields"])
    assert FIGURE in quotes


async def test_summarize_picks_the_seed_by_autocomplete_and_summarises_it(
    real_bot: NewsBot, fake_discord: FakeDiscord, real_service: Any
) -> None:
    typing = await fake_discord.use_command(
        "summarize", {"article": "putin vis"}, focused="article"
    )
    choices = await fake_discord.wait_for(lambda: fake_discord.interactions[typing].callback)
    assert choices["type"] == 8
    [choice] = choices["data"]["choices"]
    assert choice["name"].startswith("Putin Visits Kursk")
    token = await fake_discord.use_command("summarize", {"article": choice["value"]})
    original = await original_with_embed(fake_discord, token)
    embed = original["embeds"][0]
    assert embed["title"] == SEED_TITLE
    assert "[1]" in embed["description"]


async def test_digest_now_lists_the_seed_story(
    real_bot: NewsBot, fake_discord: FakeDiscord
) -> None:
    token = await fake_discord.use_command("digest", {"since": "2025-03-01"}, subcommand="now")
    original = await original_with_embed(fake_discord, token)
    text = " ".join(
        (e.get("title") or "") + (e.get("description") or "") for e in original["embeds"]
    )
    assert "Kursk" in text
