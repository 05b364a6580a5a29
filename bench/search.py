"""The hot paths as the store grows: a question, an autocomplete keystroke, ``/status``, an ingest.

Run: ``python -m bench search [--quick] [--sizes 1000,10000,100000,300000] [--stores DIR]``.

The stores are the excerpt corpora of :mod:`bench.search_corpus` (short BBC excerpts, one chunk
an article, every vector from the real MiniLM, written through ``NewsService.ingest``). A size
whose store is missing is built here, from a copy of the next smaller one (slow: about 50-100
chunks a second on one thread; ``bench/search_build.sh`` builds them ahead, in the background).

Every size is opened in this one process and measured *interleaved*, query by query, so a
change of load on the machine touches every size alike and the ratios between sizes hold:
``service.search(q, k=5)`` (hybrid), dense and lexical alone, the dense floor (one query
encode and one raw ``collection.query`` for the pool of 40), an extractive ``service.ask``, an
autocomplete keystroke (``find_articles`` of the first four letters of the query's third word),
every keystroke of typing that word letter by letter (from one letter, the costliest lookup
before prefix indexes) and, of those, the keystrokes that fill a page (25 titles) at every size
(the same output everywhere: what is left is the cost of the store's size), ``status()``, and
for comparison the two store
counts ``status()`` no longer makes. Then, on a copy of each store: 100 new articles ingested
twice (the first ingest into a store built before the repair checkpoint pays one full scan;
the second is the steady state), the first question after them (in the ingesting service and
in a second one sharing the store), and the peak memory of a separate bot-like process.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.harness import (
    RESULTS_DIR,
    RETRIEVAL_DEV,
    emit_figures,
    latency_summary,
    percentile,
    prepare_environment,
    print_table,
    ratio,
    read_jsonl,
    spread_sample,
)
from bench.search_corpus import corpus_settings, excerpts, one_thread

log = logging.getLogger(__name__)

STORES_DIR = RESULTS_DIR / "search-excerpts"
DENSE_POOL = 40  # HybridRetriever.search's pool
FRESH_ARTICLES = 100
FRESH_FIRST_RECORD = 370_000  # excerpts no corpus up to 370k chunks holds
ASK_QUERIES = 20
AUTOCOMPLETE_PAGE = 25  # titles Discord shows (find_articles' default limit)


def timed(call: Any) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def store_path(stores: Path, size: int) -> Path:
    return stores / f"s{size}"


def ensure_store(stores: Path, size: int, smaller: int | None) -> None:
    """Build the store of ``size`` chunks from a copy of the ``smaller`` one, if missing."""
    from bench.search_corpus import build

    path = store_path(stores, size)
    if path.exists():
        return
    if smaller is not None and store_path(stores, smaller).exists():
        shutil.copytree(store_path(stores, smaller), path)
    log.info("building %s (real ingest, one thread)", path)
    build(path, size)


def process_memory(store: Path, queries: list[str]) -> float:
    """Peak RSS (MiB) of a separate process that builds the engine and answers 20 questions.

    Its own high-water mark (``VmHWM``), not ``ru_maxrss``: Linux carries a process's peak
    across ``exec``, so a child started from this (large) process would report ours."""
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from bench.harness import prepare_environment\n"
        "prepare_environment()\n"
        "from bench.search_corpus import corpus_settings, one_thread\n"
        "one_thread()\n"
        "from bot.app import build_service\n"
        "service = build_service(corpus_settings(Path(sys.argv[1])))\n"
        "service.warm_up()\n"
        "for q in json.loads(sys.argv[2]):\n"
        "    service.ask(q)\n"
        "    service.find_articles(q[:4])\n"
        "    service.status()\n"
        "print(Path('/proc/self/status').read_text().split('VmHWM:')[1].split()[0])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(store), json.dumps(queries[:ASK_QUERIES])],
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    )
    return round(int(done.stdout.strip().splitlines()[-1]) / 1024, 1)


def fresh_ingest(store: Path, queries: list[str], embedder: Any, round_: int) -> dict[str, Any]:
    """On a copy of ``store``: ingest 100 new articles twice, and time the first question.

    And another machine's lexical index (a copy of the index file, as it was before the
    ingests): the time of its periodic catch-up on the 200 new articles, then of one with
    nothing new."""
    from bot.app import build_service

    copy = store.parent / f"{store.name}-fresh"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(store, copy)
    try:
        settings = corpus_settings(copy)
        writer = build_service(settings, with_model=False, embedder=embedder)
        reader = build_service(settings, with_model=False, embedder=embedder)
        reader.search(queries[-1], k=5)  # a bot already running beside the ingest
        elsewhere = settings.model_copy(update={"lexical_path": copy / "elsewhere.sqlite3"})
        for suffix in ("", "-wal"):  # the file as the open services see it
            source = Path(f"{settings.lexical_index_path}{suffix}")
            if source.exists():
                shutil.copyfile(source, f"{elsewhere.lexical_path}{suffix}")
        other = build_service(elsewhere, with_model=False, embedder=embedder)
        row: dict[str, Any] = {}
        for attempt in ("first", "second"):
            start = FRESH_FIRST_RECORD + (2 * round_ + (attempt == "second")) * FRESH_ARTICLES
            records = list(_take(excerpts(start), FRESH_ARTICLES))
            path = store.parent / f"{store.name}-fresh.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            seconds = timed(lambda p=path: writer.ingest([str(p)]))
            path.unlink()
            row[f"ingest_100_{attempt}_s"] = round(seconds, 2)
        row["first_question_after_ingest_ms"] = round(
            timed(lambda: writer.search(queries[0], k=5)) * 1000, 1
        )
        row["first_question_other_service_ms"] = round(
            timed(lambda: reader.search(queries[1], k=5)) * 1000, 1
        )
        row["new_article_found_lexically"] = any(
            h.article_id == records[0]["id"]
            for h in reader.retriever.search(records[0]["text"], k=5, mode="lexical")
        )
        catch_up = other.retriever.lexical.catch_up
        row["other_machine_catch_up_200_new_s"] = round(
            timed(lambda: catch_up(recent_only=True)), 3
        )
        row["other_machine_catch_up_nothing_new_s"] = round(
            timed(lambda: catch_up(recent_only=True)), 3
        )
        row["other_machine_finds_new_article"] = any(
            h.article_id == records[0]["id"]
            for h in other.retriever.search(records[0]["text"], k=5, mode="lexical")
        )
        return row
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def _take(items: Any, n: int) -> list[Any]:
    return [item for _, item in zip(range(n), items, strict=False)]


def measure(
    sizes: list[int], stores: Path, queries: list[str], embedder: Any
) -> dict[int, dict[str, Any]]:
    """Every hot path at every size, interleaved query by query."""
    from bot.app import build_service

    services = {}
    for size in sizes:
        service = build_service(
            corpus_settings(store_path(stores, size)), with_model=False, embedder=embedder
        )
        service.warm_up()
        services[size] = service
    timings: dict[int, dict[str, list[float]]] = {s: defaultdict(list) for s in sizes}
    found: dict[int, list[int]] = defaultdict(list)  # titles an autocomplete keystroke returns
    typed_found: dict[int, list[int]] = defaultdict(list)  # and each typed keystroke
    for i, query in enumerate(queries):
        words = query.split()
        word = words[min(2, len(words) - 1)]
        keystroke = word[:4]
        for size, service in services.items():
            t = timings[size]
            t["hybrid"].append(timed(lambda q=query, s=service: s.search(q, k=5)))
            for mode in ("dense", "lexical"):
                t[mode].append(
                    timed(lambda q=query, m=mode, s=service: s.retriever.search(q, k=5, mode=m))
                )
            started = time.perf_counter()
            service.store.chunks.query(
                query_embeddings=embedder.encode([query]),
                n_results=DENSE_POOL,
                include=["metadatas", "documents", "distances"],
            )
            t["floor"].append(time.perf_counter() - started)
            if i < ASK_QUERIES:
                t["ask"].append(timed(lambda q=query, s=service: s.ask(q)))
            t["autocomplete"].append(timed(lambda k=keystroke, s=service: s.find_articles(k)))
            for n in range(1, len(word) + 1):
                started = time.perf_counter()
                titles = service.find_articles(word[:n])
                t["autocomplete_typed"].append(time.perf_counter() - started)
                typed_found[size].append(len(titles))
            found[size].append(len(service.find_articles(keystroke)))
            t["status"].append(timed(service.status))
            t["store_counts"].append(
                timed(lambda s=service: (s.store.count_articles(), s.store.count_chunks()))
            )
    full_page = [
        i
        for i in range(len(typed_found[sizes[0]]))
        if all(typed_found[s][i] == AUTOCOMPLETE_PAGE for s in sizes)
    ]
    for size in sizes:
        typed = timings[size]["autocomplete_typed"]
        timings[size]["autocomplete_full_page"] = [typed[i] for i in full_page] or [0.0]
    rows = {}
    for size, service in services.items():
        stats = {name: latency_summary(values) for name, values in timings[size].items()}
        for name, values in timings[size].items():  # sub-millisecond paths: more digits
            stats[name]["p50_ms"] = round(percentile([v * 1000 for v in values], 50), 3)
        rows[size] = {
            "size": size,
            "chunks": service.store.count_chunks(),
            "articles": service.store.count_articles(),
            **{f"{name}_p50_ms": stats[name]["p50_ms"] for name in stats},
            "hybrid_p95_ms": stats["hybrid"]["p95_ms"],
            "ask_p95_ms": stats["ask"]["p95_ms"],
            "ratio_to_dense_floor": ratio(stats["hybrid"]["p50_ms"], stats["floor"]["p50_ms"]),
            "autocomplete_typed_p95_ms": round(
                percentile([v * 1000 for v in timings[size]["autocomplete_typed"]], 95), 3
            ),
            "autocomplete_titles_found_mean": round(sum(found[size]) / len(found[size]), 1),
            "autocomplete_full_page_keystrokes": len(full_page),
            "queries": len(queries),
        }
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench search", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1k and 10k chunks")
    parser.add_argument("--sizes", default=None, help="default 1000,10000,100000,300000")
    parser.add_argument("--stores", type=Path, default=STORES_DIR, help="the corpora's folder")
    parser.add_argument("--queries", type=Path, default=RETRIEVAL_DEV)
    parser.add_argument("--limit", type=int, default=None, help="at most N queries (spread)")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-RSS processes")
    parser.add_argument(
        "--fresh-at", default=None, help="sizes that get the 100 new articles (default: all)"
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    prepare_environment(args.verbose)
    one_thread()

    default = "1000,10000" if args.quick else "1000,10000,100000,300000"
    sizes = sorted(int(s) for s in (args.sizes or default).split(","))
    queries = [q["query"] for q in spread_sample(read_jsonl(args.queries), args.limit)]
    for i, size in enumerate(sizes):
        ensure_store(args.stores, size, sizes[i - 1] if i else None)

    from retrieval.embeddings import build_embeddings

    embedder = build_embeddings(None)
    embedder.encode(queries[:8])  # warm-up
    rows = measure(sizes, args.stores, queries, embedder)
    fresh_at = {int(s) for s in args.fresh_at.split(",")} if args.fresh_at else set(sizes)
    for round_, size in enumerate(sizes):
        if size in fresh_at:
            rows[size].update(
                fresh_ingest(store_path(args.stores, size), queries, embedder, round_)
            )
        if not args.no_memory:
            rows[size]["process_peak_rss_mib"] = process_memory(
                store_path(args.stores, size), queries
            )
        log.info("size %d: %s", size, rows[size])

    table = [rows[s] for s in sizes]
    print_table(
        f"Hot paths as the store grows, {len(queries)} queries each, interleaved (ms)",
        [
            "chunks",
            "hybrid p50",
            "hybrid p95",
            "dense p50",
            "lexical p50",
            "floor p50",
            "ask p50",
            "autocomplete p50",
            "typed p50",
            "typed p95",
            "full page p50",
            "status p50",
            "store counts p50",
            "peak RSS MiB",
        ],
        [
            [
                r["chunks"],
                r["hybrid_p50_ms"],
                r["hybrid_p95_ms"],
                r["dense_p50_ms"],
                r["lexical_p50_ms"],
                r["floor_p50_ms"],
                r["ask_p50_ms"],
                r["autocomplete_p50_ms"],
                r["autocomplete_typed_p50_ms"],
                r["autocomplete_typed_p95_ms"],
                r["autocomplete_full_page_p50_ms"],
                r["status_p50_ms"],
                r["store_counts_p50_ms"],
                r.get("process_peak_rss_mib"),
            ]
            for r in table
        ],
    )
    print_table(
        f"{FRESH_ARTICLES} new articles ingested into a copy of each store",
        [
            "chunks",
            "1st ingest s",
            "2nd ingest s",
            "1st question ms",
            "other service ms",
            "other machine catch-up s (200 new / none)",
        ],
        [
            [
                r["chunks"],
                r["ingest_100_first_s"],
                r["ingest_100_second_s"],
                r["first_question_after_ingest_ms"],
                r["first_question_other_service_ms"],
                f"{r['other_machine_catch_up_200_new_s']} / "
                f"{r['other_machine_catch_up_nothing_new_s']}",
            ]
            for r in table
            if "ingest_100_first_s" in r
        ],
    )
    figures: dict[str, Any] = {"results": table}
    smallest, largest = sizes[0], sizes[-1]
    if largest != smallest:
        figures["growth"] = {
            f"{key}_ratio_{largest}_to_{smallest}": ratio(rows[largest][key], rows[smallest][key])
            for key in (
                "hybrid_p50_ms",
                "ask_p50_ms",
                "lexical_p50_ms",
                "autocomplete_p50_ms",
                "autocomplete_typed_p50_ms",
                "autocomplete_typed_p95_ms",
                "autocomplete_full_page_p50_ms",
                "status_p50_ms",
                "store_counts_p50_ms",
                "ingest_100_second_s",
            )
            if key in rows[largest] and key in rows[smallest]
        }
        if len(sizes) > 2:
            ten = sizes[1]
            for key in (
                "hybrid_p50_ms",
                "autocomplete_p50_ms",
                "autocomplete_typed_p50_ms",
                "autocomplete_full_page_p50_ms",
            ):
                figures["growth"][f"{key}_ratio_{largest}_to_{ten}"] = ratio(
                    rows[largest][key], rows[ten][key]
                )
        if not args.no_memory:
            # Least squares over every size: MiB per 100k chunks, and what 1M / 10M would need.
            xs = [rows[s]["chunks"] / 100_000 for s in sizes]
            ys = [rows[s]["process_peak_rss_mib"] for s in sizes]
            mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
            slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
                (x - mx) ** 2 for x in xs
            )
            base = my - slope * mx
            figures["rss_mib_per_100k_chunks"] = round(slope, 1)
            figures["rss_mib_at_0_chunks"] = round(base, 1)
            figures["rss_gib_projected"] = {
                "1M": round((base + 10 * slope) / 1024, 1),
                "10M": round((base + 100 * slope) / 1024, 1),
            }
    emit_figures("search", figures)
    return 0
