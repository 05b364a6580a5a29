"""The Discord client: :class:`NewsBot`, its command tree and the manners shared by every cog
(no pings, rate limits, errors by kind)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.engine import AsyncNewsEngine, NewsEngine
from bot.rate_limit import RateDecision, RequestRateLimiter, rate_limit_message
from bot.render import error_text
from bot.settings import DiscordSettings
from bot.state import BotState, FeedbackLog
from retrieval.errors import NewsbotError

log = logging.getLogger(__name__)

# No pings, ever: not @everyone/@here, roles, users, nor the replied-to author.
NO_MENTIONS = discord.AllowedMentions.none()

EXTENSIONS: tuple[str, ...] = (
    "bot.cogs.ask",
    "bot.cogs.summarize",
    "bot.cogs.check",
    "bot.cogs.digest",
    "bot.cogs.sources",
    "bot.cogs.status",
    "bot.cogs.lexical_upkeep",
)

APOLOGY = "Sorry, something went wrong on my side while doing that. It has been logged."
NEEDS_MANAGE_SERVER = "You need the Manage Server permission to do that."


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_answer_key() -> str:
    return uuid.uuid4().hex[:20]


class RateLimited(app_commands.CheckFailure):
    """A person or server asked too often."""

    def __init__(self, decision: RateDecision) -> None:
        super().__init__(rate_limit_message(decision))
        self.decision = decision


def rate_limited() -> Callable[[Any], Any]:
    """Check for app commands (slash commands and context menus alike): count the request
    against the person's and server's limits. Buttons and autocomplete: see bot.rate_limit."""

    async def predicate(interaction: discord.Interaction[NewsBot]) -> bool:
        decision = interaction.client.rate_limiter.check(interaction.user.id, interaction.guild_id)
        if not decision.allowed:
            raise RateLimited(decision)
        return True

    return app_commands.check(predicate)


def error_message(error: BaseException) -> str | None:
    """What to tell a person about an error; None when it is unexpected (apologise, log)."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, NewsbotError):
        return str(error) or error.__class__.__name__
    if isinstance(error, RateLimited):
        return str(error)
    if isinstance(error, app_commands.MissingPermissions):
        return (
            NEEDS_MANAGE_SERVER
            if "manage_guild" in error.missing_permissions
            else ("You do not have the permissions this command needs.")
        )
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server only."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Please wait {error.retry_after:.0f} s before trying again."
    if isinstance(error, app_commands.TransformerError | app_commands.CheckFailure):
        return str(error) or "You cannot use this command here."
    return None


async def send_ephemeral(interaction: discord.Interaction[Any], text: str) -> None:
    """Tell only the person who used the command, whether or not it was deferred."""
    text = error_text(text)
    if not interaction.response.is_done():
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        return
    if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
        # A public "thinking…" message would turn the next follow-up public too: remove it.
        try:
            await interaction.delete_original_response()
        except discord.HTTPException:
            log.debug("Could not delete the deferred response", exc_info=True)
    await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def report_interaction_error(
    interaction: discord.Interaction[Any], error: BaseException
) -> None:
    message = error_message(error)
    if message is None:
        command = interaction.command.qualified_name if interaction.command else "interaction"
        log.exception("Unexpected error in %s", command, exc_info=error)
        message = APOLOGY
    try:
        await send_ephemeral(interaction, message)
    except discord.HTTPException:
        log.warning("Could not tell the user about an error", exc_info=True)


class NewsCommandTree(app_commands.CommandTree["NewsBot"]):
    """Turns errors into a short ephemeral message by kind; unexpected ones are logged."""

    async def on_error(
        self, interaction: discord.Interaction[NewsBot], error: app_commands.AppCommandError
    ) -> None:
        await report_interaction_error(interaction, error)


def point_at_api(api_base: str) -> None:
    """Send discord.py's REST calls to ``api_base`` (Discord's, or a local fake for tests)."""
    Route.BASE = api_base.rstrip("/")


class NewsBot(commands.Bot):
    """The news bot: slash commands, chat in threads, scheduled digests, feed polling.

    Everything it needs comes in through the constructor; nothing is built at import time.
    """

    def __init__(
        self,
        engine: NewsEngine,
        settings: DiscordSettings,
        *,
        state: BotState | None = None,
        feedback: FeedbackLog | None = None,
        clock: Callable[[], datetime] = utc_now,
        extensions: Sequence[str] = EXTENSIONS,
        **client_options: Any,
    ) -> None:
        intents = discord.Intents.default()
        intents.message_content = True
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            help_command=None,
            tree_cls=NewsCommandTree,
            allowed_mentions=NO_MENTIONS,
            guild_ready_timeout=settings.guild_ready_timeout_s,
            **client_options,
        )
        self.settings = settings
        self.engine = AsyncNewsEngine(engine, workers=settings.engine_workers)
        self._owns_state = state is None
        self.state = state or BotState(settings.state_location)
        # Names this process in the leases it holds (feeds it polls, digests it posts).
        self.instance_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.feedback = feedback or FeedbackLog(settings.feedback_log)
        self.clock = clock
        self.rate_limiter = RequestRateLimiter(
            settings.user_rate_per_minute, settings.guild_rate_per_minute
        )
        # Button clicks and autocomplete keystrokes: cheap each, but not unlimited.
        self.quick_rate_limiter = RequestRateLimiter(
            settings.user_quick_rate_per_minute, settings.guild_quick_rate_per_minute
        )
        self._extensions_to_load = tuple(extensions)

    async def login(self, token: str) -> None:
        point_at_api(self.settings.api_base)
        await super().login(token)
        if not self.settings.uses_real_discord:
            # discord.py connects a single-shard client to its default gateway; a custom API
            # (a local Discord for tests) names its own gateway in GET /gateway/bot.
            _, url, _ = await self.http.get_bot_gateway()
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
            log.info("Using gateway %s", url)

    async def setup_hook(self) -> None:
        for extension in self._extensions_to_load:
            await self.load_extension(extension)
        await self.sync_commands()

    async def sync_commands(self) -> bool:
        """Sync slash commands (to the dev guild when set), only when they changed."""
        guild = discord.Object(self.settings.dev_guild) if self.settings.dev_guild else None
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        payload = [command.to_dict(self.tree) for command in self.tree.get_commands(guild=guild)]
        digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
        target = str(guild.id) if guild else "global"
        key = f"commands_hash:{self.application_id}:{target}"
        if not self.settings.force_sync and self.state.get_meta(key) == digest:
            log.info("Slash commands unchanged since the last sync (%s); not syncing", target)
            return False
        try:
            synced = await self.tree.sync(guild=guild)
        except discord.HTTPException:
            log.exception("Could not sync slash commands (%s)", target)
            return False
        self.state.set_meta(key, digest)
        log.info("Synced %d slash commands (%s)", len(synced), target)
        return True

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: chat is handled by the ask cog's listener."""

    async def on_ready(self) -> None:
        log.info(
            "Connected as %s (id %s) to %d servers",
            self.user,
            self.user and self.user.id,
            len(self.guilds),
        )

    async def close(self) -> None:
        try:
            await super().close()
        finally:
            self.engine.shutdown()
            if self._owns_state:
                self.state.close()


class ShardedNewsBot(NewsBot, commands.AutoShardedBot):
    """The news bot on some of Discord's shards (``DISCORD_SHARD_COUNT``, ``DISCORD_SHARD_IDS``).

    discord.py's sharded client runs the given shards in this process; Discord sends each
    shard the events of its servers, ``(guild_id >> 22) % shard_count``. The work that is not
    tied to a server's events (feed polls, daily digests) is shared through the state's leases.
    """

    def __init__(self, engine: NewsEngine, settings: DiscordSettings, **options: Any) -> None:
        super().__init__(
            engine,
            settings,
            shard_count=settings.shard_count,
            shard_ids=settings.shard_id_list,
            **options,
        )


def build_bot(engine: NewsEngine, settings: DiscordSettings, **options: Any) -> NewsBot:
    """A sharded bot when ``DISCORD_SHARD_COUNT`` is set, else the single-connection one."""
    if settings.shard_count is not None:
        return ShardedNewsBot(engine, settings, **options)
    return NewsBot(engine, settings, **options)
