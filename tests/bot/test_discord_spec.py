"""The local Discord checks every request body against Discord's own OpenAPI description and
refuses, as Discord does, what Discord would refuse."""

from __future__ import annotations

from typing import Any

import aiohttp
import discord
import pytest
from discord.http import Route

from bot.client import NewsBot
from tests.bot.discord_spec import body_errors
from tests.bot.fake_discord import NEWS_CHANNEL_ID, FakeDiscord

MESSAGES = f"/channels/{NEWS_CHANNEL_ID}/messages"


async def post(fake: FakeDiscord, path: str, body: Any) -> tuple[int, Any]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(fake.api_base + path, json=body) as response,
    ):
        return response.status, await response.json()


async def test_a_body_discord_would_refuse_gets_its_400_with_the_errors_by_field(
    fake_discord: FakeDiscord,
) -> None:
    status, payload = await post(fake_discord, MESSAGES, {"content": "x" * 4001, "tts": "yes"})
    assert status == 400
    assert payload["code"] == 50035 and payload["message"] == "Invalid Form Body"
    assert set(payload["errors"]) == {"content", "tts"}
    assert payload["errors"]["content"]["_errors"][0]["message"]
    assert fake_discord.messages[NEWS_CHANNEL_ID] == []  # nothing was posted
    fake_discord.invalid_requests.clear()  # refused on purpose: not a bot request


async def test_nested_errors_name_the_path_to_the_bad_field(fake_discord: FakeDiscord) -> None:
    body = {"embeds": [{"title": "ok"}, {"title": "t" * 257}]}
    status, payload = await post(fake_discord, MESSAGES, body)
    assert status == 400
    assert "_errors" in payload["errors"]["embeds"]["1"]["title"]
    fake_discord.invalid_requests.clear()


def test_an_integer_is_accepted_where_the_spec_says_snowflake_string() -> None:
    reference = {"content": "hi", "message_reference": {"message_id": 930000000000000009}}
    assert body_errors("POST", MESSAGES, reference) is None
    as_text = {"content": "hi", "message_reference": {"message_id": "930000000000000009"}}
    assert body_errors("POST", MESSAGES, as_text) is None
    not_an_id = {"content": "hi", "message_reference": {"message_id": "not-an-id"}}
    assert body_errors("POST", MESSAGES, not_an_id) is not None


def test_a_route_discord_does_not_have_is_refused() -> None:
    refusal = body_errors("POST", "/channels/1/telepathy", {})
    assert refusal is not None and refusal["code"] == 0


async def test_the_real_client_gets_discords_error_for_a_bad_body(
    bot: NewsBot, fake_discord: FakeDiscord
) -> None:
    route = Route("POST", "/channels/{channel_id}/messages", channel_id=NEWS_CHANNEL_ID)
    with pytest.raises(discord.HTTPException) as caught:
        await bot.http.request(route, json={"content": "x" * 4001})
    assert caught.value.status == 400 and caught.value.code == 50035
    fake_discord.invalid_requests.clear()
    # The bot's own requests so far (login, command sync) were all checked and all valid.
    checked = [r for r in fake_discord.requests if r.method in ("PUT", "POST", "PATCH")]
    assert any(r.path.endswith("/commands") for r in checked)
