"""How well HTML extraction agrees with the reference fixtures.

Run: ``python -m bench.fixtures_report``.

Runs :func:`retrieval.loaders.article_from_html` on every page in
``../shared/data/html-fixtures/html`` and compares, where the fixture gives a reference
(``metadata/NAME.json``; text also from ``txt/NAME.txt``):

* title: equal after whitespace normalisation;
* date: the same calendar day;
* authors: set overlap (Jaccard) of author names, case-insensitive;
* text: token-level F1 against the reference text (CJK and Thai scripts tokenised by character).

Prints one line per page, per-field agreement, and a final JSON line with the figures. The
reference is one library's checked output (newspaper4k), not hand-made gold.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from retrieval.dates import parse_date
from retrieval.errors import SourceError
from retrieval.loaders import article_from_html

DEFAULT_FIXTURES = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "html-fixtures"
# Scripts written without spaces between words: one token per character.
_CHARACTER_SCRIPTS = re.compile(
    r"[\u0e00-\u0e7f\u1000-\u109f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
)
_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    spaced = _CHARACTER_SCRIPTS.sub(lambda match: f" {match.group(0)} ", text.lower())
    return _TOKEN.findall(spaced)


def token_f1(predicted: str, reference: str) -> float:
    predicted_counts, reference_counts = Counter(tokens(predicted)), Counter(tokens(reference))
    overlap = sum((predicted_counts & reference_counts).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(predicted_counts.values())
    recall = overlap / sum(reference_counts.values())
    return 2 * precision * recall / (precision + recall)


def _normalised(text: str | None) -> str:
    return " ".join((text or "").split())


def _author_set(names: list[str] | str | None) -> set[str]:
    if isinstance(names, str):
        names = re.split(r"\s*[,;]\s*|\s+and\s+", names)
    return {_normalised(name).lower() for name in names or [] if _normalised(name)}


def _jaccard(left: set[str], right: set[str]) -> float:
    if not left and not right:
        return 1.0
    return len(left & right) / len(left | right)


def _reference_text(fixtures: Path, name: str, metadata: dict[str, Any]) -> str | None:
    if metadata.get("text"):
        return str(metadata["text"])
    txt = fixtures / "txt" / f"{name}.txt"
    return txt.read_text(encoding="utf-8") if txt.is_file() else None


def evaluate_page(fixtures: Path, html_path: Path) -> dict[str, Any]:
    name = html_path.stem
    metadata_path = fixtures / "metadata" / f"{name}.json"
    metadata = json.loads(metadata_path.read_text("utf-8")) if metadata_path.is_file() else {}
    row: dict[str, Any] = {"page": name, "has_metadata": bool(metadata)}
    try:
        article = article_from_html(html_path.read_bytes(), url=metadata.get("url") or None)
    except SourceError as exc:
        row["error"] = str(exc)
        article = None
    row["extracted"] = article is not None
    if metadata.get("title"):
        row["title"] = article is not None and _normalised(article.title) == _normalised(
            metadata["title"]
        )
    if metadata.get("publish_date"):
        row["date"] = article is not None and article.published == parse_date(
            metadata["publish_date"]
        )
    if metadata.get("authors"):
        row["authors"] = (
            _jaccard(_author_set(article.author), _author_set(metadata["authors"]))
            if article
            else 0.0
        )
    reference = _reference_text(fixtures, name, metadata)
    if reference:
        row["text_f1"] = token_f1(article.text, reference) if article else 0.0
    return row


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def field(name: str) -> list[float]:
        return [float(row[name]) for row in rows if name in row]

    return {
        "pages": len(rows),
        "extracted": sum(row["extracted"] for row in rows),
        "title_exact": _mean(field("title")),
        "title_n": len(field("title")),
        "date_same_day": _mean(field("date")),
        "date_n": len(field("date")),
        "authors_jaccard": _mean(field("authors")),
        "authors_n": len(field("authors")),
        "text_f1": _mean(field("text_f1")),
        "text_n": len(field("text_f1")),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES)
    args = parser.parse_args(argv)
    html_dir = args.fixtures / "html"
    if not html_dir.is_dir():
        print(f"no fixtures at {html_dir}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    rows = [evaluate_page(args.fixtures, path) for path in sorted(html_dir.glob("*.html"))]
    for row in rows:
        shown = {key: value for key, value in row.items() if key != "page"}
        if "text_f1" in shown:
            shown["text_f1"] = round(shown["text_f1"], 3)
        print(f"{row['page']:<22} {shown}")
    summary = summarise(rows)
    summary["seconds"] = round(time.perf_counter() - started, 2)
    print()
    print(
        f"title exact {summary['title_exact']} (n={summary['title_n']}), "
        f"date same day {summary['date_same_day']} (n={summary['date_n']}), "
        f"authors Jaccard {summary['authors_jaccard']} (n={summary['authors_n']}), "
        f"text token F1 {summary['text_f1']} (n={summary['text_n']}), "
        f"extracted {summary['extracted']}/{summary['pages']}"
    )
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
