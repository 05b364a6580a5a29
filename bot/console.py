"""Progress for people at a terminal: one status line on stderr, nothing at all on a pipe.

``newsbot ask`` spends seconds loading models before it answers; a person at a terminal sees
what it is doing, a script reading a pipe or a file sees only the result.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

_FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class StatusLine:
    """A transient ``⠋ loading the embedding model… 2.1 s`` line, redrawn in place.

    Enabled only when ``stream`` is a terminal; otherwise every method does nothing.
    """

    def __init__(self, stream: TextIO | None = None, *, interval_s: float = 0.1) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self._stream)
        self._interval_s = interval_s
        self._text = ""
        self._started = time.monotonic()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def show(self, text: str) -> None:
        """Replace the status text (and start the spinner on first use)."""
        if not self.enabled:
            return
        with self._lock:
            self._text = text
            self._started = time.monotonic()
        if self._thread is None:
            self._thread = threading.Thread(target=self._spin, name="status-line", daemon=True)
            self._thread.start()
        self._draw(0)

    @contextmanager
    def step(self, text: str) -> Iterator[None]:
        self.show(text)
        yield

    def clear(self) -> None:
        """Stop the spinner and erase the line, before the result is printed."""
        if not self.enabled:
            return
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        with self._lock:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
        self._stop.clear()

    def _spin(self) -> None:
        frame = 0
        while not self._stop.wait(self._interval_s):
            frame += 1
            self._draw(frame)

    def _draw(self, frame: int) -> None:
        with self._lock:
            seconds = time.monotonic() - self._started
            mark = _FRAMES[frame % len(_FRAMES)]
            self._stream.write(f"\r\x1b[K{mark} {self._text}… {seconds:.1f} s")
            self._stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
