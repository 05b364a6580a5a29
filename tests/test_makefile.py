"""``make install`` and ``make demo`` print newsbot's own lines, not pip's (it goes to a log)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make(*args: str, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "MAKE"))}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_a_failing_install_names_its_log_and_shows_only_its_end(tmp_path: Path) -> None:
    # A real virtual environment without pip: the first pip step fails, for real.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    log = tmp_path / "install.log"
    result = make("install", f"VENV={venv}", f"INSTALL_LOG={log}")
    assert result.returncode != 0
    out = result.stdout.splitlines()
    assert out[0] == f"newsbot: installing into {venv}; pip's output goes to {log}"
    assert out[1] == f"newsbot: the install failed; the end of {log}:"
    assert "No module named pip" in log.read_text()
    assert "pip install" not in result.stdout  # make does not echo its commands
    assert not (venv / ".installed").exists()


@pytest.mark.slow
def test_make_demo_prints_only_newsbots_lines_and_the_answer(tmp_path: Path) -> None:
    # A ready environment: this session's own, behind an up-to-date .installed stamp.
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    for name in ("python", "newsbot"):
        (venv / "bin" / name).symlink_to(Path(sys.executable).parent / name)
    (venv / ".installed").touch()  # newer than pyproject.toml: nothing to install
    store = tmp_path / "store"
    result = make("demo", f"VENV={venv}", f"STORE={store}", timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines[0] == "seeds/: 1 added"
    assert lines[1].startswith("1 read: 1 added")
    assert lines[2] == ""
    assert "Sources:" in result.stdout and "Kursk" in result.stdout
    assert result.stderr.strip() == ""
    for noise in ("pip", "setuptools", "WARNING", "newsbot --store"):
        assert noise not in result.stdout
