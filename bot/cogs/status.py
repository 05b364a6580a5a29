"""``/status``: what is stored, when it was last read, each feed's health, the chat model."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NO_MENTIONS, NewsBot
from bot.render import status_embed


class StatusCog(commands.Cog):
    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    @app_commands.command(name="status", description="Articles stored, last ingest, feed health")
    async def status(self, interaction: discord.Interaction[NewsBot]) -> None:
        await interaction.response.defer(thinking=True, ephemeral=True)
        engine_status = await self.bot.engine.status()
        feeds = self.bot.state.feeds(interaction.guild_id) if interaction.guild_id else []
        last = self.bot.state.last_ingest()
        last_ingest = engine_status.last_ingest
        summary = None
        if last is not None and (last_ingest is None or last[0] >= last_ingest):
            last_ingest, summary = last
        embed = status_embed(
            engine_status, feeds, last_ingest=last_ingest, last_ingest_summary=summary
        )
        await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(StatusCog(bot))
