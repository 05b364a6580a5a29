"""Two real bot processes (``newsbot run``) on two shards, sharing one Chroma server and one
PostgreSQL, against the local Discord: each answers only its own servers, a feed is polled by one
process at a time, each digest is posted once, and killing a process loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from datetime import time as clock_time
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from bot.state import BotState
from retrieval.chroma_server import ChromaServer
from tests.bot.fake_discord import (
    DIGEST_CHANNEL_ID,
    GUILD_ID,
    NEWS_CHANNEL_ID,
    FakeDiscord,
    shard_of,
)
from tests.retrieval.local_http import RecordingServer, send_body
from tests.retrieval.test_store import COMET

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SHARDS = 2
POLL_MINUTES = 0.15  # 9 s: a feed lease lasts 0.9 of it
START_TIMEOUT_S = 240.0  # two processes load their models on a busy machine
QUESTION = "When will the comet be visible in the evening sky?"


def second_guild() -> int:
    """A server id on the other shard than the fake's default server."""
    guild = GUILD_ID + (1 << 22)
    assert shard_of(guild, SHARDS) != shard_of(GUILD_ID, SHARDS)
    return guild


class FeedSite:
    """An RSS feed with today's comet story, remembering when it was fetched."""

    def __init__(self) -> None:
        self.fetched_at: list[float] = []
        routes: dict[str, Any] = {"/feed.xml": self._feed}
        self.server = RecordingServer(routes)

    def _feed(self, handler: Any) -> None:
        self.fetched_at.append(time.monotonic())
        today = format_datetime(datetime.now(UTC).replace(hour=0, minute=1), usegmt=True)
        body = (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            "<title>Herald Science</title><link>http://example.org/</link><description>d"
            "</description><item><title>Bright comet to light up the evening sky</title>"
            f"<link>{self.server.url('/comet')}</link><pubDate>{today}</pubDate>"
            f"<description>{' '.join(COMET)}</description></item></channel></rss>"
        )
        send_body(handler, body.encode(), content_type="application/rss+xml")

    @property
    def url(self) -> str:
        return self.server.url("/feed.xml")


@pytest.fixture
def feed_site() -> Iterator[FeedSite]:
    site = FeedSite()
    with site.server:
        yield site


class BotProcess:
    """``python -m bot run`` for some shards, its output in a log file."""

    def __init__(self, env: dict[str, str], shard_ids: str, workdir: Path) -> None:
        self.log_path = workdir / f"bot-shards-{shard_ids.replace(',', '_')}-{time.time()}.log"
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "-v"],
            cwd=workdir,
            env={**env, "DISCORD_SHARD_IDS": shard_ids},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(30)
        self._log.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()
        self._log.close()


def topology_env(
    fake: FakeDiscord, chroma: ChromaServer, database_url: str, workdir: Path, prefix: str
) -> dict[str, str]:
    """What each bot process of the deployment is given (README: Deployment)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "NEWSBOT_"))}
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "DISCORD_TOKEN": "fake-token",
            "DISCORD_API_BASE": fake.api_base,
            "DISCORD_SHARD_COUNT": str(SHARDS),
            "DISCORD_FEED_POLL_MINUTES": str(POLL_MINUTES),
            "DISCORD_DIGEST_CHECK_SECONDS": "0.5",
            "DISCORD_GUILD_READY_TIMEOUT_S": "0.05",
            "DISCORD_FEEDBACK_LOG": str(workdir / "feedback.jsonl"),
            "NEWSBOT_DATABASE_URL": database_url,
            "NEWSBOT_CHROMA_URL": chroma.url,
            "NEWSBOT_COLLECTION_PREFIX": prefix,
            "NEWSBOT_STORE_DIR": str(workdir / "store"),
            "NEWSBOT_CHAT_MODEL": "extractive",
            "NEWSBOT_FETCH_ALLOW_HOSTS": '["127.0.0.1"]',
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "TOKENIZERS_PARALLELISM": "false",
            "ANONYMIZED_TELEMETRY": "False",
        }
    )
    return env


def thread_answers(fake: FakeDiscord, message: dict[str, Any]) -> list[dict[str, Any]]:
    return [m for m in fake.bot_messages(int(message["id"])) if m.get("embeds")]


async def wait_for_shards(fake: FakeDiscord, shards: set[int]) -> None:
    def connected() -> bool:
        return all(
            s in fake.sessions and fake.sessions[s].ws is not None and fake.sessions[s].seq >= 2
            for s in shards
        )

    await fake.wait_for(connected, START_TIMEOUT_S)


async def test_two_shards_split_the_servers_and_share_the_work_and_the_state(
    chroma_server: ChromaServer, postgres_url: str, feed_site: FeedSite, tmp_path: Path
) -> None:
    fake = await FakeDiscord().start()
    other_guild = second_guild()
    other_news, other_digest = fake.add_guild(other_guild, "Second newsroom")
    shard_of_main = shard_of(GUILD_ID, SHARDS)
    state = BotState(postgres_url)
    now = datetime.now(UTC)
    state.add_feed(GUILD_ID, feed_site.url, now)
    state.add_feed(other_guild, feed_site.url, now)
    env = topology_env(fake, chroma_server, postgres_url, tmp_path, f"shards{os.getpid()}")
    processes = {s: BotProcess(env, str(s), tmp_path) for s in range(SHARDS)}
    try:
        await wait_for_shards(fake, set(range(SHARDS)))
        ready_at = time.monotonic()

        # The feed both servers follow is read by one process, not by each.
        await fake.wait_for(lambda: feed_site.fetched_at, START_TIMEOUT_S)
        await fake.wait_for(lambda: all(f.last_polled_at for f in state.feeds()), START_TIMEOUT_S)
        await fake.wait_for(
            lambda: all(
                "Polled 1 feeds" in p.log() or "polled by another process" in p.log()
                for p in processes.values()
            ),
            START_TIMEOUT_S,
        )
        polled = [p for p in processes.values() if "Polled 1 feeds" in p.log()]
        assert len(polled) == 1, [p.log()[-3000:] for p in processes.values()]

        # Each server's question reaches only its shard's process, and is answered once.
        asked = {
            GUILD_ID: await fake.user_says(QUESTION, channel_id=NEWS_CHANNEL_ID),
            other_guild: await fake.user_says(QUESTION, channel_id=other_news),
        }
        for message in asked.values():
            await fake.wait_for(lambda m=message: thread_answers(fake, m), 60)
        assert ("MESSAGE_CREATE", shard_of_main) in fake.deliveries
        assert ("MESSAGE_CREATE", 1 - shard_of_main) in fake.deliveries
        for message in asked.values():
            [answer] = thread_answers(fake, message)
            assert "comet" in answer["embeds"][0]["description"].lower()

        # Each server's daily digest is posted once, whichever process holds the lease.
        state.set_digest_schedule(GUILD_ID, DIGEST_CHANNEL_ID, clock_time(0, 0))
        state.set_digest_schedule(other_guild, other_digest, clock_time(0, 0))
        for channel in (DIGEST_CHANNEL_ID, other_digest):
            await fake.wait_for(lambda c=channel: fake.bot_messages(c), 60)
        await _sleep(3.0)  # several more checks by both processes
        assert len(fake.bot_messages(DIGEST_CHANNEL_ID)) == 1
        assert len(fake.bot_messages(other_digest)) == 1

        # The feed is polled again only once an interval has passed, by one process.
        await fake.wait_for(lambda: len(feed_site.fetched_at) >= 2, START_TIMEOUT_S)
        gaps = [b - a for a, b in zip(feed_site.fetched_at, feed_site.fetched_at[1:], strict=False)]
        assert min(gaps) > POLL_MINUTES * 60 * 0.5, gaps

        # Kill the process that polled the feed first: nothing is lost.
        victim = next(s for s, p in processes.items() if p is polled[0])
        victims_guild = GUILD_ID if victim == shard_of_main else other_guild
        answer = thread_answers(fake, asked[victims_guild])[0]
        processes[victim].kill()
        fetches_before = len(feed_site.fetched_at)
        # The survivor takes the feed over once the dead process's lease runs out.
        await fake.wait_for(
            lambda: len(feed_site.fetched_at) > fetches_before, POLL_MINUTES * 60 * 4
        )
        # A process started in its place answers that server, and reads the answers saved
        # by the one that died (the buttons under them keep working).
        processes[victim] = BotProcess(env, str(victim), tmp_path)
        sessions_before = fake.sessions.get(victim)
        await fake.wait_for(
            lambda: (
                fake.sessions.get(victim) is not sessions_before and fake.sessions[victim].seq >= 2
            ),
            START_TIMEOUT_S,
        )
        token = await fake.click(answer, _evidence_id(answer))
        await fake.wait_for(lambda: fake.interactions[token].callback, 60)
        callback = fake.interactions[token].callback
        assert callback is not None and callback["type"] == 4
        assert callback["data"]["embeds"], callback  # the evidence, not "I no longer have it"
        assert len(fake.bot_messages(DIGEST_CHANNEL_ID)) == 1  # not posted again on restart
        assert len(fake.bot_messages(other_digest)) == 1
        assert time.monotonic() - ready_at < 600
    except AssertionError as failure:
        logs = "\n".join(f"--- shard {s}:\n{p.log()[-3000:]}" for s, p in processes.items())
        raise AssertionError(f"{failure}\n{logs}") from failure
    finally:
        for process in processes.values():
            process.stop()
        await fake.stop()
    assert not fake.invalid_requests, fake.invalid_requests


def _evidence_id(message: dict[str, Any]) -> str:
    ids = [c["custom_id"] for row in message["components"] for c in row["components"]]
    return next(i for i in ids if i.startswith("newsbot:evidence:"))


async def _sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)
