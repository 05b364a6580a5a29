"""``/check`` and the "Fact-check" message menu, end to end: the real discord.py client against
the local fake Discord, on the real engine (MiniLM, embedded Chroma, the verifier) over the seed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.cogs.check import NOTHING_TO_CHECK
from bot.settings import DiscordSettings
from retrieval.settings import EngineSettings
from tests.bot.conftest import SettableClock, bot_settings, running_bot
from tests.bot.fake_discord import EPHEMERAL, FakeDiscord
from tests.bot.test_discord_end_to_end import custom_ids

ORIGINAL = (
    "According to Gerasimov, Russian forces have reclaimed about 1,100 square kilometers "
    "(425 square miles) of territory in the Kursk region."
)
WRONG_UNIT = ORIGINAL.replace("square kilometers (425 square miles)", "square miles")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, embedder, seed_path: Path):  # type: ignore[no-untyped-def]
    from bot.app import build_service

    settings = EngineSettings(
        store_dir=tmp_path_factory.mktemp("check-bot"), chat_model="extractive"
    )
    service = build_service(settings, embedder=embedder)
    assert service.ingest([str(seed_path.parent)]).added == 1
    service.check(ORIGINAL)  # load the parser now, not inside a test's wait
    return service


async def answered_original(fake: FakeDiscord, token: str) -> dict[str, Any]:
    """The interaction's original response once it carries an embed (the real engine works
    off the loop; a loaded machine may take seconds)."""

    def done() -> dict[str, Any] | None:
        original = fake.interactions[token].original
        return original if original and original.get("embeds") else None

    return await fake.wait_for(done, timeout=60)


async def evidence_quotes(fake: FakeDiscord, original: dict[str, Any]) -> str:
    evidence_id = next(i for i in custom_ids(original) if i.startswith("newsbot:evidence:"))
    click = await fake.click(original, evidence_id)
    response = await fake.wait_for(lambda: fake.interactions[click].callback, timeout=30)
    assert response["data"]["flags"] & EPHEMERAL
    return "\n".join(f["value"] for f in response["data"]["embeds"][0]["fields"])


@pytest.mark.asyncio
async def test_slash_check_says_contradicted_and_shows_the_passage_behind_evidence(
    service, fake_discord: FakeDiscord, settings: DiscordSettings, clock: SettableClock
) -> None:  # type: ignore[no-untyped-def]
    async with running_bot(service, settings, clock):
        token = await fake_discord.use_command("check", {"claim": WRONG_UNIT})
        original = await answered_original(fake_discord, token)
        [embed] = original["embeds"]
        assert "Contradicted" in embed["title"]
        assert "contradicted by [1]" in embed["description"]
        quotes = await evidence_quotes(fake_discord, original)
        assert "1,100 square kilometers (425 square miles)" in quotes


@pytest.mark.asyncio
async def test_the_fact_check_menu_checks_the_message_it_was_used_on(
    service, fake_discord: FakeDiscord, settings: DiscordSettings, clock: SettableClock
) -> None:  # type: ignore[no-untyped-def]
    async with running_bot(service, settings, clock):
        assert any(c["name"] == "Fact-check" and c["type"] == 3 for c in fake_discord.commands), (
            fake_discord.commands
        )
        message = await fake_discord.user_says(ORIGINAL, mention_bot=False)
        token = await fake_discord.use_message_command("Fact-check", message)
        original = await answered_original(fake_discord, token)
        [embed] = original["embeds"]
        assert "Supported" in embed["title"]
        assert "1,100 square kilometers" in await evidence_quotes(fake_discord, original)

        empty = await fake_discord.user_says("", mention_bot=False)
        token = await fake_discord.use_message_command("Fact-check", empty)
        response = await fake_discord.wait_for(lambda: fake_discord.interactions[token].callback)
        assert response["data"]["flags"] & EPHEMERAL
        assert NOTHING_TO_CHECK in response["data"]["content"]


@pytest.mark.asyncio
async def test_the_fact_check_menu_counts_against_the_rate_limit(
    service, fake_discord: FakeDiscord, tmp_path: Path, clock: SettableClock
) -> None:  # type: ignore[no-untyped-def]
    settings = bot_settings(tmp_path, fake_discord.api_base, user_rate_per_minute=1)
    async with running_bot(service, settings, clock):
        message = await fake_discord.user_says(ORIGINAL, mention_bot=False)
        first = await fake_discord.use_message_command("Fact-check", message)
        await answered_original(fake_discord, first)
        second = await fake_discord.use_message_command("Fact-check", message)
        response = await fake_discord.wait_for(lambda: fake_discord.interactions[second].callback)
        assert response["data"]["flags"] & EPHEMERAL
        assert "try again" in response["data"]["content"]
