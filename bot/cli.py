"""The ``newsbot`` command line (contract: CONTRACT.md). Thin: parse, call the service, render."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel

# Before any OpenMP runtime loads (torch, llama.cpp): threads that spin while waiting starve
# each other when the embedder and the chat model share a small machine (3-4x slower here).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from retrieval.errors import NewsbotError
from retrieval.settings import EngineSettings

log = logging.getLogger("newsbot")


class UsageError(NewsbotError):
    """A flag or argument a person typed is not valid."""


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip().replace("/", "-")[:10])
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def parse_since(value: str, today: date) -> date:
    """``24h``, ``3d``, ``2w`` or a date."""
    text = value.strip().lower()
    units = {"h": 1 / 24, "d": 1, "w": 7}
    if text[:-1].isdigit() and text[-1:] in units:
        return today - timedelta(days=max(1, round(int(text[:-1]) * units[text[-1]])))
    return parse_day(value)


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--store",
        metavar="DIR",
        default=default,
        help="embedded Chroma store folder (NEWSBOT_STORE_DIR)",
    )
    parser.add_argument(
        "--model",
        metavar="SPEC",
        default=default,
        help="chat model: provider:model, openai-compatible:MODEL@URL, a .gguf "
        "path, local or extractive (NEWSBOT_CHAT_MODEL)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=argparse.SUPPRESS if suppress else 0,
        help="more log output on stderr",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbot", description="Answer questions about news articles, citing the passages."
    )
    _common(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _common(p, suppress=True)
        return p

    p = command("ingest", "store articles from files, folders, article URLs or RSS/Atom feeds")
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--json", action="store_true", help="print one JSON report")

    p = command("ask", "answer a question from the stored articles, with citations")
    p.add_argument("question", nargs="?", metavar="QUESTION")
    p.add_argument("--batch", metavar="FILE.jsonl", help="answer every question of a JSONL file")
    _dates(p)
    p.add_argument("--k", type=int, default=None, help="passages to retrieve")
    p.add_argument("--json", action="store_true")

    p = command("check", "fact-check a claim against the stored news, sentence by sentence")
    p.add_argument("claim", nargs="?", metavar="CLAIM", help="one or more sentences to check")
    p.add_argument(
        "--article", metavar="ID", default=None, help="check against this stored article only"
    )
    p.add_argument(
        "--batch",
        metavar="FILE.jsonl",
        help='check every {"id", "claim", "article", "as_of"} line of a JSONL file',
    )
    _dates(p)
    p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = command("summarize", "three to five cited bullets for one article")
    p.add_argument("article", metavar="ARTICLE", help="an article id, a URL or a path")
    p.add_argument("--json", action="store_true")

    p = command("digest", "the day's stories, each once, with cited summaries")
    p.add_argument("--since", default=None, metavar="24h|DATE")
    p.add_argument("--as-of", type=parse_day, default=None, metavar="DATE")
    p.add_argument("--json", action="store_true")

    p = command("search", "the retrieval step alone, for inspection")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--k", type=int, default=5)
    _dates(p)
    p.add_argument("--json", action="store_true")

    p = command("show", "one stored article exactly as the store holds it")
    p.add_argument("article", metavar="ARTICLE")
    p.add_argument("--json", action="store_true")

    p = command("articles", "list the stored articles")
    p.add_argument("--json", action="store_true")

    command("run", "start the Discord bot (needs DISCORD_TOKEN)")
    return parser


def _dates(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--as-of",
        type=parse_day,
        default=None,
        metavar="DATE",
        help="answer as if asked on this day",
    )
    p.add_argument(
        "--since",
        type=parse_day,
        default=None,
        metavar="DATE",
        help="use only articles published on or after this day",
    )


def configure_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for noisy in (
        "httpx",
        "chromadb",
        "sentence_transformers",
        "transformers",
        "urllib3",
        "trafilatura",
        "htmldate",
        "discord",
    ):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    try:
        import transformers

        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()
    except Exception:  # transformers is optional for non-default embeddings
        pass


def settings_from(args: argparse.Namespace) -> EngineSettings:
    overrides: dict[str, Any] = {}
    if getattr(args, "store", None):
        overrides["store_dir"] = Path(args.store)
    if getattr(args, "model", None):
        overrides["chat_model"] = args.model
    return EngineSettings(**overrides)


def emit(obj: BaseModel | dict[str, Any]) -> None:
    data = obj.model_dump(mode="json") if isinstance(obj, BaseModel) else obj
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def answer_json(answer: Any, batch: bool) -> dict[str, Any]:
    data: dict[str, Any] = answer.model_dump(mode="json")
    if not batch:
        data.pop("id", None)
    return data


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(getattr(args, "verbose", 0))
    try:
        return _dispatch(args, parser)
    except NewsbotError as exc:
        print(f"newsbot: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsbot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head or similar: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug or a library failure: one line; the traceback with -v
        log.info("unexpected error", exc_info=True)
        message = " ".join(str(exc).split())[:300]
        print(
            f"newsbot: error: unexpected {type(exc).__name__}: {message} (run with -v for details)",
            file=sys.stderr,
        )
        return 1


def _dispatch(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from bot.app import build_service

    if args.command == "check" and not (args.claim or "").strip() and not args.batch:
        parser.error("check needs a CLAIM or --batch FILE")  # before loading any model
    settings = settings_from(args)
    if args.command == "run":
        from bot.discord_run import run_bot
        from bot.settings import get_settings as discord_settings

        # DISCORD_ENGINE_WORKERS answers at once means as many local model contexts.
        return run_bot(lambda: build_service(settings, parallel=discord_settings().engine_workers))
    needs_model = args.command in {"ask", "summarize"}
    service = build_service(settings, with_model=needs_model)
    handler: Callable[[Any, argparse.Namespace], int] = {
        "ingest": _ingest,
        "ask": _ask,
        "summarize": _summarize,
        "check": _check,
        "digest": _digest,
        "search": _search,
        "show": _show,
        "articles": _articles,
    }[args.command]
    if args.command == "ask" and not args.question and not args.batch:
        parser.error("ask needs a QUESTION or --batch FILE")
    return handler(service, args)


def _ingest(service: Any, args: argparse.Namespace) -> int:
    started = time.perf_counter()
    bar = None
    if not args.json and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, desc="ingesting")
    try:
        report = service.ingest(args.sources, progress=bar.update if bar else None)
    finally:
        if bar is not None:
            bar.close()
    if args.json:
        emit(report)
    else:
        print(_ingest_summary(report, args.sources, time.perf_counter() - started))
    return 1 if report.failed else 0


def _ingest_summary(report: Any, sources: Sequence[str], seconds: float) -> str:
    per_source: dict[str, dict[str, int]] = {}
    for item in report.articles:
        root = next((s for s in sources if item.source.startswith(s)), item.source)
        counts = per_source.setdefault(root, {})
        counts[item.status] = counts.get(item.status, 0) + 1
    for failure in report.failed:
        root = next((s for s in sources if failure.source.startswith(s)), failure.source)
        counts = per_source.setdefault(root, {})
        counts["failed"] = counts.get("failed", 0) + 1
    lines = []
    for source, counts in per_source.items():
        parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        lines.append(f"{source}: {parts}")
    for failure in report.failed[:50]:
        lines.append(f"  failed: {failure.source}: {failure.error}")
    if len(report.failed) > 50:
        lines.append(f"  ... and {len(report.failed) - 50} more failures (use --json)")
    lines.append(
        f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{len(report.failed)} failed; {report.chunks_added} chunks written; "
        f"{report.articles_total} articles stored ({seconds:.1f} s)"
    )
    return "\n".join(lines)


def _ask(service: Any, args: argparse.Namespace) -> int:
    from bot.render import answer_to_text

    if args.batch:
        return _ask_batch(service, args)
    answer = service.ask(args.question, since=args.since, as_of=args.as_of, k=args.k)
    if args.json:
        emit(answer_json(answer, batch=False))
    else:
        print(answer_to_text(answer))
    return 0


def _ask_batch(service: Any, args: argparse.Namespace) -> int:
    path = Path(args.batch)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise NewsbotError(f"cannot read {path}: {exc.strerror or exc}") from exc
    failures = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            question = str(item["question"])
            as_of = parse_day(item["as_of"]) if item.get("as_of") else args.as_of
        except (ValueError, KeyError, TypeError, argparse.ArgumentTypeError) as exc:
            failures += 1
            print(
                f"newsbot: {path}:{number}: skipped: {type(exc).__name__}: {exc}", file=sys.stderr
            )
            continue
        answer = service.ask(
            question,
            since=args.since,
            as_of=as_of,
            k=args.k,
            question_id=str(item.get("id", number)),
        )
        emit(answer_json(answer, batch=True))
    return 1 if failures else 0


def check_json(result: Any, batch: bool) -> dict[str, Any]:
    """A check result exactly as the contract gives it (the reasons are for people only)."""
    data: dict[str, Any] = result.model_dump(
        mode="json", exclude={"sentences": {"__all__": {"reason"}}}
    )
    if not batch:
        data.pop("id", None)
    return data


def _check(service: Any, args: argparse.Namespace) -> int:
    from bot.render import check_to_text

    if args.batch:
        return _check_batch(service, args)
    result = service.check(args.claim, article=args.article, since=args.since, as_of=args.as_of)
    if args.json:
        emit(check_json(result, batch=False))
    else:
        print(check_to_text(result))
    return 0  # whatever the verdict (CONTRACT.md)


def _check_batch(service: Any, args: argparse.Namespace) -> int:
    path = Path(args.batch)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise NewsbotError(f"cannot read {path}: {exc.strerror or exc}") from exc
    failures = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            claim = str(item["claim"])
            if not claim.strip():
                raise ValueError("the claim is empty")
            as_of = parse_day(item["as_of"]) if item.get("as_of") else args.as_of
            article = str(item["article"]) if item.get("article") else args.article
            result = service.check(
                claim,
                article=article,
                since=args.since,
                as_of=as_of,
                claim_id=str(item.get("id", number)),
            )
        except (ValueError, KeyError, TypeError, argparse.ArgumentTypeError, NewsbotError) as exc:
            failures += 1
            message = " ".join(str(exc).split())
            print(f"newsbot: {path}:{number}: skipped: {message}", file=sys.stderr)
            continue
        emit(check_json(result, batch=True))
    return 1 if failures else 0


def _summarize(service: Any, args: argparse.Namespace) -> int:
    from bot.render import summary_to_text

    summary = service.summarize(args.article, fetch=True, read_files=True)
    if args.json:
        emit(
            summary.model_dump(
                mode="json", include={"article_id", "title", "summary", "citations", "model"}
            )
        )
    else:
        print(summary_to_text(summary))
    return 0


def _digest(service: Any, args: argparse.Namespace) -> int:
    from bot.render import digest_to_text

    today = args.as_of or date.today()
    try:
        since = parse_since(args.since, today) if args.since else None
    except argparse.ArgumentTypeError as exc:
        raise UsageError(str(exc)) from exc
    digest = service.digest(since=since, as_of=args.as_of)
    if args.json:
        emit(digest)
    else:
        print(digest_to_text(digest))
    return 0


def _search(service: Any, args: argparse.Namespace) -> int:
    from bot.render import search_to_text

    result = service.search(args.query, k=args.k, since=args.since, as_of=args.as_of)
    if args.json:
        emit(
            {
                "query": result.query,
                "hits": [
                    {
                        "chunk_id": h.chunk_id,
                        "article_id": h.article_id,
                        "title": h.title,
                        "published": h.published.isoformat() if h.published else None,
                        "score": round(h.score, 6),
                        "text": h.text,
                    }
                    for h in result.hits
                ],
            }
        )
    else:
        print(search_to_text(result))
    return 0


def _show(service: Any, args: argparse.Namespace) -> int:
    article = service.show(args.article, fetch=True, read_files=True)
    if args.json:
        emit(article.model_dump(mode="json", exclude={"content_hash", "story_id"}))
    else:
        when = article.published.isoformat() if article.published else "date unknown"
        print(
            f"{article.title}\n{article.source or 'outlet unknown'} — {when}"
            f"{' — ' + article.url if article.url else ''}\n\n{article.text}"
        )
        print(f"\n[{len(article.chunks)} chunks; id {article.article_id}]")
    return 0


def _articles(service: Any, args: argparse.Namespace) -> int:
    rows = service.articles()
    if args.json:
        emit({"articles": [r.model_dump(mode="json") for r in rows]})
    else:
        for row in rows:
            when = row.published.isoformat() if row.published else "----------"
            print(f"{when}  {row.article_id:<28}  {row.title[:70]}  ({row.chunks} chunks)")
        print(f"{len(rows)} articles")
    return 0
