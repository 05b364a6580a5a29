"""End-to-end answer latency, and the peak memory of a running bot process.

Run: ``python -m bench ask [--quick] [--questions N]``.

Latency: ``NewsService.ask`` over ~30 qa_dev questions (an even stride, answerable and not) on
the cached BBC + seeds store, with the offline default chat model (``local``) and with
``extractive``, interleaved question by question after one warm-up question each. Baselines in the
same run, on the same questions: the retrieval step alone (``service.search(q, k=6)``, what ``ask``
retrieves) and one bare call of the same chat model on a naive prompt (the 4 best chunks; on the
first 8 questions only, to save time), made on a second instance of the model so that its prompt
does not displace the one the service keeps evaluated in its own llama context.

Memory: a subprocess builds the service exactly as ``newsbot run`` does (``bot.app.build_service``
with default settings but the bench store, after importing discord and ``bot.client``), warms it
up, answers a few questions and reports its peak resident set (VmHWM and ru_maxrss). The baseline
is a subprocess that only loads the embedding model.

Goals: ask p50 <= 3 s (local), peak memory <= 1.5 GiB.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.bench_store import STORE_DIR, open_bench_service, shared_embedder
from bench.harness import (
    QA_DEV,
    ROOT,
    emit_figures,
    latency_summary,
    prepare_environment,
    print_table,
    ratio,
    read_jsonl,
    spread_sample,
)
from retrieval.errors import ModelUnavailable
from retrieval.llm import build_chat_model

log = logging.getLogger(__name__)

DEFAULT_QUESTIONS = 30
QUICK_QUESTIONS = 8
MEMORY_QUESTIONS = 2
MODEL_BASELINE_QUESTIONS = 8  # the bare model call is timed on the first few questions only
GOAL_P50_S = 3.0
GOAL_MEMORY_GIB = 1.5


def peak_memory() -> dict[str, float]:
    """This process's peak resident set, in MiB (VmHWM from /proc, and ru_maxrss).

    VmHWM is the figure to use: Linux carries ru_maxrss across exec, so in a child process it
    includes the parent's peak at the time of the fork.
    """
    figures = {"ru_maxrss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(("VmHWM:", "VmRSS:")):
                key = "vmhwm_mib" if line.startswith("VmHWM") else "vmrss_mib"
                figures[key] = round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return figures


def bot_process(store_dir: Path, questions: list[str]) -> dict[str, Any]:
    """Body of the memory subprocess: the service as ``newsbot run`` builds it, answering."""
    import discord  # noqa: F401  (what `newsbot run` has loaded)

    if importlib.util.find_spec("bot.client") is not None:
        import bot.client  # noqa: F401
    from bot.app import build_service
    from retrieval.settings import EngineSettings

    started = time.perf_counter()
    service = build_service(EngineSettings(store_dir=store_dir))
    service.warm_up()
    built = time.perf_counter() - started
    statuses = [service.ask(q).status for q in questions]
    return {
        "build_s": round(built, 2),
        "answers": statuses,
        "model": service.chat_model_name,
        **peak_memory(),
    }


def embedder_process() -> dict[str, Any]:
    """Body of the baseline subprocess: the embedding model alone, encoding once."""
    embedder = shared_embedder()
    embedder.encode(["a warm-up sentence"])
    return peak_memory()


def run_child(flag: str, questions: list[str]) -> dict[str, Any]:
    command = [
        sys.executable,
        "-m",
        "bench.ask",
        flag,
        "--store",
        str(STORE_DIR),
        *(["--ask", *questions] if questions else []),
    ]
    done = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=900, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{flag} process failed: {done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure_latency(questions: list[str], embedder: Any) -> dict[str, Any]:
    from langchain_core.messages import HumanMessage, SystemMessage

    from prompts import load_prompt

    services = {
        "local": open_bench_service(embedder, "local"),
        "extractive": open_bench_service(embedder, "extractive", check_store=False),
    }
    # The bare call runs on a model of its own (the same file, its own llama context): on the
    # service's context its prompt would displace the answer prompt's instructions and worked
    # examples, which llama.cpp otherwise keeps evaluated from one answer to the next, and the
    # next answer would pay to read them again: a cost of the benchmark, not of answering.
    chat_model, _ = build_chat_model("local")
    assert chat_model is not None
    for service in services.values():
        service.warm_up()
        service.ask("What did the Bank of Japan decide about interest rates?")
    timings: dict[str, list[float]] = {"local": [], "extractive": [], "search": [], "model": []}
    statuses: dict[str, list[str]] = {"local": [], "extractive": []}
    model_failures = 0
    for question in questions:
        for name, service in services.items():
            started = time.perf_counter()
            answer = service.ask(question)
            timings[name].append(time.perf_counter() - started)
            statuses[name].append(answer.status)
        started = time.perf_counter()
        hits = services["extractive"].search(question, k=6).hits
        timings["search"].append(time.perf_counter() - started)
        if len(timings["model"]) >= MODEL_BASELINE_QUESTIONS:
            continue
        context = "\n\n".join(h.text for h in hits[:4])
        system, user = load_prompt("naive_rag").render(context=context, question=question)
        started = time.perf_counter()
        try:
            chat_model.invoke([SystemMessage(system), HumanMessage(user)])
        except ModelUnavailable as exc:  # e.g. past its deadline on a busy machine: the call
            # still took that long, so its time counts (a floor), and the run goes on
            log.warning("the bare model call failed (%s); counting its time", exc)
            model_failures += 1
        timings["model"].append(time.perf_counter() - started)
    stats = {name: latency_summary(values) for name, values in timings.items()}
    return {
        "model_call_failures": model_failures,
        "stats": stats,
        "answered": {name: s.count("answered") for name, s in statuses.items()},
        "local_model": services["local"].chat_model_name,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench ask",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_QUESTIONS} questions")
    parser.add_argument("--questions", type=int, default=None)
    parser.add_argument("--bot-process", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--embedder-process", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, default=STORE_DIR, help=argparse.SUPPRESS)
    parser.add_argument("--ask", nargs="*", default=[], help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    prepare_environment(args.verbose)
    if args.bot_process:
        print(json.dumps(bot_process(args.store, args.ask)))
        return 0
    if args.embedder_process:
        print(json.dumps(embedder_process()))
        return 0

    n = args.questions or (QUICK_QUESTIONS if args.quick else DEFAULT_QUESTIONS)
    records = read_jsonl(QA_DEV)
    questions = [r["question"] for r in spread_sample(records, n)]
    embedder = shared_embedder()
    latency = measure_latency(questions, embedder)
    memory_questions = [r["question"] for r in spread_sample(records, MEMORY_QUESTIONS)]
    bot = run_child("--bot-process", memory_questions)
    floor = run_child("--embedder-process", [])

    stats = latency["stats"]
    print_table(
        f"ask over {len(questions)} qa_dev questions (ms)",
        ["what", "p50", "p95", "mean", "answered"],
        [
            [
                f"ask, {latency['local_model']}",
                stats["local"]["p50_ms"],
                stats["local"]["p95_ms"],
                stats["local"]["mean_ms"],
                latency["answered"]["local"],
            ],
            [
                "ask, extractive",
                stats["extractive"]["p50_ms"],
                stats["extractive"]["p95_ms"],
                stats["extractive"]["mean_ms"],
                latency["answered"]["extractive"],
            ],
            [
                "baseline: search k=6",
                stats["search"]["p50_ms"],
                stats["search"]["p95_ms"],
                stats["search"]["mean_ms"],
                None,
            ],
            [
                "baseline: one bare model call",
                stats["model"]["p50_ms"],
                stats["model"]["p95_ms"],
                stats["model"]["mean_ms"],
                None,
            ],
        ],
    )
    bot_peak = bot.get("vmhwm_mib") or bot["ru_maxrss_mib"]
    floor_peak = floor.get("vmhwm_mib") or floor["ru_maxrss_mib"]
    print_table(
        "Peak resident memory (MiB)",
        ["process", "VmHWM", "ru_maxrss"],
        [
            [
                f"bot service ({bot['model']}, {len(memory_questions)} answers)",
                bot.get("vmhwm_mib"),
                bot["ru_maxrss_mib"],
            ],
            ["baseline: embedder only", floor.get("vmhwm_mib"), floor["ru_maxrss_mib"]],
        ],
    )
    figures = {
        "questions": len(questions),
        "local_p50_ms": stats["local"]["p50_ms"],
        "local_p95_ms": stats["local"]["p95_ms"],
        "extractive_p50_ms": stats["extractive"]["p50_ms"],
        "extractive_p95_ms": stats["extractive"]["p95_ms"],
        "search_p50_ms": stats["search"]["p50_ms"],
        "model_call_p50_ms": stats["model"]["p50_ms"],
        "model_call_failures": latency["model_call_failures"],
        "local_to_model_call": ratio(stats["local"]["p50_ms"], stats["model"]["p50_ms"]),
        "extractive_to_search": ratio(stats["extractive"]["p50_ms"], stats["search"]["p50_ms"]),
        "answered": latency["answered"],
        "bot_peak_rss_mib": bot_peak,
        "bot_build_s": bot["build_s"],
        "embedder_only_peak_rss_mib": floor_peak,
        "memory_to_embedder_only": ratio(bot_peak, floor_peak),
        "goals": {"p50_s": GOAL_P50_S, "memory_gib": GOAL_MEMORY_GIB},
        "meets_goals": {
            "local_p50": stats["local"]["p50_ms"] <= GOAL_P50_S * 1000,
            "memory": bot_peak <= GOAL_MEMORY_GIB * 1024,
        },
    }
    emit_figures("ask", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
