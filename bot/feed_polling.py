"""Polling servers' RSS/Atom feeds: ingest them and remember each feed's health."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.state import FeedRecord
from retrieval.errors import NewsbotError
from retrieval.models import IngestReport

if TYPE_CHECKING:
    from bot.client import NewsBot

log = logging.getLogger(__name__)


def ingest_summary(report: IngestReport) -> str:
    """``3 added, 1 updated, 5 unchanged, 1 failed``."""
    return (
        f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{len(report.failed)} failed"
    )


def claim_feeds(bot: NewsBot, feeds: Sequence[FeedRecord], now: datetime) -> list[FeedRecord]:
    """The feeds this process may poll now: those nobody polled this interval, whose lease
    it takes for (most of) one interval.

    Processes sharing the state poll each feed once an interval between them (a digest does
    not read again a feed polled minutes ago); a feed whose poller died is polled again once
    its lease runs out.
    """
    ttl = timedelta(minutes=bot.settings.feed_poll_minutes) * 0.9
    urls = {f.url for f in feeds}
    mine = {
        url
        for url in urls
        if bot.state.try_lease(f"feed:{url}", bot.instance_id, now, ttl, renew=False)
    }
    if len(mine) < len(urls):
        log.info("%d feeds were polled by another process this interval", len(urls) - len(mine))
    return [f for f in feeds if f.url in mine]


async def poll_feeds(
    bot: NewsBot, feeds: Sequence[FeedRecord], *, claim: bool = False
) -> IngestReport | None:
    """Ingest every distinct feed URL once and record each server's feed health.

    ``claim``: scheduled polls, which skip feeds another process holds (see
    :func:`claim_feeds`); a person's explicit request polls at once.
    """
    now = bot.clock()
    if claim:
        feeds = claim_feeds(bot, feeds, now)
    urls = sorted({feed.url for feed in feeds})
    if not urls:
        return None
    try:
        report = await bot.engine.ingest(urls)
    except NewsbotError as exc:
        log.warning("Polling %d feeds failed: %s", len(urls), exc)
        for feed in feeds:
            bot.state.record_feed_poll(feed.guild_id, feed.url, now, str(exc))
        return None
    errors = {failure.source: failure.error for failure in report.failed}
    for feed in feeds:
        bot.state.record_feed_poll(feed.guild_id, feed.url, now, errors.get(feed.url))
    bot.state.record_ingest(now, ingest_summary(report))
    log.info("Polled %d feeds: %s", len(urls), ingest_summary(report))
    return report
