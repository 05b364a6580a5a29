"""``python -m bench cli``: how long the light commands take, and their peak memory.

Each light command (``newsbot --help``, ``articles``, ``show ID``, ``run`` without a token, and
``ask`` with a nonsense ``--model``) runs as a fresh process, ``--runs`` times, interleaved
with ``python -c pass`` (the baseline) so that all of them see the same machine load. Reports
the median wall time, its ratio to the baseline, the median CPU time (user + system, from
``wait4``: what the command costs, much less sensitive than wall time to other work on a shared
machine) and the median peak resident memory, against the targets of <= 1.0 s and <= 150 MiB.

The store is the seed article, ingested once (the heavy path) before the timed runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.harness import ROOT, SEEDS_DIR, emit_figures, prepare_environment, print_table, ratio

TARGET_S = 1.0
TARGET_MIB = 150.0


def _env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("NEWSBOT_", "DISCORD_")) and not k.endswith("_API_KEY")
    }
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak resident MiB and exit status of one run of ``command``."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024.0, process.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench cli", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (default: 5)")
    args = parser.parse_args(argv)
    prepare_environment()
    env = _env()
    newsbot = [sys.executable, "-m", "bot"]
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        work = Path(tmp)
        store = work / "store"
        ingest = subprocess.run(
            [*newsbot, "--store", str(store), "ingest", str(SEEDS_DIR), "--json"],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if ingest.returncode != 0:
            print(ingest.stderr[-2000:], file=sys.stderr)
            return 1
        seed_id = json.loads(ingest.stdout)["articles"][0]["article_id"]
        commands: dict[str, list[str]] = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "newsbot --help": [*newsbot, "--help"],
            "newsbot articles": [*newsbot, "--store", str(store), "articles"],
            "newsbot show ID": [*newsbot, "--store", str(store), "show", seed_id],
            "newsbot run (no token)": [*newsbot, "--store", str(store), "run"],
            "newsbot --model nonsense ask": [*newsbot, "--model", "nonsense", "ask", "What?"],
        }
        expected = {"newsbot run (no token)": 1, "newsbot --model nonsense ask": 1}
        samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                seconds, cpu, mib, code = measure(command, work, env)
                if code != expected.get(name, 0):
                    print(f"{name}: exit status {code}", file=sys.stderr)
                    return 1
                samples[name].append((seconds, cpu, mib))
    baseline = statistics.median(s for s, _, _ in samples["python -c pass"])
    results: list[dict[str, Any]] = []
    for name, runs in samples.items():
        seconds = statistics.median(s for s, _, _ in runs)
        cpu = statistics.median(c for _, c, _ in runs)
        mib = statistics.median(m for _, _, m in runs)
        light = name != "python -c pass"
        results.append(
            {
                "command": name,
                "median_s": round(seconds, 3),
                "median_cpu_s": round(cpu, 3),
                "vs_python_c_pass": ratio(seconds, baseline, 1),
                "peak_mib": round(mib, 1),
                "within_target": (seconds <= TARGET_S and mib <= TARGET_MIB) if light else None,
            }
        )
    print_table(
        f"light commands, median of {args.runs} runs each (targets: <= {TARGET_S} s, "
        f"<= {TARGET_MIB:g} MiB)",
        ["command", "median s", "x python -c pass", "CPU s", "peak MiB", "within target"],
        [
            [
                r["command"],
                r["median_s"],
                r["vs_python_c_pass"],
                r["median_cpu_s"],
                r["peak_mib"],
                r["within_target"],
            ]
            for r in results
        ],
    )
    emit_figures(
        "cli",
        {
            "runs": args.runs,
            "baseline_s": round(baseline, 3),
            "target_s": TARGET_S,
            "target_mib": TARGET_MIB,
            "results": results,
        },
    )
    return 0
