"""Questions: ``/ask`` and chat (mention the bot or reply to it; follow-ups in its thread)."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from datetime import date, datetime

import discord
from discord import app_commands
from discord.ext import commands

from bot.answer_view import DYNAMIC_ITEMS, answer_view
from bot.arguments import parse_since
from bot.client import APOLOGY, NO_MENTIONS, NewsBot, new_answer_key, rate_limited
from bot.progress import PartialAnswerRelay
from bot.rate_limit import rate_limit_message
from bot.render import (
    ANSWER_MAX_CHARS,
    RenderedAnswer,
    error_text,
    partial_answer_content,
    render_answer,
    shorten,
)
from retrieval.errors import NewsbotError
from retrieval.models import Answer, ConversationTurn

log = logging.getLogger(__name__)

THREAD_NAME_LIMIT = 100
EMPTY_QUESTION = "Ask me something about the news, e.g. “What happened in Kursk this week?”"


def question_text(content: str, bot_id: int) -> str:
    """The message without the bot's mention(s)."""
    return re.sub(rf"<@!?{bot_id}>", "", content).strip()


def since_date(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


class AskCog(commands.Cog):
    """Cited answers to questions, in slash commands and in conversation threads."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)

    async def answer(
        self,
        question: str,
        *,
        show_progress: Callable[[str], Awaitable[object]],
        guild_id: int | None,
        history: list[ConversationTurn] | None = None,
        since: date | None = None,
    ) -> tuple[str, Answer, RenderedAnswer]:
        """Ask the engine (off the loop) while showing progress; store the answer for buttons."""
        relay = PartialAnswerRelay(show_progress, interval_s=self.bot.settings.progress_interval_s)
        answer = await relay.run_while(
            self.bot.engine.ask(
                question,
                history=history or [],
                since=since,
                on_partial=relay.on_partial,
                max_chars=ANSWER_MAX_CHARS,
            )
        )
        key = new_answer_key()
        self.bot.state.save_answer(key, answer, guild_id, self.bot.clock())
        return key, answer, render_answer(answer)

    # Slash command -----------------------------------------------------------------------
    @app_commands.command(name="ask", description="Ask a question about the news I have read")
    @app_commands.describe(
        question="Your question, e.g. “What did Putin say in Kursk?”",
        since="Only articles published since: 2025-03-12, 24h, 7d, 2w, yesterday or today",
    )
    @rate_limited()
    async def ask(
        self,
        interaction: discord.Interaction[NewsBot],
        question: app_commands.Range[str, 1, 1500],
        since: app_commands.Range[str, 1, 40] | None = None,
    ) -> None:
        start = since_date(parse_since(since, self.bot.clock())) if since else None
        await interaction.response.defer(thinking=True)

        async def show(text: str) -> None:
            await interaction.edit_original_response(
                content=partial_answer_content(text), allowed_mentions=NO_MENTIONS
            )

        key, answer, rendered = await self.answer(
            question, show_progress=show, guild_id=interaction.guild_id, since=start
        )
        await interaction.edit_original_response(
            content=None,
            embed=rendered.embed,
            view=answer_view(key, answer, page=0, pages=rendered.pages),
            allowed_mentions=NO_MENTIONS,
        )

    # Chat --------------------------------------------------------------------------------
    async def is_addressed_to_me(self, message: discord.Message) -> bool:
        """A mention of the bot itself (not @everyone), a reply to it, or its own thread."""
        me = self.bot.user
        if me is None:
            return False
        if me.id in message.raw_mentions:
            return True
        channel = message.channel
        if isinstance(channel, discord.Thread) and channel.owner_id == me.id:
            return True
        reference = message.reference
        if reference is not None and reference.message_id is not None:
            replied = reference.resolved
            if not isinstance(replied, discord.Message):
                try:
                    replied = await channel.fetch_message(reference.message_id)
                except discord.HTTPException:
                    return False
            return replied.author.id == me.id
        return False

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.guild is None or self.bot.user is None:
            return
        if not await self.is_addressed_to_me(message):
            return
        question = question_text(message.content, self.bot.user.id)
        if not question:
            await message.reply(EMPTY_QUESTION, mention_author=False, allowed_mentions=NO_MENTIONS)
            return
        decision = self.bot.rate_limiter.check(message.author.id, message.guild.id)
        if not decision.allowed:
            await message.reply(
                rate_limit_message(decision),
                mention_author=False,
                allowed_mentions=NO_MENTIONS,
                delete_after=30,
            )
            return
        try:
            await self.answer_in_thread(message, question)
        except NewsbotError as exc:
            await self._reply_quietly(message, str(exc))
        except Exception:
            log.exception("Could not answer a chat question")
            await self._reply_quietly(message, APOLOGY)

    async def _reply_quietly(self, message: discord.Message, text: str) -> None:
        try:
            await message.reply(
                error_text(text), mention_author=False, allowed_mentions=NO_MENTIONS
            )
        except discord.HTTPException:
            log.warning("Could not send an error reply", exc_info=True)

    async def answer_in_thread(self, message: discord.Message, question: str) -> None:
        in_thread = isinstance(message.channel, discord.Thread)
        history = await self.thread_history(message) if in_thread else []
        destination = await self.conversation_thread(message, question)
        placeholder = await destination.send(
            partial_answer_content(""), allowed_mentions=NO_MENTIONS
        )

        async def show(text: str) -> None:
            await placeholder.edit(
                content=partial_answer_content(text), allowed_mentions=NO_MENTIONS
            )

        key, answer, rendered = await self.answer(
            question,
            show_progress=show,
            guild_id=message.guild.id if message.guild else None,
            history=history,
        )
        await placeholder.edit(
            content=None,
            embed=rendered.embed,
            view=answer_view(key, answer, page=0, pages=rendered.pages),
            allowed_mentions=NO_MENTIONS,
        )

    async def conversation_thread(
        self, message: discord.Message, question: str
    ) -> discord.abc.Messageable:
        """The thread the message is in, or a new thread opened on it."""
        if isinstance(message.channel, discord.Thread):
            return message.channel
        name = shorten(question, THREAD_NAME_LIMIT) or "News question"
        try:
            return await message.create_thread(name=name, auto_archive_duration=1440)
        except (discord.HTTPException, ValueError):
            log.warning("Could not open a thread; answering in the channel", exc_info=True)
            return message.channel

    async def thread_history(self, message: discord.Message) -> list[ConversationTurn]:
        """The conversation so far in the message's thread, oldest first, as turns."""
        thread = message.channel
        assert isinstance(thread, discord.Thread)
        me = self.bot.user
        assert me is not None
        limit = self.bot.settings.history_messages
        earlier = [m async for m in thread.history(limit=limit, before=message)]
        earlier.reverse()
        starter = await self._thread_starter(thread)
        if starter is not None and all(m.id != starter.id for m in earlier):
            earlier.insert(0, starter)
        turns: list[ConversationTurn] = []
        for past in earlier:
            if past.author.id == me.id:
                text = past.embeds[0].description if past.embeds else past.content
                if text and not text.startswith("✍️"):
                    turns.append(ConversationTurn(role="assistant", content=text))
            elif not past.author.bot:
                text = question_text(past.content, me.id)
                if text:
                    turns.append(ConversationTurn(role="user", content=text))
        return turns[-limit:] if limit else []

    async def _thread_starter(self, thread: discord.Thread) -> discord.Message | None:
        """The message the thread was opened on (it lives in the parent channel)."""
        if thread.starter_message is not None:
            return thread.starter_message
        parent = thread.parent
        if not isinstance(parent, discord.TextChannel):
            return None
        try:
            return await parent.fetch_message(thread.id)
        except discord.HTTPException:
            return None


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(AskCog(bot))
