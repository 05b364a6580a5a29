"""The ``newsbot`` command line (contract: CONTRACT.md). Thin: parse, call the service, render.

Light commands stay light: ``--help``, ``--version``, ``articles``, ``show``, ``run`` without a
token and a mistyped flag import neither torch, the embedding model, the chat model nor (for an
embedded store) Chroma. Everything heavy is imported inside the function that needs it.
"""

from __future__ import annotations

import argparse
import difflib
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

# Before any OpenMP runtime loads (torch, llama.cpp): threads that spin while waiting starve
# each other when the embedder and the chat model share a small machine (3-4x slower here).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from bot.console import StatusLine
from bot.terminal import plural
from retrieval.dates import WHEN_GRAMMAR
from retrieval.dates import parse_day as parse_when
from retrieval.errors import ConfigurationError, NewsbotError

if TYPE_CHECKING:
    from retrieval.settings import EngineSettings

log = logging.getLogger("newsbot")

EMPTY_STORE = "this store is empty: ingest something first (newsbot ingest SOURCE...)"
DEFAULT_SEARCH_K = 5
# Sub-commands that use the chat model; --model is offered (in --help) on these only.
MODEL_COMMANDS = {"ask", "summarize"}


class UsageError(NewsbotError):
    """A flag or argument a person typed is not valid."""


class StoreEmpty(NewsbotError):
    """A command that reads the store was pointed at an empty or missing one."""


# ------------------------------------------------------------------------------- argument types


def parse_day(value: str) -> date:
    """A ``--since``/``--as-of`` value: ``2025-03-12``, ``24h``, ``7d``, ``2w``, ``yesterday``..."""
    try:
        return parse_when(value, date.today())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_since(value: str, today: date) -> date:
    """Kept for callers of the old name: the same grammar, relative to ``today``."""
    try:
        return parse_when(value, today)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


# ------------------------------------------------------------------------------- the parser


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and a suggestion for a mistyped sub-command."""

    def error(self, message: str) -> NoReturn:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction) and "invalid choice" in message:
                typed = message.split("invalid choice: ", 1)[1].split("'")[1]
                choices = list(action.choices)
                close = difflib.get_close_matches(typed, choices, n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                message = f"unknown command {typed!r}{hint} (commands: {', '.join(choices)})"
                break
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())}\n")


class _VersionAction(argparse.Action):
    """``--version``, read from the installed package only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("newsbot")
        except PackageNotFoundError:
            number = "unknown (not installed)"
        print(f"newsbot {number}")
        parser.exit(0)


def _common(parser: argparse.ArgumentParser, *, suppress: bool, model_help: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--store",
        metavar="DIR",
        default=default,
        help="embedded Chroma store folder (default: $NEWSBOT_STORE_DIR, else ./newsbot-store)",
    )
    parser.add_argument(
        "--model",
        metavar="SPEC",
        default=default,
        help=(
            "chat model: provider:model (openai:gpt-4o-mini), openai-compatible:MODEL@URL, "
            "a .gguf path, local or extractive (default: $NEWSBOT_CHAT_MODEL, else local)"
            if model_help
            else argparse.SUPPRESS
        ),
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=argparse.SUPPRESS if suppress else 0,
        help="more log output on stderr; -vv for debugging (default: warnings only)",
    )


def _json_flag(p: argparse.ArgumentParser, what: str = "one JSON object") -> None:
    p.add_argument("--json", action="store_true", help=f"print {what} (default: text)")


def _dates(p: argparse.ArgumentParser, *, as_of: str) -> None:
    p.add_argument(
        "--as-of",
        type=parse_day,
        default=None,
        metavar="DATE",
        help=f"{as_of}: {WHEN_GRAMMAR} (default: today)",
    )
    p.add_argument(
        "--since",
        type=parse_day,
        default=None,
        metavar="DATE",
        help=f"use only articles published on or after this day: {WHEN_GRAMMAR} "
        "(default: no limit)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsbot",
        description="Answer questions about news articles, citing the passages.",
        epilog="Dates (--since, --as-of): " + WHEN_GRAMMAR + ".",
    )
    parser.add_argument("--version", action=_VersionAction, help="print newsbot's version and exit")
    _common(parser, suppress=False, model_help=True)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _common(p, suppress=True, model_help=name in MODEL_COMMANDS)
        return p

    p = command("ingest", "store articles from files, folders, article URLs or RSS/Atom feeds")
    p.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="a .txt, .md, .html or .jsonl file, a folder (read recursively), or an "
        "http(s) URL of an article page or an RSS/Atom feed",
    )
    _json_flag(p, "one JSON report")

    p = command("ask", "answer a question from the stored articles, with citations")
    p.add_argument("question", nargs="?", metavar="QUESTION", help="the question, in quotes")
    p.add_argument(
        "--batch",
        metavar="FILE.jsonl",
        help='answer every {"id", "question", "as_of"} line of a JSONL file, one JSON answer '
        "a line (default: answer QUESTION)",
    )
    _dates(p, as_of="answer as if asked on this day (later articles are not used)")
    p.add_argument(
        "--k",
        type=positive_int,
        default=None,
        metavar="N",
        help="passages to retrieve (default: chosen by the engine)",
    )
    _json_flag(p, "the answer as one JSON object")

    p = command("check", "fact-check a claim against the stored news, sentence by sentence")
    p.add_argument("claim", nargs="?", metavar="CLAIM", help="one or more sentences to check")
    p.add_argument(
        "--article",
        metavar="ID",
        default=None,
        help="check against this stored article only (default: all stored news)",
    )
    p.add_argument(
        "--batch",
        metavar="FILE.jsonl",
        help='check every {"id", "claim", "article", "as_of"} line of a JSONL file '
        "(default: check CLAIM)",
    )
    _dates(p, as_of="check as if on this day (later articles are not used)")
    _json_flag(p, "the result as one JSON object")

    p = command("summarize", "three to five cited bullets for one article")
    p.add_argument(
        "article",
        metavar="ARTICLE",
        help="a stored article id (see `newsbot articles`), a URL or a path (ingested first)",
    )
    _json_flag(p, "the summary as one JSON object")

    p = command("digest", "the day's stories, each once, with cited summaries")
    p.add_argument(
        "--since",
        type=parse_day,
        default=None,
        metavar="DATE",
        help=f"stories published on or after this day: {WHEN_GRAMMAR} (default: 24h)",
    )
    p.add_argument(
        "--as-of",
        type=parse_day,
        default=None,
        metavar="DATE",
        help=f"the digest as it would have been on this day: {WHEN_GRAMMAR} (default: today)",
    )
    p.add_argument(
        "--first-seen",
        action="store_true",
        help="also list undated articles by the day they were first stored, labelled as such "
        "(default: undated articles are left out and counted)",
    )
    _json_flag(p, "the digest as one JSON object")

    p = command("search", "the retrieval step alone, for inspection")
    p.add_argument("query", metavar="QUERY", help="words to search for, in quotes")
    p.add_argument(
        "--k",
        type=positive_int,
        default=DEFAULT_SEARCH_K,
        metavar="N",
        help=f"passages to return (default: {DEFAULT_SEARCH_K})",
    )
    _dates(p, as_of="search as if on this day: articles published after it are left out")
    _json_flag(p, "the hits as one JSON object, with their raw scores")

    p = command("show", "one stored article exactly as the store holds it")
    p.add_argument(
        "article",
        metavar="ARTICLE",
        help="a stored article id (see `newsbot articles`) or its URL",
    )
    _json_flag(p, "the article as one JSON object")

    p = command("articles", "list the stored articles")
    _json_flag(p, "the list as one JSON object")

    command("run", "start the Discord bot (needs DISCORD_TOKEN)")
    return parser


# ------------------------------------------------------------------------------- set-up


def configure_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for noisy in (
        "httpx",
        "chromadb",
        "sentence_transformers",
        "transformers",
        "urllib3",
        "htmldate",
        "discord",
    ):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    # trafilatura logs an ERROR for pages it cannot parse; newsbot reports those pages itself,
    # once, in the ingest summary. Its own words only with -vv.
    logging.getLogger("trafilatura").setLevel(
        logging.DEBUG if verbosity >= 2 else logging.CRITICAL + 1
    )
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def settings_from(args: argparse.Namespace) -> EngineSettings:
    from retrieval.settings import EngineSettings

    overrides: dict[str, Any] = {}
    if getattr(args, "store", None):
        overrides["store_dir"] = Path(args.store)
    if getattr(args, "model", None):
        overrides["chat_model"] = args.model
    return EngineSettings(**overrides)


def emit(obj: Any) -> None:
    data = obj.model_dump(mode="json") if hasattr(obj, "model_dump") else obj
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def answer_json(answer: Any, batch: bool) -> dict[str, Any]:
    data: dict[str, Any] = answer.model_dump(mode="json")
    if not batch:
        data.pop("id", None)
    return data


# ------------------------------------------------------------------------------- entry point


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(getattr(args, "verbose", 0))
    status = StatusLine()
    try:
        return _dispatch(args, parser, status)
    except NewsbotError as exc:
        status.clear()
        print(f"newsbot: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        status.clear()
        print("newsbot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head or similar: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug or a library failure: one line; the traceback with -v
        status.clear()
        log.info("unexpected error", exc_info=True)
        message = " ".join(str(exc).split())[:300]
        print(
            f"newsbot: error: unexpected {type(exc).__name__}: {message} (run with -v for details)",
            file=sys.stderr,
        )
        return 1
    finally:
        status.clear()


def _dispatch(args: argparse.Namespace, parser: argparse.ArgumentParser, status: StatusLine) -> int:
    if args.command == "ask" and not args.question and not args.batch:
        parser.error("ask needs a QUESTION or --batch FILE")
    if args.command == "check" and not (args.claim or "").strip() and not args.batch:
        parser.error("check needs a CLAIM or --batch FILE")  # before loading any model
    for name in ("question", "query"):
        if getattr(args, name, "x") is not None and not str(getattr(args, name, "x")).strip():
            parser.error(f"the {name.upper()} is empty: type some words to {args.command} about")
    settings = settings_from(args)
    if args.command == "run":
        return _run(settings)
    uses_model = args.command in MODEL_COMMANDS
    if uses_model:
        _check_model(settings.chat_model)
    _check_store_folder(settings, args)
    if args.command in {"articles", "show"}:
        reader = _records(settings)
        if args.command == "articles":
            return _articles(reader, args)
        article_id = reader.find_article_id(args.article)
        if article_id is not None:
            return _show_article(reader.get_article(article_id), args)
        if not _is_url_or_path(args.article):
            return _show_article(reader.get_article(args.article), args)  # raises not-found
    settings = _readable_copy_if_read_only(settings, args.command)
    service = _build(settings, status, with_model=uses_model)
    reads_store = args.command != "ingest" and not _names_new_source(args)
    if reads_store and service.store.count_articles() == 0:
        raise StoreEmpty(EMPTY_STORE)
    handler: Callable[[Any, argparse.Namespace, StatusLine], int] = {
        "ingest": _ingest,
        "ask": _ask,
        "check": _check,
        "summarize": _summarize,
        "digest": _digest,
        "search": _search,
        "show": _show,
    }[args.command]
    return handler(service, args, status)


def _run(settings: EngineSettings) -> int:
    """Check the token before anything heavy (discord.py, the engine) is imported."""
    from bot.settings import MISSING_TOKEN, get_settings

    discord_settings = get_settings()
    token = discord_settings.token.get_secret_value().strip() if discord_settings.token else ""
    if not token:
        print(MISSING_TOKEN, file=sys.stderr)
        return 1
    from bot.app import build_service
    from bot.discord_run import run_bot

    # DISCORD_ENGINE_WORKERS answers at once means as many local model contexts.
    return run_bot(
        lambda: build_service(settings, parallel=discord_settings.engine_workers),
        discord_settings,
    )


def _check_model(spec: str) -> None:
    """A wrong --model, or a hosted one without its key, fails here in milliseconds."""
    from retrieval.model_spec import check_chat_model_spec, missing_api_key

    check_chat_model_spec(spec)
    from retrieval.settings import ProviderKeys

    keys = {
        name.upper(): value.get_secret_value()
        for name, value in ProviderKeys().model_dump().items()
        if value is not None
    }
    variable = missing_api_key(spec, keys)
    if variable:
        raise ConfigurationError(
            f"set {variable} (in the environment or .env) to use {spec.strip()}, "
            "or choose another --model"
        )
    for name, value in keys.items():  # a key in .env reaches the provider's SDK too
        os.environ.setdefault(name, value)


def _check_store_folder(settings: EngineSettings, args: argparse.Namespace) -> None:
    """Mistakes about the store folder, each in one line, before anything touches it."""
    if settings.chroma_url:
        return
    folder = settings.store_dir
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"the store {folder} is a file, not a folder: give --store a folder")
    if args.command == "ingest" or _names_new_source(args):
        return
    if not folder.exists():  # never create a store just to find it empty
        raise StoreEmpty(EMPTY_STORE)


def _names_new_source(args: argparse.Namespace) -> bool:
    """``summarize``/``show`` of a URL or a path may ingest it first, into any store."""
    return args.command in {"summarize", "show"} and _is_url_or_path(args.article)


def _is_url_or_path(reference: str) -> bool:
    return reference.startswith(("http://", "https://")) or Path(reference).exists()


def _records(settings: EngineSettings) -> Any:
    from retrieval.article_records import open_article_records

    reader = open_article_records(settings)
    if reader.count_articles() == 0:
        raise StoreEmpty(EMPTY_STORE)
    return reader


def _readable_copy_if_read_only(settings: EngineSettings, command: str) -> EngineSettings:
    """A store this user cannot write is read from a private copy (Chroma opens it read-write)."""
    folder = settings.store_dir
    if settings.chroma_url or not folder.is_dir() or _writable(folder):
        return settings
    if command == "ingest":
        raise UsageError(f"the store {folder} is read-only: cannot ingest into it")
    import atexit
    import shutil
    import tempfile

    copy = Path(tempfile.mkdtemp(prefix="newsbot-read-only-")) / "store"
    atexit.register(shutil.rmtree, copy.parent, ignore_errors=True)
    shutil.copytree(folder, copy)
    for path in (copy, *copy.rglob("*")):
        path.chmod(path.stat().st_mode | 0o200)
    log.info("the store %s is read-only: reading a copy in %s", folder, copy)
    return settings.model_copy(update={"store_dir": copy})


def _writable(folder: Path) -> bool:
    files = [folder, *(p for p in folder.iterdir() if p.name.startswith("chroma"))]
    return all(os.access(path, os.W_OK) for path in files)


def _build(settings: EngineSettings, status: StatusLine, *, with_model: bool) -> Any:
    status.show("loading the embedding model")
    from bot.app import build_service

    if with_model:
        status.show("loading the chat model")
    return build_service(settings, with_model=with_model)


# ------------------------------------------------------------------------------- commands


def _ingest(service: Any, args: argparse.Namespace, status: StatusLine) -> int:
    started = time.perf_counter()
    status.clear()
    bar = None
    if sys.stderr.isatty():
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
    for skipped in report.skipped:
        root = next((s for s in sources if skipped.source.startswith(s)), skipped.source)
        counts = per_source.setdefault(root, {})
        counts["skipped"] = counts.get("skipped", 0) + 1
    lines = []
    for source, counts in per_source.items():
        parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        lines.append(f"{source}: {parts}")
    for failure in report.failed[:50]:
        lines.append(f"  failed: {failure.source}: {failure.error}")
    if len(report.failed) > 50:
        lines.append(f"  ... and {len(report.failed) - 50} more failures (use --json)")
    for skipped in report.skipped[:50]:
        lines.append(f"  skipped: {skipped.source}: {skipped.reason}")
    duplicates = sum(1 for item in report.articles if item.status == "duplicate")
    read = len(report.articles) + len(report.failed) + len(report.skipped)
    skipped_part = f", {len(report.skipped)} skipped" if report.skipped else ""
    lines.append(
        f"{read} read: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {duplicates} duplicate, {len(report.failed)} failed"
        f"{skipped_part}; {plural(report.chunks_added, 'chunk')} written; the store now holds "
        f"{plural(report.articles_total, 'article')} ({seconds:.1f} s)"
    )
    return "\n".join(lines)


def _ask(service: Any, args: argparse.Namespace, status: StatusLine) -> int:
    from bot.render import answer_to_text

    if args.batch:
        status.clear()
        return _ask_batch(service, args)
    status.show("answering")
    answer = service.ask(args.question, since=args.since, as_of=args.as_of, k=args.k)
    status.clear()
    if args.json:
        emit(answer_json(answer, batch=False))
    else:
        print(answer_to_text(answer))
    return 0


def _batch_lines(name: str) -> tuple[Path, list[str]]:
    """The lines of a ``--batch`` file (one JSON object each), or a one-line error."""
    path = Path(name)
    try:
        return path, path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise NewsbotError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _ask_batch(service: Any, args: argparse.Namespace) -> int:
    path, lines = _batch_lines(args.batch)
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


def _check(service: Any, args: argparse.Namespace, status: StatusLine) -> int:
    from bot.render import check_to_text

    if args.batch:
        status.clear()
        return _check_batch(service, args)
    status.show("checking")
    result = service.check(args.claim, article=args.article, since=args.since, as_of=args.as_of)
    status.clear()
    if args.json:
        emit(check_json(result, batch=False))
    else:
        print(check_to_text(result))
    return 0  # whatever the verdict (CONTRACT.md)


CHECK_WARM_BATCH = 64  # claims of a --batch file whose sentences are encoded together


def _batch_claims(lines: list[str]) -> list[str]:
    """The claims of some --batch lines, for :meth:`NewsService.warm_checks` (bad lines are
    skipped here and reported where they are checked)."""
    claims = []
    for line in lines:
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if not isinstance(item, dict) or item.get("article"):
            continue
        if isinstance(item.get("claim"), str):
            claims.append(item["claim"])
    return claims


def _check_batch(service: Any, args: argparse.Namespace) -> int:
    path, lines = _batch_lines(args.batch)
    failures = 0
    for number, line in enumerate(lines, 1):
        if number % CHECK_WARM_BATCH == 1 or CHECK_WARM_BATCH == 1:
            service.warm_checks(_batch_claims(lines[number - 1 : number - 1 + CHECK_WARM_BATCH]))
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


def _summarize(service: Any, args: argparse.Namespace, status: StatusLine) -> int:
    from bot.render import summary_to_text

    status.show("summarizing")
    summary = service.summarize(args.article, fetch=True, read_files=True)
    status.clear()
    if args.json:
        emit(
            summary.model_dump(
                mode="json", include={"article_id", "title", "summary", "citations", "model"}
            )
        )
    else:
        print(summary_to_text(summary))
    return 0


def _digest(service: Any, args: argparse.Namespace, status: StatusLine) -> int:
    from bot.render import digest_to_text

    status.show("building the digest")
    digest = service.digest(since=args.since, as_of=args.as_of, first_seen=args.first_seen)
    status.clear()
    if args.json:
        emit(digest.model_dump(mode="json", include={"since", "until", "stories"}))
    else:
        print(digest_to_text(digest))
    return 0


def _search(service: Any, args: argparse.Namespace, status: StatusLine) -> int:
    from bot.render import search_to_text

    status.show("searching")
    result = service.search(args.query, k=args.k, since=args.since, as_of=args.as_of)
    status.clear()
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


def _show(service: Any, args: argparse.Namespace, status: StatusLine) -> int:
    """``show`` of a URL or path not yet stored: ingested first (the heavy path)."""
    status.show("reading the article")
    article = service.show(args.article, fetch=True, read_files=True)
    status.clear()
    return _show_article(article, args)


def _show_article(article: Any, args: argparse.Namespace) -> int:
    from bot.terminal import article_to_text

    if args.json:
        emit(article.model_dump(mode="json", exclude={"content_hash", "story_id"}))
    else:
        print(article_to_text(article))
    return 0


def _articles(reader: Any, args: argparse.Namespace) -> int:
    from bot.terminal import articles_table

    rows = reader.list_articles()
    if args.json:
        emit({"articles": [r.model_dump(mode="json") for r in rows]})
    else:
        print(articles_table(rows))
    return 0
