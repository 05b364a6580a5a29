"""What a stranger on the server can make the bot read: nothing outside its store.

The real discord.py client against the local Discord API, and the real knowledge engine
(extractive) on a store holding the seed. Every command, the chat and the autocomplete is tried
with a local path (a file holding a secret, and its folder) and with a URL of a local news site
that records every request. Only a member with Manage Server may have the bot fetch a URL; no
one may have it read a local path from Discord.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.settings import DiscordSettings
from tests.bot.conftest import SettableClock, bot_settings, running_bot
from tests.bot.fake_discord import ADMIN, ALICE, EPHEMERAL, LOADING, FakeDiscord
from tests.conftest import ROOT
from tests.retrieval.local_http import RecordingServer, send_body

pytestmark = pytest.mark.asyncio

SECRET = "ZEBRA-hunter2-PASSWORD"
SECRET_TEXT = (
    "Internal memo about the harbour budget\n\n"
    f"The harbour budget password is {SECRET}, and the council must not learn of it. "
    "The memo also says the harbour wall will cost 40 million euros."
)
PAGE = (
    b"<html><head><title>Harbour wall to be rebuilt</title></head><body><article>"
    b"<h1>Harbour wall to be rebuilt</h1>"
    b"<p>The city council voted on Tuesday to rebuild the old harbour wall, ending years of "
    b"debate about flooding in the lower town.</p>"
    b"<p>The work will cost 40 million euros and should be finished in 2028, the mayor told "
    b"reporters after the vote, adding that the first stones would be laid in the spring.</p>"
    b"<p>Fishermen said the delay had already cost them two winters of storms, and asked the "
    b"council to pay for temporary moorings while the wall is rebuilt.</p>"
    b"</article></body></html>"
)
NOT_A_URL = "is not an http(s) URL"
NEEDS_MANAGE_SERVER = "You need the Manage Server permission to do that."
NEW_URL_REFUSED = "only a member with manage server can have me fetch"
NOT_STORED = "no stored article matches"


@pytest.fixture(scope="module")
def news_site() -> Iterator[RecordingServer]:
    routes = {"/harbour": lambda h: send_body(h, PAGE)}
    with RecordingServer(routes) as server:
        yield server


@pytest.fixture(scope="module")
def secret_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("host-files")
    (folder / "memo.txt").write_text(SECRET_TEXT, encoding="utf-8")
    (folder / "notes.md").write_text(SECRET_TEXT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedder: Any) -> Any:
    """The real engine, extractive, on an embedded store holding the seed."""
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    settings = EngineSettings(
        store_dir=tmp_path_factory.mktemp("store"),
        chat_model="extractive",
        fetch_allow_hosts=["127.0.0.1"],
    )
    service = build_service(settings, embedder=embedder)
    assert not service.ingest([str(ROOT / "seeds")]).failed
    return service


@pytest.fixture
def settings(tmp_path: Path, fake_discord: FakeDiscord) -> DiscordSettings:
    return bot_settings(tmp_path, fake_discord.api_base, user_rate_per_minute=1000)


def said(message: dict[str, Any]) -> str:
    embeds = message.get("embeds") or []
    return " ".join(
        [message.get("content") or ""]
        + [f"{e.get('title', '')} {e.get('description', '')}" for e in embeds]
        + [f"{f['name']} {f['value']}" for e in embeds for f in e.get("fields", [])]
    )


async def reply_to(fake: FakeDiscord, token: str) -> dict[str, Any]:
    """What the bot finally said to an interaction (message, or autocomplete choices)."""

    def finished() -> dict[str, Any] | None:
        interaction = fake.interactions[token]
        callback = interaction.callback
        if callback is None:
            return None
        if callback["type"] in (4, 8):
            return {"text": said(callback.get("data") or {}), **(callback.get("data") or {})}
        if interaction.followups:
            return {"text": said(interaction.followups[-1]), **interaction.followups[-1]}
        original = interaction.original
        if original is not None and not original["flags"] & LOADING:
            return {"text": said(original), **original}
        return None

    return await fake.wait_for(finished, timeout=30)


def everything_sent(fake: FakeDiscord) -> str:
    return " ".join(str(r.body) for r in fake.requests)


@dataclass(frozen=True)
class Attempt:
    name: str
    command: str
    options: Callable[[str], dict[str, Any]]
    subcommand: str | None = None
    focused: str | None = None


ATTEMPTS = [
    Attempt("summarize", "summarize", lambda v: {"article": v}),
    Attempt("summarize-autocomplete", "summarize", lambda v: {"article": v}, focused="article"),
    Attempt("ask", "ask", lambda v: {"question": f"What does {v} say?"}),
    Attempt("ask-since", "ask", lambda v: {"question": "What happened?", "since": v}),
    Attempt("ingest", "ingest", lambda v: {"url": v}),
    Attempt("sources-add", "sources", lambda v: {"url": v}, subcommand="add"),
    Attempt("sources-remove", "sources", lambda v: {"source": v}, subcommand="remove"),
    Attempt(
        "sources-remove-autocomplete",
        "sources",
        lambda v: {"source": v},
        subcommand="remove",
        focused="source",
    ),
    Attempt("digest-now", "digest", lambda v: {"since": v}, subcommand="now"),
    Attempt("check", "check", lambda v: {"claim": f"{v} says the harbour wall costs 40 million."}),
]


def targets(secret_folder: Path, news_site: RecordingServer) -> dict[str, str]:
    return {
        "file": str(secret_folder / "memo.txt"),
        "folder": str(secret_folder),
        "url": news_site.url("/harbour"),
    }


# A manager may have a URL fetched by these: tested below, on a store of its own.
MANAGER_FETCHES = {"summarize", "ingest", "sources-add"}


@pytest.mark.parametrize("attempt", ATTEMPTS, ids=[a.name for a in ATTEMPTS])
async def test_no_command_reads_a_local_path_and_only_manage_server_fetches(
    attempt: Attempt,
    engine: Any,
    secret_folder: Path,
    news_site: RecordingServer,
    fake_discord: FakeDiscord,
    settings: DiscordSettings,
    clock: SettableClock,
) -> None:
    async with running_bot(engine, settings, clock):
        for target, value in targets(secret_folder, news_site).items():
            for admin in (False, True):
                if admin and target == "url" and attempt.name in MANAGER_FETCHES:
                    continue
                case = f"{attempt.name} with a {target} by {'a manager' if admin else 'a member'}"
                articles_before = engine.store.count_articles()
                requests_before = len(news_site.requests)
                token = await fake_discord.use_command(
                    attempt.command,
                    attempt.options(value),
                    subcommand=attempt.subcommand,
                    user=ADMIN if admin else ALICE,
                    admin=admin,
                    focused=attempt.focused,
                )
                reply = await reply_to(fake_discord, token)
                await asyncio.sleep(0.05)  # what the command would do next has had its chance

                assert len(news_site.requests) == requests_before, f"{case}: fetched the URL"
                assert engine.store.count_articles() == articles_before, f"{case}: stored it"
                assert SECRET not in everything_sent(fake_discord), case
                text = reply["text"]
                if attempt.name == "summarize":
                    refusal = NEW_URL_REFUSED if target == "url" else NOT_STORED
                    assert refusal in text.lower() and reply["flags"] & EPHEMERAL, case
                if attempt.name in {"ingest", "sources-add"}:
                    assert (NOT_A_URL if admin else NEEDS_MANAGE_SERVER) in text, case


async def test_a_chat_message_naming_a_path_or_url_fetches_and_reads_nothing(
    engine: Any,
    secret_folder: Path,
    news_site: RecordingServer,
    fake_discord: FakeDiscord,
    settings: DiscordSettings,
    clock: SettableClock,
) -> None:
    articles_before = engine.store.count_articles()
    requests_before = len(news_site.requests)
    async with running_bot(engine, settings, clock):
        for value in targets(secret_folder, news_site).values():
            message = await fake_discord.user_says(f"summarize {value}", author=ADMIN)
            thread_id = int(message["id"])
            await fake_discord.wait_for(
                lambda thread_id=thread_id: [
                    m for m in fake_discord.bot_messages(thread_id) if m.get("embeds")
                ],
                timeout=30,
            )
    assert len(news_site.requests) == requests_before
    assert engine.store.count_articles() == articles_before
    assert SECRET not in everything_sent(fake_discord)


async def test_a_manager_may_have_a_new_url_summarised_and_a_member_then_may_too(
    tmp_path: Path,
    embedder: Any,
    news_site: RecordingServer,
    fake_discord: FakeDiscord,
    settings: DiscordSettings,
    clock: SettableClock,
) -> None:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    service = build_service(
        EngineSettings(
            store_dir=tmp_path / "store", chat_model="extractive", fetch_allow_hosts=["127.0.0.1"]
        ),
        embedder=embedder,
    )
    url = news_site.url("/harbour")
    async with running_bot(service, settings, clock):
        token = await fake_discord.use_command("summarize", {"article": url}, user=ALICE)
        assert NEW_URL_REFUSED in (await reply_to(fake_discord, token))["text"].lower()
        assert service.store.count_articles() == 0

        token = await fake_discord.use_command(
            "summarize", {"article": url}, user=ADMIN, admin=True
        )
        reply = await reply_to(fake_discord, token)
        assert reply["embeds"][0]["title"] == "Harbour wall to be rebuilt"
        fetched = len(news_site.requests)
        assert fetched >= 1 and service.store.count_articles() == 1

        # Once stored, the URL names a stored article: anyone may have it summarised.
        token = await fake_discord.use_command("summarize", {"article": url}, user=ALICE)
        reply = await reply_to(fake_discord, token)
        assert reply["embeds"][0]["title"] == "Harbour wall to be rebuilt"
        assert len(news_site.requests) == fetched
