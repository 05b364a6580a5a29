"""``/sources add|remove|list`` (a server's RSS/Atom feeds, polled on a schedule), ``/ingest``."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.arguments import BadCommandInput
from bot.client import NO_MENTIONS, NewsBot, rate_limited
from bot.feed_polling import ingest_summary, poll_feeds
from bot.rate_limit import limited_autocomplete
from bot.render import error_text, feeds_text, shorten

log = logging.getLogger(__name__)


def checked_url(text: str) -> str:
    url = text.strip()
    if not url.lower().startswith(("http://", "https://")) or " " in url:
        raise BadCommandInput(f"“{shorten(url, 80)}” is not an http(s) URL.")
    return url


def failures_text(failed: Sequence[tuple[str, str]]) -> str:
    return "\n".join(f"• {shorten(source, 120)}: {shorten(error, 200)}" for source, error in failed)


class SourcesCog(commands.Cog):
    sources = app_commands.Group(
        name="sources",
        description="This server's news feeds (RSS/Atom), read on a schedule",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.poll_all_feeds.change_interval(minutes=self.bot.settings.feed_poll_minutes)
        self.poll_all_feeds.start()

    async def cog_unload(self) -> None:
        self.poll_all_feeds.cancel()

    @sources.command(name="add", description="Follow an RSS/Atom feed in this server")
    @app_commands.describe(url="The feed's URL, e.g. https://example.org/rss.xml")
    @app_commands.checks.has_permissions(manage_guild=True)
    @rate_limited()
    async def add(
        self, interaction: discord.Interaction[NewsBot], url: app_commands.Range[str, 8, 500]
    ) -> None:
        feed_url = checked_url(url)
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert interaction.guild_id is not None
        added = self.bot.state.add_feed(interaction.guild_id, feed_url, self.bot.clock())
        records = [f for f in self.bot.state.feeds(interaction.guild_id) if f.url == feed_url]
        report = await poll_feeds(self.bot, records)
        lines = [f"{'Following' if added else 'Already following'} <{feed_url}>."]
        if report is not None:
            lines.append(f"Read it now: {ingest_summary(report)}.")
            if report.failed:
                lines.append(failures_text([(f.source, f.error) for f in report.failed]))
        await interaction.followup.send(
            error_text("\n".join(lines)), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @sources.command(name="remove", description="Stop following a feed in this server")
    @app_commands.describe(source="The feed to stop following")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def remove(self, interaction: discord.Interaction[NewsBot], source: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert interaction.guild_id is not None
        removed = self.bot.state.remove_feed(interaction.guild_id, source.strip())
        text = (
            f"Stopped following <{source}>."
            if removed
            else "This server does not follow that feed."
        )
        await interaction.followup.send(
            error_text(text), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @remove.autocomplete("source")
    @limited_autocomplete
    async def feed_choices(
        self, interaction: discord.Interaction[NewsBot], current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        feeds = self.bot.state.feeds(interaction.guild_id)
        needle = current.lower()
        return [
            app_commands.Choice(name=shorten(f.url, 100), value=f.url)
            for f in feeds
            if needle in f.url.lower() and len(f.url) <= 100
        ][:25]

    @sources.command(name="list", description="The feeds this server follows, with their health")
    async def list_feeds(self, interaction: discord.Interaction[NewsBot]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert interaction.guild_id is not None
        text = feeds_text(self.bot.state.feeds(interaction.guild_id))
        await interaction.followup.send(
            error_text(text), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(name="ingest", description="Read an article or feed into the news store")
    @app_commands.describe(url="The article's or feed's URL")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.guild_only()
    @rate_limited()
    async def ingest(
        self, interaction: discord.Interaction[NewsBot], url: app_commands.Range[str, 8, 500]
    ) -> None:
        source = checked_url(url)
        await interaction.response.defer(ephemeral=True, thinking=True)
        report = await self.bot.engine.ingest([source])
        self.bot.state.record_ingest(self.bot.clock(), ingest_summary(report))
        lines = [f"Read <{source}>: {ingest_summary(report)}."]
        if report.failed:
            lines.append(failures_text([(f.source, f.error) for f in report.failed]))
        await interaction.followup.send(
            error_text("\n".join(lines)), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @tasks.loop(minutes=30)
    async def poll_all_feeds(self) -> None:
        try:
            await poll_feeds(self.bot, self.bot.state.feeds(), claim=True)
        except Exception:
            log.exception("Polling feeds failed")

    @poll_all_feeds.before_loop
    async def before_polling(self) -> None:
        await self.bot.wait_until_ready()


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(SourcesCog(bot))
