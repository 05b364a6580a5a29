"""Per-person and per-server request limits (sliding one-minute windows)."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass

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
