"""``python -m bench NAME [ARGS...]``: run one benchmark (``bench/<NAME>.py``)."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = {
    "ingest": "articles/s of ingesting the BBC set beside the raw encoder",
    "search": "hot paths (question, autocomplete, /status, ingest) at 1k to 300k chunks",
    "ask": "end-to-end answer latency and a running bot's peak memory",
    "quality": "answer accuracy, citations, not_found, beside a naive LangChain RAG",
    "summary": "ROUGE of summaries beside lead-3, and unsupported names/numbers",
    "summary_oracle": "the ceiling of sentence choice: the best summaries that see the reference",
    "summary_learn": "fit the summary's sentence scorer; cross-validated and held-out figures",
    "reading_learn": "fit the weights a factoid's article is read with; leave-one-set-out figures",
    "retrieval": "recall@k and MRR: hybrid vs dense-only vs lexical-only",
    "fixtures_report": "HTML extraction against the reference fixtures",
    "cli": "time and peak memory of the light commands beside python -c pass",
    "check": "the claim verifier: precision/recall per kind of edit, paraphrases kept",
    "check_corpus": "rebuild bench/data/check_pairs.jsonl (scripted edits + hand-written pairs)",
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"} or args[0] not in BENCHMARKS:
        print("usage: python -m bench NAME [--quick] [options]\n")
        for name, what in BENCHMARKS.items():
            print(f"  {name:<16} {what}")
        return 0 if args and args[0] in {"-h", "--help"} else 2
    module = importlib.import_module(f"bench.{args[0]}")
    return int(module.main(args[1:]) or 0)


if __name__ == "__main__":
    sys.exit(main())
