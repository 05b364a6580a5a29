"""Showing an answer while the model writes it, without flooding Discord with edits."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

import discord

log = logging.getLogger(__name__)

T = TypeVar("T")


class PartialAnswerRelay:
    """Carries partial text from the engine's worker thread to throttled message edits.

    ``on_partial`` may be called from any thread, as often as the model likes; ``show`` is
    awaited on the event loop with the newest text, at most once every ``interval_s``.
    """

    def __init__(
        self,
        show: Callable[[str], Awaitable[object]],
        *,
        interval_s: float = 1.5,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        self._show = show
        self._interval_s = interval_s
        self._loop = loop or asyncio.get_running_loop()
        self._latest: str | None = None
        self._shown: str | None = None
        self._changed = asyncio.Event()
        self._stopped = asyncio.Event()
        self._closed = False
        self.edits = 0

    def on_partial(self, text: str) -> None:
        """Thread-safe: remember the newest partial text."""
        if self._loop.is_closed():
            return
        self._loop.call_soon_threadsafe(self._update, text)

    def _update(self, text: str) -> None:
        self._latest = text
        self._changed.set()

    async def _pump(self) -> None:
        while not self._closed:
            await self._changed.wait()
            self._changed.clear()
            if self._closed:
                return
            text = self._latest
            if text is None or text == self._shown:
                continue
            try:
                await self._show(text)
                self._shown = text
                self.edits += 1
            except discord.HTTPException as exc:
                log.warning("Could not show partial answer: %s", exc)
            # Rest between edits, but wake at once when the work is done.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopped.wait(), self._interval_s)

    async def run_while(self, work: Awaitable[T]) -> T:
        """Await ``work`` while pumping progress edits; no edit runs after it returns."""
        pump = asyncio.create_task(self._pump())
        try:
            return await work
        finally:
            # Let an edit in flight land before the caller's final edit; never cut it off.
            self._closed = True
            self._stopped.set()
            self._changed.set()
            await pump
