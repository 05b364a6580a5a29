"""Keeps this process's lexical index level with what other processes write to a shared store.

With a Chroma server, other bot or CLI processes (perhaps on other machines, each with its own
lexical index file) write articles this process did not ingest. A search starts a catch-up when
one is due, but answers from the index as it was; this loop keeps an idle process level too, so
the first question after a quiet hour already finds them. No loop for the embedded store, which
no other process can write to.
"""

from __future__ import annotations

import logging

from discord.ext import commands, tasks

from bot.client import NewsBot

log = logging.getLogger(__name__)


class LexicalUpkeepCog(commands.Cog):
    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        every = self.bot.engine.lexical_catch_up_s
        if every > 0:
            self.catch_up.change_interval(seconds=every)
            self.catch_up.start()

    async def cog_unload(self) -> None:
        self.catch_up.cancel()

    @tasks.loop(seconds=10)
    async def catch_up(self) -> None:
        try:
            await self.bot.engine.catch_up_lexical()
        except Exception:
            log.warning("Lexical index catch-up failed; next time", exc_info=True)

    @catch_up.before_loop
    async def before_catch_up(self) -> None:
        await self.bot.wait_until_ready()


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(LexicalUpkeepCog(bot))
