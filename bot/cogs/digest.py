"""``/digest now|schedule|stop`` and the daily digest scheduler.

Each server may have one schedule (channel + HH:MM UTC). The scheduler polls the server's feeds,
builds the digest since the last one it posted and posts it once a day; the day it ran is
persisted, so a restart does not post twice. Every article posted is remembered per channel and
never posted there again, so the window's day boundaries cannot repeat a story. Nothing is
posted when there is nothing new. A digest that fails is retried after a growing pause (one
minute, doubling, at most an hour), not at every check.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.arguments import parse_post_time, parse_since
from bot.client import NO_MENTIONS, NewsBot, rate_limited
from bot.feed_polling import poll_feeds
from bot.render import digest_embeds, group_embeds
from bot.state import DigestSchedule

log = logging.getLogger(__name__)

DEFAULT_SPAN = timedelta(hours=24)
DIGEST_LEASE = timedelta(minutes=10)  # longer than any digest takes to build and post
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)
POSTED_MEMORY = timedelta(days=31)  # longer than any window a digest covers


def retry_delay(failures: int) -> timedelta:
    """The pause after ``failures`` failed attempts in a row: 1, 2, 4 ... 60 minutes."""
    return min(FIRST_RETRY * 2 ** min(max(failures, 0), 12), LONGEST_RETRY)


class DigestCog(commands.Cog):
    digest = app_commands.Group(
        name="digest", description="The news in brief, now or every day", guild_only=True
    )

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.post_due_digests.change_interval(seconds=self.bot.settings.digest_check_seconds)
        self.post_due_digests.start()

    async def cog_unload(self) -> None:
        self.post_due_digests.cancel()

    # Commands ----------------------------------------------------------------------------
    @digest.command(name="now", description="Post a digest of the news since a moment")
    @app_commands.describe(
        since="From when: 2025-03-12, 24h, 7d, 2w, yesterday or today; default 24h"
    )
    @rate_limited()
    async def digest_now(
        self,
        interaction: discord.Interaction[NewsBot],
        since: app_commands.Range[str, 1, 40] | None = None,
    ) -> None:
        now = self.bot.clock()
        start = parse_since(since, now) if since else now - DEFAULT_SPAN
        await interaction.response.defer(thinking=True)
        result = await self.bot.engine.digest(since=start)
        groups = group_embeds(digest_embeds(result))
        await interaction.edit_original_response(embeds=groups[0], allowed_mentions=NO_MENTIONS)
        for group in groups[1:]:
            await interaction.followup.send(embeds=group, allowed_mentions=NO_MENTIONS)

    @digest.command(name="schedule", description="Post the digest every day in a channel")
    @app_commands.describe(channel="Where to post it", time="When, in UTC, as HH:MM (e.g. 07:30)")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def digest_schedule(
        self,
        interaction: discord.Interaction[NewsBot],
        channel: discord.TextChannel,
        time: app_commands.Range[str, 3, 5],
    ) -> None:
        post_time = parse_post_time(time)
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert interaction.guild_id is not None
        self.bot.state.set_digest_schedule(interaction.guild_id, channel.id, post_time)
        schedule = self.bot.state.digest_schedule(interaction.guild_id)
        now = self.bot.clock()
        if schedule is not None and schedule.is_due(now) and schedule.last_run_date is None:
            # Today's time has passed already: start tomorrow rather than right now.
            self.bot.state.record_digest_run(interaction.guild_id, now, posted=False)
        await interaction.followup.send(
            f"I will post the news digest in {channel.mention} every day at {post_time:%H:%M} UTC.",
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @digest.command(name="stop", description="Stop posting the daily digest")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def digest_stop(self, interaction: discord.Interaction[NewsBot]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert interaction.guild_id is not None
        stopped = self.bot.state.clear_digest_schedule(interaction.guild_id)
        await interaction.followup.send(
            "The daily digest is stopped." if stopped else "There was no daily digest here.",
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    # Scheduler ---------------------------------------------------------------------------
    @tasks.loop(seconds=30)
    async def post_due_digests(self) -> None:
        now = self.bot.clock()
        for schedule in self.bot.state.digest_schedules():
            if not schedule.is_due(now):
                continue
            # Several bot processes may share the state: the one holding the lease posts, and
            # reads the schedule again under it, so the digest goes out once. A holder that
            # dies mid-way loses the lease when it expires, and another process posts.
            lease = f"digest:{schedule.guild_id}"
            if not self.bot.state.try_lease(lease, self.bot.instance_id, now, DIGEST_LEASE):
                continue
            try:
                current = self.bot.state.digest_schedule(schedule.guild_id)
                if current is not None and current.is_due(now):
                    await self.post_digest(current, now)
            except Exception:
                retry_at = now + retry_delay(schedule.failures)
                failures = self.bot.state.record_digest_failure(schedule.guild_id, retry_at)
                log.exception(
                    "Daily digest for server %s failed (%d in a row); will retry at %s",
                    schedule.guild_id,
                    failures,
                    retry_at.isoformat(timespec="seconds"),
                )
            finally:
                self.bot.state.release_lease(lease, self.bot.instance_id)

    @post_due_digests.before_loop
    async def before_posting(self) -> None:
        await self.bot.wait_until_ready()

    async def post_digest(self, schedule: DigestSchedule, now: datetime) -> bool:
        """Poll the server's feeds, then post what is new since the last digest, if anything."""
        await poll_feeds(self.bot, self.bot.state.feeds(schedule.guild_id), claim=True)
        since = schedule.last_posted_at or (now - DEFAULT_SPAN)
        self.bot.state.forget_posted_before(now - POSTED_MEMORY)
        posted = self.bot.state.posted_articles(schedule.channel_id)
        result = await self.bot.engine.digest(
            since=since, as_of=now.astimezone(UTC).date(), exclude=posted
        )
        # Whatever the engine does with ``exclude``, a story is posted only for news.
        result.stories = [
            story
            for story in result.stories
            if any(c.article_id not in posted for c in story.citations)
        ]
        if not result.stories:
            log.info("Nothing new for server %s's digest", schedule.guild_id)
            self.bot.state.record_digest_run(schedule.guild_id, now, posted=False)
            return False
        channel = self.bot.get_channel(schedule.channel_id)
        if channel is None:
            channel = await self.bot.fetch_channel(schedule.channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("Digest channel %s cannot take messages", schedule.channel_id)
            return False
        sent = 0
        for group in group_embeds(digest_embeds(result)):  # one embed a story, in order
            await channel.send(embeds=group, allowed_mentions=NO_MENTIONS)
            stories, sent = result.stories[sent : sent + len(group)], sent + len(group)
            self.bot.state.record_posted(
                schedule.channel_id, (c.article_id for s in stories for c in s.citations), now
            )
        self.bot.state.record_digest_run(schedule.guild_id, now, posted=True)
        log.info("Posted the daily digest for server %s", schedule.guild_id)
        return True


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(DigestCog(bot))
