"""A local ``chroma run`` process: the Chroma server for tests, benchmarks and trying it out.

Production runs its own server (README: "Using a Chroma server"); this starts one on 127.0.0.1
and waits until it answers.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ChromaServer:
    """``chroma run --path PATH --host 127.0.0.1 --port PORT`` as a child process."""

    def __init__(self, path: Path, port: int) -> None:
        self.path = path
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        chroma = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which(
            "chroma"
        )
        if chroma is None:
            raise RuntimeError("the chroma command (package chromadb) is not installed")
        self.path.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                chroma,
                "run",
                "--path",
                str(self.path),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/api/v2/heartbeat", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("chroma run did not answer within the timeout")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None
