"""A running process of the lexical catch-up test: searches a shared store while another writes.

Run as ``python -m tests.retrieval.lexical_reader WORKDIR WORD`` with the store settings in
``NEWSBOT_*`` (a Chroma server, this process's own ``NEWSBOT_LEXICAL_PATH``). It builds the
engine, searches once (a bot that has answered before), writes ``WORKDIR/ready``, waits for
``WORKDIR/go`` (the other process has ingested), then searches the lexical index alone for
``WORD`` every 0.1 s for up to 30 s, never ingesting, never restarting. It prints one JSON
object: whether the article was found, and how many seconds after ``go``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(workdir: Path, word: str) -> None:
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    service = build_service(EngineSettings(), with_model=False)
    service.warm_up()
    service.search("harbour wall", k=5)
    (workdir / "ready").touch()
    while not (workdir / "go").exists():
        time.sleep(0.02)
    started = time.monotonic()
    found = False
    while not found and time.monotonic() - started < 30:
        found = bool(service.retriever.search(word, k=5, mode="lexical"))
        if not found:
            time.sleep(0.1)
    print(json.dumps({"found": found, "seconds": round(time.monotonic() - started, 2)}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
