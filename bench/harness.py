"""What every benchmark shares: paths, data files, timing statistics and the output format.

A benchmark prints a readable table, then, as the very last line of stdout, one JSON object with
its figures (see :func:`emit_figures`). Logging goes to stderr so it never breaks that contract.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import statistics
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT / ".." / "shared" / "data"
BBC_PATH = SHARED_DATA / "bbc_news_summary.jsonl"
SEEDS_DIR = ROOT / "seeds"
DATA_DIR = ROOT / "bench" / "data"
RESULTS_DIR = ROOT / "bench" / "results"
QA_DEV = DATA_DIR / "qa_dev.jsonl"
RETRIEVAL_DEV = DATA_DIR / "retrieval_dev.jsonl"

log = logging.getLogger(__name__)


def prepare_environment(verbose: bool = False) -> None:
    """Offline models, quiet libraries, logging on stderr. Call first in every ``main``."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("bench").setLevel(logging.INFO)


def require_bbc() -> Path:
    if not BBC_PATH.is_file():
        raise SystemExit(f"the BBC development set is missing: {BBC_PATH.resolve()}")
    return BBC_PATH.resolve()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def spread_sample(items: Sequence[Any], n: int | None) -> list[Any]:
    """``n`` items taken at an even stride (deterministic, covers the whole list)."""
    if n is None or n >= len(items):
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile, ``q`` in [0, 100]."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    """p50 / p95 / mean in milliseconds."""
    ms = [s * 1000.0 for s in seconds]
    return {
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "mean_ms": round(statistics.fmean(ms), 1) if ms else float("nan"),
        "n": len(ms),
    }


def ratio(numerator: float, denominator: float, digits: int = 3) -> float | None:
    return round(numerator / denominator, digits) if denominator else None


def machine() -> dict[str, Any]:
    """Cores, memory and CPU model of this machine, for the record."""
    model = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "memory_gib": memory_gib,
        "cpu": model,
        "python": platform.python_version(),
        # Others share this machine: the load says how busy it was as the run ended.
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
    }


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A plain fixed-width table on stdout."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    print()
    print(title)
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def emit_figures(name: str, figures: dict[str, Any]) -> None:
    """The benchmark's last line of stdout: one JSON object."""
    print()
    sys.stdout.flush()
    print(json.dumps({"benchmark": name, **figures, "machine": machine()}, ensure_ascii=False))
    sys.stdout.flush()
