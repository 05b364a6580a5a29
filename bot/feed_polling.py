"""Polling servers' RSS/Atom feeds: ingest them and remember each feed's health."""

from __future__ import annotations

import logging
from collections.abc import Sequence
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


async def poll_feeds(bot: NewsBot, feeds: Sequence[FeedRecord]) -> IngestReport | None:
    """Ingest every distinct feed URL once and record each server's feed health."""
    urls = sorted({feed.url for feed in feeds})
    if not urls:
        return None
    now = bot.clock()
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
