"""The real discord.py client, end to end, against a local fake Discord and a fake engine."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest

from bot.client import NewsBot
from bot.render import ANSWER_MAX_CHARS, DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT
from bot.settings import DiscordSettings
from tests.bot.conftest import SettableClock, bot_settings, running_bot
from tests.bot.fake_discord import (
    ADMIN,
    DIGEST_CHANNEL_ID,
    EPHEMERAL,
    GUILD_ID,
    LOADING,
    NEWS_CHANNEL_ID,
    OTHER_BOT,
    FakeDiscord,
)
from tests.bot.fake_engine import ANSWER_TEXT, KURSK, FakeEngine, engine_failure

pytestmark = pytest.mark.asyncio

QUESTION = "What did Putin do in Kursk?"
THREADS = r"/channels/\d+/messages/\d+/threads"


def answer_embeds(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m for m in messages if m.get("embeds")]


def custom_ids(message: dict[str, Any]) -> list[str]:
    return [c["custom_id"] for row in message.get("components", []) for c in row["components"]]


def embed_length(embed: dict[str, Any]) -> int:
    return (
        len(embed.get("title", ""))
        + len(embed.get("description", ""))
        + sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
        + len(embed.get("footer", {}).get("text", ""))
        + len(embed.get("author", {}).get("name", ""))
    )


async def answered_original(fake: FakeDiscord, token: str) -> dict[str, Any]:
    """Wait until the interaction's original response carries an embed."""

    def done() -> dict[str, Any] | None:
        original = fake.interactions[token].original
        return original if original and original.get("embeds") else None

    return await fake.wait_for(done)


async def original_saying(fake: FakeDiscord, token: str, text: str) -> dict[str, Any]:
    """Wait until the interaction's original response says ``text``."""

    def done() -> dict[str, Any] | None:
        original = fake.interactions[token].original
        return original if original and text in original["content"] else None

    return await fake.wait_for(done)


async def ask_in_channel(
    fake: FakeDiscord, question: str = QUESTION
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Mention the bot; return (the question message, the answer in its thread)."""
    message = await fake.user_says(question)
    thread_id = int(message["id"])
    answers = await fake.wait_for(lambda: answer_embeds(fake.bot_messages(thread_id)))
    return message, answers[-1]


async def test_a_mention_gets_a_cited_answer_in_a_new_thread(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    message, answer = await ask_in_channel(fake_discord)

    thread = await fake_discord.wait_for_request("POST", THREADS)
    assert thread.path == f"/channels/{NEWS_CHANNEL_ID}/messages/{message['id']}/threads"
    assert thread.body["name"] == QUESTION
    embed = answer["embeds"][0]
    assert embed["description"] == ANSWER_TEXT
    assert "[1]" in embed["description"] and "[2]" in embed["description"]
    sources = embed["fields"][0]
    assert sources["name"] == "Sources"
    assert sources["value"].startswith(f"[1] The Moscow Times — [{KURSK.title}]({KURSK.url})")
    assert "— 12 March 2025" in sources["value"]
    assert any(i.startswith("newsbot:evidence:") for i in custom_ids(answer))
    assert engine.calls_to("ask")[0]["question"] == QUESTION  # the mention is not the question
    assert engine.calls_to("ask")[0]["max_chars"] == ANSWER_MAX_CHARS
    assert not fake_discord.bot_messages(NEWS_CHANNEL_ID)  # nothing said in the channel itself


async def test_messages_not_addressed_to_the_bot_and_other_bots_are_ignored(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    await fake_discord.user_says("just chatting about Kursk", mention_bot=False)
    await fake_discord.user_says(QUESTION, author=OTHER_BOT)
    await fake_discord.user_says("@everyone look at Kursk", mention_bot=False)
    await asyncio.sleep(0.3)
    assert engine.calls_to("ask") == []
    assert fake_discord.requests_to("POST", r"/channels/.*") == []


async def test_slash_ask_defers_then_edits_in_the_embed_showing_progress(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    engine.answer_delay_s = 0.6
    token = await fake_discord.use_command("ask", {"question": QUESTION})

    original = await answered_original(fake_discord, token)
    callback = fake_discord.requests_to("POST", rf"/interactions/\d+/{token}/callback")
    assert [c.body["type"] for c in callback] == [5]  # deferred ("thinking…") first
    edits = fake_discord.requests_to("PATCH", rf"/webhooks/\d+/{token}/messages/@original")
    progress = [e for e in edits if (e.body.get("content") or "").startswith("✍️")]
    assert progress, "partial answer was shown while the model wrote"
    assert edits[-1].body["embeds"][0]["description"] == ANSWER_TEXT
    assert original["embeds"][0]["fields"][0]["name"] == "Sources"
    assert not original["flags"] & LOADING
    assert all(name.startswith("newsbot-engine") for name in engine.call_threads)  # off the loop


async def test_summarize_an_article_chosen_by_autocomplete(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    typing = await fake_discord.use_command("summarize", {"article": "kursk"}, focused="article")
    choices = await fake_discord.wait_for(lambda: fake_discord.interactions[typing].callback)
    assert choices["type"] == 8
    assert choices["data"]["choices"][0]["value"] == KURSK.article_id

    token = await fake_discord.use_command("summarize", {"article": KURSK.article_id})
    original = await answered_original(fake_discord, token)
    embed = original["embeds"][0]
    assert embed["title"] == KURSK.title
    assert "first time since Ukraine's offensive. [1]" in embed["description"]
    assert engine.calls_to("summarize") == [{"article": KURSK.article_id, "fetch": False}]


async def test_an_unknown_article_is_explained_to_the_asker_only(
    bot: NewsBot, fake_discord: FakeDiscord
) -> None:
    token = await fake_discord.use_command("summarize", {"article": "no-such-article"})
    await fake_discord.wait_for(lambda: fake_discord.interactions[token].followups)
    followup = fake_discord.interactions[token].followups[0]
    assert followup["flags"] & EPHEMERAL
    assert followup["content"] == "No stored article matches “no-such-article”."
    assert fake_discord.interactions[token].original is None  # public "thinking…" removed


async def test_the_evidence_button_answers_ephemerally_and_votes_are_logged(
    bot: NewsBot, fake_discord: FakeDiscord
) -> None:
    token = await fake_discord.use_command("ask", {"question": QUESTION})
    original = await answered_original(fake_discord, token)
    evidence_id = next(i for i in custom_ids(original) if i.startswith("newsbot:evidence:"))

    click = await fake_discord.click(original, evidence_id)
    response = await fake_discord.wait_for(lambda: fake_discord.interactions[click].callback)
    assert response["type"] == 4
    assert response["data"]["flags"] & EPHEMERAL
    quotes = response["data"]["embeds"][0]["fields"]
    assert KURSK.quote in quotes[0]["value"]

    vote_id = next(i for i in custom_ids(original) if i.startswith("newsbot:vote:down:"))
    vote = await fake_discord.click(original, vote_id)
    await fake_discord.wait_for(lambda: fake_discord.interactions[vote].callback)
    entries = bot.feedback.entries()
    assert [(e.verdict, e.question, e.user) for e in entries] == [
        (
            "down",
            QUESTION,
            int(fake_discord.interactions[vote].original["interaction_metadata"]["user"]["id"]),
        )
    ]


async def test_a_follow_up_in_the_thread_uses_its_history(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    message, _ = await ask_in_channel(fake_discord)
    thread_id = int(message["id"])

    await fake_discord.user_says(
        "And what did the Kremlin say?", channel_id=thread_id, mention_bot=False
    )
    await fake_discord.wait_for(
        lambda: len(answer_embeds(fake_discord.bot_messages(thread_id))) == 2
    )

    follow_up = engine.calls_to("ask")[1]
    assert follow_up["question"] == "And what did the Kremlin say?"
    assert [(t.role, t.content) for t in follow_up["history"]] == [
        ("user", QUESTION),
        ("assistant", ANSWER_TEXT),
    ]
    assert len(fake_discord.requests_to("POST", THREADS)) == 1  # answered in the same thread


async def test_a_reply_to_the_bot_is_answered(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    _, answer = await ask_in_channel(fake_discord)
    await fake_discord.user_says(
        "Tell me more", mention_bot=False, reply_to=answer, channel_id=int(answer["channel_id"])
    )
    await fake_discord.wait_for(lambda: len(engine.calls_to("ask")) == 2)


async def test_a_non_admin_cannot_add_a_source(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    token = await fake_discord.use_command(
        "sources", {"url": "https://example.org/rss.xml"}, subcommand="add"
    )
    response = await fake_discord.wait_for(lambda: fake_discord.interactions[token].callback)
    assert response["type"] == 4 and response["data"]["flags"] & EPHEMERAL
    assert response["data"]["content"] == "You need the Manage Server permission to do that."
    assert bot.state.feeds() == []
    assert engine.calls_to("ingest") == []


async def test_an_admin_adds_lists_and_removes_a_source_and_sees_status(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    feed = "https://example.org/rss.xml"
    token = await fake_discord.use_command("sources", {"url": feed}, subcommand="add", admin=True)
    await original_saying(fake_discord, token, "Following")
    assert engine.calls_to("ingest") == [{"sources": [feed]}]

    token = await fake_discord.use_command("status")
    status = await answered_original(fake_discord, token)
    fields = {f["name"]: f["value"] for f in status["embeds"][0]["fields"]}
    assert fields["Chat model"] == engine.chat_model_name
    assert fields["Feeds"].startswith(f"✅ <{feed}>")
    assert "1 added" in fields["Last ingest"]

    token = await fake_discord.use_command(
        "sources", {"source": feed}, subcommand="remove", admin=True
    )
    await original_saying(fake_discord, token, "Stopped")
    assert bot.state.feeds() == []


async def test_the_digest_posts_once_at_its_time_and_not_again_after_a_restart(
    fake_discord: FakeDiscord,
    engine: FakeEngine,
    settings: DiscordSettings,
    clock: SettableClock,
) -> None:
    digest_channel = fake_discord.channels[DIGEST_CHANNEL_ID]
    async with running_bot(engine, settings, clock) as bot:
        token = await fake_discord.use_command(
            "digest",
            {"channel": digest_channel, "time": "07:30"},
            subcommand="schedule",
            admin=True,
        )
        await original_saying(fake_discord, token, "07:30 UTC")
        await asyncio.sleep(0.2)
        assert fake_discord.bot_messages(DIGEST_CHANNEL_ID) == []  # not yet 07:30

        clock.now = clock.now.replace(hour=7, minute=31)
        await fake_discord.wait_for(lambda: fake_discord.bot_messages(DIGEST_CHANNEL_ID))
        await asyncio.sleep(0.3)  # several scheduler rounds
        assert len(fake_discord.bot_messages(DIGEST_CHANNEL_ID)) == 1
        # The day is recorded just after the post: wait for it rather than race it.
        await fake_discord.wait_for(
            lambda: (
                getattr(bot.state.digest_schedule(GUILD_ID), "last_run_date", None)
                == clock.now.date()
            )
        )
        schedule = bot.state.digest_schedule(GUILD_ID)
        assert schedule is not None and schedule.last_run_date == clock.now.date()

    async with running_bot(engine, settings, clock):  # a restart, same state file
        await asyncio.sleep(0.4)
    assert len(fake_discord.bot_messages(DIGEST_CHANNEL_ID)) == 1
    assert len(engine.calls_to("digest")) == 1
    assert len(fake_discord.requests_to("PUT", r"/applications/\d+/commands")) == 1  # no re-sync

    engine.digest_stories = 0  # the next day nothing is new: nothing is posted
    clock.now = clock.now + timedelta(days=1)
    async with running_bot(engine, settings, clock):
        await fake_discord.wait_for(lambda: len(engine.calls_to("digest")) == 2)
        await asyncio.sleep(0.2)
    assert len(fake_discord.bot_messages(DIGEST_CHANNEL_ID)) == 1
    story = fake_discord.bot_messages(DIGEST_CHANNEL_ID)[0]["embeds"][0]
    assert story["title"] == "1. Putin visits Kursk"


async def test_asking_too_often_gets_a_polite_answer(
    fake_discord: FakeDiscord, engine: FakeEngine, tmp_path: Any, clock: SettableClock
) -> None:
    settings = bot_settings(tmp_path, fake_discord.api_base, user_rate_per_minute=2)
    async with running_bot(engine, settings, clock):
        tokens = [await fake_discord.use_command("ask", {"question": QUESTION}) for _ in range(3)]
        for token in tokens[:2]:
            await answered_original(fake_discord, token)
        refused = await fake_discord.wait_for(lambda: fake_discord.interactions[tokens[2]].callback)
        assert refused["type"] == 4 and refused["data"]["flags"] & EPHEMERAL
        assert refused["data"]["content"].startswith("Easy there: you are asking faster")
        assert len(engine.calls_to("ask")) == 2

        await fake_discord.user_says(QUESTION)  # the same person, by mention
        reply = await fake_discord.wait_for(
            lambda: fake_discord.requests_to("POST", rf"/channels/{NEWS_CHANNEL_ID}/messages")
        )
        assert reply[0].body["content"].startswith("Easy there")
        assert reply[0].body["allowed_mentions"]["parse"] == []
        assert len(engine.calls_to("ask")) == 2


async def test_everyone_in_a_question_pings_nobody(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    question = f"@everyone @here <@&{ADMIN['id']}> <@{ADMIN['id']}> what happened in Kursk?"
    await ask_in_channel(fake_discord, question)
    token = await fake_discord.use_command("ask", {"question": question})
    await answered_original(fake_discord, token)

    sent = [
        r
        for r in fake_discord.requests
        if r.message_body() is not None
        and r.method in ("POST", "PATCH")
        and ("/messages" in r.path or "/webhooks/" in r.path or r.path.endswith("/callback"))
        and not r.path.endswith("/threads")
    ]
    assert len(sent) >= 3  # the thread's placeholder and its edit, and the /ask edit
    for request in sent:
        mentions = request.message_body()["allowed_mentions"]  # type: ignore[index]
        assert mentions["parse"] == [], request
        assert not mentions.get("users") and not mentions.get("roles"), request
        assert mentions.get("replied_user") in (None, False), request


async def test_a_long_answer_fits_discords_limits(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    engine.long_answer_sentences = 60
    token = await fake_discord.use_command("ask", {"question": QUESTION})
    embed = (await answered_original(fake_discord, token))["embeds"][0]
    assert len(embed["description"]) <= min(ANSWER_MAX_CHARS, DESCRIPTION_LIMIT)
    assert embed["description"].endswith("[1].")  # whole cited sentences only
    assert embed_length(embed) <= EMBED_TOTAL_LIMIT


async def test_an_answer_too_long_for_one_embed_continues_with_more(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    engine.long_answer_sentences = 60
    engine.ignore_max_chars = True
    token = await fake_discord.use_command("ask", {"question": QUESTION})
    original = await answered_original(fake_discord, token)
    first = original["embeds"][0]
    assert embed_length(first) <= EMBED_TOTAL_LIMIT
    assert len(first["description"]) <= DESCRIPTION_LIMIT
    assert first["description"].endswith("[1].")
    more = next(i for i in custom_ids(original) if i.startswith("newsbot:more:"))

    click = await fake_discord.click(original, more)
    response = await fake_discord.wait_for(lambda: fake_discord.interactions[click].callback)
    second = response["data"]["embeds"][0]
    assert second["description"].startswith("Officials in Kursk")
    assert "part 2 of" in second["footer"]["text"]


async def test_a_dropped_gateway_connection_is_resumed(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    await fake_discord.drop_connection()
    resume = await fake_discord.wait_for(
        lambda: [op for op in fake_discord.gateway_ops if op["op"] == 6]
    )
    assert resume[0]["d"]["session_id"]
    assert resume[0]["d"]["seq"] >= 2  # READY and GUILD_CREATE were seen
    assert fake_discord.connections == 2
    assert [op["op"] for op in fake_discord.gateway_ops].count(2) == 1  # no second IDENTIFY

    await ask_in_channel(fake_discord)  # and it carries on
    assert len(engine.calls_to("ask")) == 1


async def test_an_engine_failure_is_shown_as_its_one_line_message(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine
) -> None:
    engine.error = engine_failure("The chat model is not reachable.")
    token = await fake_discord.use_command("ask", {"question": QUESTION})
    await fake_discord.wait_for(lambda: fake_discord.interactions[token].followups)
    followup = fake_discord.interactions[token].followups[0]
    assert followup["content"] == "The chat model is not reachable."
    assert followup["flags"] & EPHEMERAL


async def test_an_unexpected_error_gets_an_apology_without_a_traceback(
    bot: NewsBot, fake_discord: FakeDiscord, engine: FakeEngine, caplog: pytest.LogCaptureFixture
) -> None:
    engine.error = RuntimeError("secret internals")
    message = await fake_discord.user_says(QUESTION)
    await fake_discord.wait_for(lambda: fake_discord.bot_messages(NEWS_CHANNEL_ID))
    reply = fake_discord.bot_messages(NEWS_CHANNEL_ID)[0]
    assert reply["content"].startswith("Sorry, something went wrong")
    assert "secret internals" not in str(fake_discord.messages)
    assert "secret internals" in caplog.text  # the traceback went to the log
    assert message["id"]


async def test_the_token_is_never_logged(
    fake_discord: FakeDiscord,
    engine: FakeEngine,
    settings: DiscordSettings,
    clock: SettableClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("DEBUG")
    async with running_bot(engine, settings, clock):
        await ask_in_channel(fake_discord)
    assert settings.token is not None
    assert settings.token.get_secret_value() not in caplog.text
