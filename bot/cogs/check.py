"""``/check`` and the "Fact-check" message menu: a claim checked against the stored news.

Both answer with an embed (the verdict, each sentence's verdict, the passages) and the Evidence
button, which shows the quoted passages to the person who clicks it.
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.answer_view import EvidenceButton
from bot.client import NO_MENTIONS, NewsBot, new_answer_key, rate_limited, send_ephemeral
from bot.render import check_as_answer, check_embed
from retrieval.models import CheckResult

log = logging.getLogger(__name__)

CLAIM_LIMIT = 1500  # longer messages are checked on their first 1,500 characters
NOTHING_TO_CHECK = "That message has no text I can check."


class CheckCog(commands.Cog):
    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name="Fact-check", callback=self.fact_check)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @app_commands.command(name="check", description="Fact-check a claim against the stored news")
    @app_commands.describe(claim="One or more sentences, e.g. “Russia retook 1,100 km² in Kursk”")
    @rate_limited()
    async def check(
        self,
        interaction: discord.Interaction[NewsBot],
        claim: app_commands.Range[str, 1, CLAIM_LIMIT],
    ) -> None:
        if not claim.strip():
            await send_ephemeral(interaction, NOTHING_TO_CHECK)
            return
        await interaction.response.defer(thinking=True)
        await self._reply(interaction, await self.bot.engine.check(claim.strip()))

    @rate_limited()
    async def fact_check(
        self, interaction: discord.Interaction[NewsBot], message: discord.Message
    ) -> None:
        text = " ".join(message.content.split())
        if not text:
            await send_ephemeral(interaction, NOTHING_TO_CHECK)
            return
        await interaction.response.defer(thinking=True)
        await self._reply(interaction, await self.bot.engine.check(text[:CLAIM_LIMIT]))

    async def _reply(self, interaction: discord.Interaction[NewsBot], result: CheckResult) -> None:
        """The verdict embed, with the Evidence button when passages are quoted."""
        key = new_answer_key()
        self.bot.state.save_answer(
            key, check_as_answer(result), interaction.guild_id, self.bot.clock()
        )
        view = discord.ui.View(timeout=None)
        if result.citations:
            view.add_item(EvidenceButton(key))
        await interaction.edit_original_response(
            embed=check_embed(result), view=view, allowed_mentions=NO_MENTIONS
        )


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(CheckCog(bot))
