"""Starting the Discord bot: what ``newsbot run`` calls."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable

import discord

from bot.client import NewsBot, build_bot
from bot.engine import NewsEngine
from bot.settings import MISSING_TOKEN, DiscordSettings, get_settings

log = logging.getLogger(__name__)

__all__ = ["MISSING_TOKEN", "run_bot"]


async def _serve(bot: NewsBot, token: str) -> None:
    async with bot:
        await bot.start(token)


def run_bot(
    engine_factory: Callable[[], NewsEngine], settings: DiscordSettings | None = None
) -> int:
    """Run the bot until interrupted; 0 on a clean stop, 1 when it cannot start.

    The token is checked before the (slow) engine is built.
    """
    settings = settings or get_settings()
    token = settings.token.get_secret_value().strip() if settings.token else ""
    if not token:
        print(MISSING_TOKEN, file=sys.stderr)
        return 1
    if not logging.getLogger().handlers:
        discord.utils.setup_logging(level=logging.INFO)
    # Engine threads doing Python work hold the GIL for up to the switch interval each time the
    # event loop lets go of it; 1 ms instead of 5 keeps the loop's worst lag in the tens of ms.
    sys.setswitchinterval(0.001)
    engine = engine_factory()
    warm_up = getattr(engine, "warm_up", None)
    if callable(warm_up):
        warm_up()  # e.g. bring the lexical index level with the store before any question
    bot = build_bot(engine, settings)
    try:
        asyncio.run(_serve(bot, token))
    except KeyboardInterrupt:
        log.info("Stopped")
    except discord.LoginFailure:
        print("Discord refused DISCORD_TOKEN: check the bot token.", file=sys.stderr)
        return 1
    except discord.PrivilegedIntentsRequired:
        print(
            "The Message Content intent is not enabled: turn it on in the Developer Portal "
            "(Bot > Privileged Gateway Intents).",
            file=sys.stderr,
        )
        return 1
    return 0
