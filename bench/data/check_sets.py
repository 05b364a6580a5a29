"""Validate the hand-built evaluation sets against the BBC development corpus.

Usage: ``python bench/data/check_sets.py [--corpus PATH] [--qa PATH] [--retrieval PATH]
[--shapes PATH] [--shapes4 PATH] [--shapes5 PATH] [--shapes6 PATH] [--shapes7 PATH]
[--shapes8 PATH] [--shapes9 PATH] [--shapes10 PATH]``

Checks ``qa_dev.jsonl``, ``retrieval_dev.jsonl`` and the question-shape sets of ``SHAPE_SETS``
(``qa_shapes_holdout3.jsonl`` ... ``qa_shapes_holdout10.jsonl``, beside this file) against
``../shared/data/bbc_news_summary.jsonl`` (beside the repository root), prints the counts and
every problem found, and exits 1 when there is a problem, 2 when a file is missing, 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / ".." / "shared" / "data" / "bbc_news_summary.jsonl"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")

MIN_QA_TOTAL = 130
MIN_ANSWERABLE = 105
MIN_UNANSWERABLE = 25
MAX_QUESTIONS_PER_ARTICLE = 2
MIN_RETRIEVAL = 200
OFF_TOPIC_REQUIRED = ("Write me a poem about autumn", "What is 17 times 23?", "Tell me a joke")
RETRIEVAL_STYLES = {"question", "keywords", "paraphrase"}
UNANSWERABLE_KINDS = {"off_topic", "outside_corpus", "near_miss"}


@dataclass
class Report:
    """Problems found and counts gathered while checking."""

    problems: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def problem(self, message: str) -> None:
        self.problems.append(message)

    def note(self, message: str) -> None:
        self.lines.append(message)


def normalise(text: str) -> str:
    """Lower-case, straighten quotes, read '%' as 'per cent' and collapse whitespace."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("%", " per cent")
    return re.sub(r"\s+", " ", text).strip()


def read_jsonl(path: Path, report: Report) -> list[dict]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            report.problem(f"{path.name}:{number}: not JSON ({error})")
            continue
        if not isinstance(record, dict):
            report.problem(f"{path.name}:{number}: not a JSON object")
            continue
        records.append(record)
    return records


def load_corpus(path: Path) -> dict[str, dict]:
    articles = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            article = json.loads(line)
            articles[article["id"]] = article
    return articles


def check_unique_ids(records: list[dict], prefix: str, name: str, report: Report) -> None:
    ids = [record.get("id") for record in records]
    for record_id, count in Counter(ids).items():
        if count > 1:
            report.problem(f"{name}: id {record_id!r} used {count} times")
    for record_id in ids:
        if not isinstance(record_id, str) or not re.fullmatch(prefix + r"\d{3,}", record_id):
            report.problem(f"{name}: bad id {record_id!r} (expected {prefix}NNN)")


def check_answerable(item: dict, corpus: dict[str, dict], report: Report) -> str | None:
    """Check one answerable QA item; return its category when the article exists."""
    item_id = item.get("id")
    article = corpus.get(str(item.get("article_id")))
    if article is None:
        report.problem(f"{item_id}: article_id {item.get('article_id')!r} not in corpus")
        return None
    body = article["body"]
    evidence = item.get("evidence")
    if not isinstance(evidence, str) or not evidence.strip():
        report.problem(f"{item_id}: answerable item without evidence")
        return article["category"]
    if evidence not in body:
        report.problem(f"{item_id}: evidence is not a verbatim substring of {article['id']}'s body")
    answers = item.get("answers")
    if (
        not isinstance(answers, list)
        or not answers
        or not all(isinstance(a, str) and a.strip() for a in answers)
    ):
        report.problem(f"{item_id}: answers must be a non-empty list of non-empty strings")
        return article["category"]
    if normalise(answers[0]) not in normalise(body):
        report.problem(f"{item_id}: gold answer {answers[0]!r} not found in the article body")
    searchable = (normalise(evidence), normalise(body))
    for answer in answers:
        if not any(normalise(answer) in text for text in searchable):
            report.problem(f"{item_id}: answer {answer!r} found in neither evidence nor body")
    return article["category"]


def check_unanswerable(item: dict, corpus: dict[str, dict], report: Report) -> None:
    item_id = item.get("id")
    if item.get("answers") != []:
        report.problem(f"{item_id}: unanswerable item must have answers == []")
    # A near miss may name the article its topic comes from (qa_shapes_holdout7.jsonl does); it is
    # not scored (bench/quality.py reads article_id of answerable questions only), but it must be
    # a real article and the item must quote no evidence.
    if item.get("evidence") is not None:
        report.problem(f"{item_id}: unanswerable item must have evidence null")
    if item.get("article_id") is not None and item["article_id"] not in corpus:
        report.problem(f"{item_id}: unknown article {item['article_id']!r}")
    if "kind" in item and item["kind"] not in UNANSWERABLE_KINDS:
        report.problem(f"{item_id}: unknown kind {item['kind']!r}")


def check_qa(items: list[dict], corpus: dict[str, dict], report: Report) -> None:
    check_unique_ids(items, "q", "qa", report)
    for text, count in Counter(normalise(str(i.get("question", ""))) for i in items).items():
        if count > 1:
            report.problem(f"qa: question repeated {count} times: {text!r}")
    categories: Counter[str] = Counter()
    per_article: Counter[str] = Counter()
    unanswerable_kinds: Counter[str] = Counter()
    for item in items:
        if not isinstance(item.get("question"), str) or not item["question"].strip():
            report.problem(f"{item.get('id')}: empty question")
        if item.get("answerable") is True:
            category = check_answerable(item, corpus, report)
            if category:
                categories[category] += 1
                per_article[item["article_id"]] += 1
        elif item.get("answerable") is False:
            check_unanswerable(item, corpus, report)
            unanswerable_kinds[item.get("kind", "unlabelled")] += 1
        else:
            report.problem(f"{item.get('id')}: answerable must be true or false")
    for article_id, count in per_article.items():
        if count > MAX_QUESTIONS_PER_ARTICLE:
            report.problem(f"qa: {count} questions on {article_id}, more than allowed")
    answerable = sum(categories.values())
    unanswerable = sum(unanswerable_kinds.values())
    questions = {i.get("question") for i in items if i.get("answerable") is False}
    for required in OFF_TOPIC_REQUIRED:
        if required not in questions:
            report.problem(f"qa: required off-topic request missing: {required!r}")
    if len(items) < MIN_QA_TOTAL:
        report.problem(f"qa: {len(items)} questions, need at least {MIN_QA_TOTAL}")
    if answerable < MIN_ANSWERABLE:
        report.problem(f"qa: {answerable} answerable, need at least {MIN_ANSWERABLE}")
    if unanswerable < MIN_UNANSWERABLE:
        report.problem(f"qa: {unanswerable} unanswerable, need at least {MIN_UNANSWERABLE}")
    for category in CATEGORIES:
        if not categories[category]:
            report.problem(f"qa: no answerable question in category {category}")
    report.note(
        f"qa_dev: {len(items)} questions, {answerable} answerable on {len(per_article)} "
        f"articles, {unanswerable} unanswerable {dict(sorted(unanswerable_kinds.items()))}"
    )
    report.note("  answerable per category: " + describe(categories))


def check_retrieval(queries: list[dict], corpus: dict[str, dict], report: Report) -> None:
    check_unique_ids(queries, "r", "retrieval", report)
    for text, count in Counter(normalise(str(q.get("query", ""))) for q in queries).items():
        if count > 1:
            report.problem(f"retrieval: query repeated {count} times: {text!r}")
    categories: Counter[str] = Counter()
    styles: Counter[str] = Counter()
    articles: set[str] = set()
    for query in queries:
        query_id = query.get("id")
        if not isinstance(query.get("query"), str) or not query["query"].strip():
            report.problem(f"{query_id}: empty query")
        article = corpus.get(str(query.get("article_id")))
        if article is None:
            report.problem(f"{query_id}: article_id {query.get('article_id')!r} not in corpus")
            continue
        categories[article["category"]] += 1
        articles.add(article["id"])
        if "style" in query:
            if query["style"] not in RETRIEVAL_STYLES:
                report.problem(f"{query_id}: unknown style {query['style']!r}")
            styles[query["style"]] += 1
    if len(queries) < MIN_RETRIEVAL:
        report.problem(f"retrieval: {len(queries)} queries, need at least {MIN_RETRIEVAL}")
    for category in CATEGORIES:
        if not categories[category]:
            report.problem(f"retrieval: no query in category {category}")
    report.note(
        f"retrieval_dev: {len(queries)} queries on {len(articles)} distinct articles; "
        f"styles {dict(sorted(styles.items()))}"
    )
    report.note("  queries per category: " + describe(categories))


SHAPES = {"factoid", "briefing", "comparison", "multi_part", "list", "change", "near_miss"}
SHAPES_WITH_PARTS = {"comparison", "multi_part", "list", "change"}


def in_any_body(text: str, articles: list[dict]) -> bool:
    return any(normalise(text) in normalise(article["body"]) for article in articles)


def check_shape_item(item: dict, corpus: dict[str, dict], report: Report) -> str | None:
    """Check one answerable question of a shapes set; return its category."""
    item_id = item.get("id")
    ids = item.get("article_ids") or [item.get("article_id")]
    if ids[0] != item.get("article_id"):
        report.problem(f"{item_id}: article_id must be the first of article_ids")
    articles = [corpus[str(i)] for i in ids if str(i) in corpus]
    if len(articles) != len(ids):
        report.problem(f"{item_id}: article {ids!r} not in corpus")
        return None
    answers = item.get("answers")
    if not isinstance(answers, list) or not answers:
        report.problem(f"{item_id}: answerable item without answers")
        answers = []
    groups = item.get("must_include") or []
    if item.get("shape") in SHAPES_WITH_PARTS and len(groups) < 2:
        report.problem(f"{item_id}: {item.get('shape')} needs a must_include group a part")
    for text in [*answers, *(t for group in groups for t in group)]:
        if not isinstance(text, str) or not text.strip() or not in_any_body(text, articles):
            report.problem(f"{item_id}: {text!r} is not in the body of {', '.join(ids)}")
    for sentence in item.get("evidence") or []:
        if not any(sentence in article["body"] for article in articles):
            report.problem(f"{item_id}: evidence not verbatim in {ids}: {sentence[:50]!r}")
    return articles[0]["category"]


def check_shapes(
    items: list[dict], corpus: dict[str, dict], prefix: str, name: str, report: Report
) -> None:
    """A question-shapes set: answerable items with gold strings, near misses with a note."""
    check_unique_ids(items, prefix, name, report)
    shapes: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    for item in items:
        shape = item.get("shape")
        shapes[str(shape)] += 1
        if shape not in SHAPES:
            report.problem(f"{item.get('id')}: unknown shape {shape!r}")
        if not isinstance(item.get("question"), str) or not item["question"].strip():
            report.problem(f"{item.get('id')}: empty question")
        if shape == "near_miss":
            check_unanswerable(item, corpus, report)
            if item.get("answerable") is not False or item.get("kind") != "near_miss":
                report.problem(f"{item.get('id')}: near miss: answerable false, kind near_miss")
            if not str(item.get("note", "")).strip():
                report.problem(f"{item.get('id')}: a near miss needs a note (patterns, hits)")
        else:
            category = check_shape_item(item, corpus, report)
            if category:
                categories[category] += 1
    report.note(f"{name}: {len(items)} questions, shapes {dict(sorted(shapes.items()))}")
    report.note("  answerable per category: " + describe(categories))


def describe(counts: Counter[str]) -> str:
    return ", ".join(f"{category} {counts[category]}" for category in CATEGORIES)


# The question-shape sets: option -> (file beside this one, the id prefix its writer used).
SHAPE_SETS = {
    "--shapes": ("qa_shapes_holdout3.jsonl", "m"),
    "--shapes4": ("qa_shapes_holdout4.jsonl", "e"),
    "--shapes5": ("qa_shapes_holdout5.jsonl", "f"),
    "--shapes6": ("qa_shapes_holdout6.jsonl", "o"),
    "--shapes7": ("qa_shapes_holdout7.jsonl", "l"),
    "--shapes8": ("qa_shapes_holdout8.jsonl", "qs"),
    "--shapes9": ("qa_shapes_holdout9.jsonl", "qv"),
    "--shapes10": ("qa_shapes_holdout10.jsonl", "qw"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--qa", type=Path, default=HERE / "qa_dev.jsonl")
    parser.add_argument("--retrieval", type=Path, default=HERE / "retrieval_dev.jsonl")
    for option, (name, _prefix) in SHAPE_SETS.items():
        parser.add_argument(option, type=Path, default=HERE / name)
    args = parser.parse_args(argv)
    shape_paths = {option: getattr(args, option.lstrip("-")) for option in SHAPE_SETS}
    for path in (args.corpus, args.qa, args.retrieval, *shape_paths.values()):
        if not path.is_file():
            print(f"missing file: {path.resolve()}", file=sys.stderr)
            return 2
    report = Report()
    corpus = load_corpus(args.corpus)
    report.note(f"corpus: {len(corpus)} articles from {args.corpus.resolve()}")
    check_qa(read_jsonl(args.qa, report), corpus, report)
    check_retrieval(read_jsonl(args.retrieval, report), corpus, report)
    for option, path in shape_paths.items():
        prefix = SHAPE_SETS[option][1]
        check_shapes(read_jsonl(path, report), corpus, prefix, path.name, report)
    print("\n".join(report.lines))
    if report.problems:
        print(f"\n{len(report.problems)} problem(s):", file=sys.stderr)
        print("\n".join(f"  - {p}" for p in report.problems), file=sys.stderr)
        return 1
    print("OK: no problems found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
