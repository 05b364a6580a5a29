"""Per-person and per-server request limits (sliding one-minute windows).

Every way into the bot is limited, each by one mechanism:

- slash commands and context menus: the ``@rate_limited()`` check (``bot.client``), counted
  against ``DISCORD_USER_RATE_PER_MINUTE`` / ``DISCORD_GUILD_RATE_PER_MINUTE``;
- chat messages: the same limiter, checked by the ask cog;
- buttons and other components: :class:`QuickRateLimited` (an ``interaction_check``), and
  autocomplete callbacks: :func:`limited_autocomplete`, both counted against the quick limits
  (``DISCORD_USER_QUICK_RATE_PER_MINUTE`` / ``DISCORD_GUILD_QUICK_RATE_PER_MINUTE``). A refused
  click is told so (ephemeral); a refused keystroke gets no choices and costs no engine call.
"""

from __future__ import annotations

import functools
import time
from collections import defaultdict, deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast

import discord

if TYPE_CHECKING:
    from bot.client import NewsBot

Autocomplete = TypeVar("Autocomplete", bound=Callable[..., Coroutine[Any, Any, Any]])

WINDOW_S = 60.0


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    retry_after_s: float = 0.0
    scope: str = ""  # "user" or "server" when refused


class RequestRateLimiter:
    """Allows ``per_user`` requests a minute per person and ``per_guild`` per server."""

    def __init__(
        self, per_user: int, per_guild: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_user = per_user
        self.per_guild = per_guild
        self._clock = clock
        self._users: defaultdict[int, deque[float]] = defaultdict(deque)
        self._guilds: defaultdict[int, deque[float]] = defaultdict(deque)

    def _retry_after(self, window: deque[float], limit: int, now: float) -> float:
        while window and now - window[0] >= WINDOW_S:
            window.popleft()
        if len(window) < limit:
            return 0.0
        return WINDOW_S - (now - window[0])

    def check(self, user_id: int, guild_id: int | None) -> RateDecision:
        """Count one request if it is allowed; refuse it (uncounted) otherwise."""
        now = self._clock()
        user_window = self._users[user_id]
        wait = self._retry_after(user_window, self.per_user, now)
        if wait > 0:
            return RateDecision(False, wait, "user")
        guild_window = self._guilds[guild_id] if guild_id is not None else None
        if guild_window is not None:
            wait = self._retry_after(guild_window, self.per_guild, now)
            if wait > 0:
                return RateDecision(False, wait, "server")
            guild_window.append(now)
        user_window.append(now)
        return RateDecision(True)


def rate_limit_message(decision: RateDecision) -> str:
    seconds = max(1, round(decision.retry_after_s))
    who = "this server is" if decision.scope == "server" else "you are"
    return (
        f"Easy there: {who} asking faster than I can read the news. "
        f"Please try again in {seconds} s."
    )


def quick_decision(interaction: discord.Interaction[Any]) -> RateDecision:
    """Count one quick interaction (click, keystroke) against the quick limits."""
    bot: NewsBot = interaction.client
    return bot.quick_rate_limiter.check(interaction.user.id, interaction.guild_id)


class QuickRateLimited:
    """Mixin for buttons (``discord.ui`` items): a click over the limit is refused, ephemerally."""

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        decision = quick_decision(interaction)
        if decision.allowed:
            return True
        await interaction.response.send_message(
            rate_limit_message(decision),
            ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        return False


def limited_autocomplete(callback: Autocomplete) -> Autocomplete:
    """Wrap an autocomplete callback ``(self, interaction, current)``: over the quick limits,
    it offers no choices and does no work."""

    @functools.wraps(callback)
    async def wrapper(self: Any, interaction: discord.Interaction[Any], current: str) -> Any:
        if not quick_decision(interaction).allowed:
            return []
        return await callback(self, interaction, current)

    return cast(Autocomplete, wrapper)
