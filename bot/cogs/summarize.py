"""``/summarize``: a cited summary of one stored article (or a URL)."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.arguments import BadCommandInput
from bot.client import NO_MENTIONS, NewsBot, rate_limited
from bot.rate_limit import limited_autocomplete
from bot.render import shorten, summary_embed
from retrieval.errors import NotPermitted

log = logging.getLogger(__name__)

CHOICE_LIMIT = 25
CHOICE_TEXT_LIMIT = 100
NEW_URL_NEEDS_MANAGE_SERVER = (
    "I have not read that URL yet, and only a member with Manage Server can have me fetch a "
    "new one (with /ingest or here)."
)


def may_fetch(interaction: discord.Interaction[NewsBot]) -> bool:
    """Only a member with Manage Server, in a server, may have the bot fetch a new URL."""
    return interaction.guild_id is not None and interaction.permissions.manage_guild


class SummarizeCog(commands.Cog):
    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    @app_commands.command(name="summarize", description="Summarise one article, with citations")
    @app_commands.describe(
        article="A stored article (type its title) or its URL; new URLs need Manage Server"
    )
    @rate_limited()
    async def summarize(
        self, interaction: discord.Interaction[NewsBot], article: app_commands.Range[str, 1, 500]
    ) -> None:
        await interaction.response.defer(thinking=True)
        try:
            summary = await self.bot.engine.summarize(article.strip(), fetch=may_fetch(interaction))
        except NotPermitted:
            raise BadCommandInput(NEW_URL_NEEDS_MANAGE_SERVER) from None
        await interaction.edit_original_response(
            embed=summary_embed(summary), allowed_mentions=NO_MENTIONS
        )

    @summarize.autocomplete("article")
    @limited_autocomplete
    async def article_choices(
        self, interaction: discord.Interaction[NewsBot], current: str
    ) -> list[app_commands.Choice[str]]:
        try:
            rows = await self.bot.engine.find_articles(current, limit=CHOICE_LIMIT)
        except Exception:
            log.exception("Article autocomplete failed")
            return []
        choices = []
        for row in rows[:CHOICE_LIMIT]:
            if len(row.article_id) > CHOICE_TEXT_LIMIT:
                continue  # a value Discord cannot carry; the person can paste the URL instead
            label = row.title + (f" — {row.source}" if row.source else "")
            choices.append(
                app_commands.Choice(name=shorten(label, CHOICE_TEXT_LIMIT), value=row.article_id)
            )
        return choices


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(SummarizeCog(bot))
