"""Build ``bench/data/check_pairs.jsonl``: claim/passage pairs for the claim verifier.

Usage: ``python -m bench check_corpus [--per-kind N]`` (rewrites the file; deterministic).

Every pair is a passage (one sentence of a BBC article or of the seed) and a claim made from it:

- ``paraphrase`` claims say the same thing in other words, order or length and must be
  ``supported``;
- every other kind is a minimal edit that makes the claim false or unsupported and must not be
  ``supported``: ``negation``, ``predicate`` (an opposite verb), ``role`` (two names swapped
  across the verb), ``entity`` (one name put for another), ``quantity`` (another value or unit),
  ``comparison`` ("more than" / "less than"), ``date``, ``attribution`` (the source dropped), and
  ``hedge`` ("may" made "will").

The scripted edits use word lists of their own, written apart from the verifier's lexicon
(:mod:`retrieval.lexicon`), so the benchmark does not only replay the verifier's own lists.
The hand-written pairs are in ``bench/data/check_hand.jsonl`` and are merged in unchanged.

Pairs are split by article: an article's pairs are all ``tune`` or all ``report``
(a stable hash of its id), so thresholds tuned on one half are reported on articles never
looked at while tuning.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from bench.harness import DATA_DIR, prepare_environment, read_jsonl, require_bbc
from retrieval.text import split_sentences

OUT = DATA_DIR / "check_pairs.jsonl"
HAND = DATA_DIR / "check_hand.jsonl"
KINDS = (
    "paraphrase",
    "negation",
    "predicate",
    "role",
    "entity",
    "quantity",
    "comparison",
    "date",
    "attribution",
    "hedge",
)

# Opposite verb forms for the ``predicate`` edits (form -> form), written for this benchmark.
_OPPOSITE_FORMS = dict(
    pair.split(":")
    for pair in (
        "rose:fell fell:rose rises:falls falls:rises rising:falling risen:fallen "
        "increased:decreased decreased:increased increase:decrease grew:shrank grows:shrinks "
        "jumped:slumped jumps:slumps climbed:dropped dropped:climbed soared:plunged "
        "plunged:soared boosted:hurt raised:lowered lowered:raised gained:lost lost:gained "
        "won:lost wins:loses beat:lost_to approved:rejected rejected:approved "
        "approve:reject accepted:refused refused:accepted backed:opposed opposed:backed "
        "supported:opposed allowed:banned banned:allowed opened:closed closed:opened "
        "started:ended ended:started began:ended launched:scrapped bought:sold sold:bought "
        "buy:sell sell:buy hired:fired joined:left left:joined improved:worsened "
        "strengthened:weakened weakened:strengthened expanded:shrank praised:criticised "
        "criticised:praised welcomed:condemned condemned:welcomed confirmed:denied "
        "denied:confirmed agreed:refused succeeded:failed failed:succeeded arrested:released "
        "released:arrested increasing:decreasing cut:raised cuts:raises boost:hurt "
        "higher:lower lower:higher more:fewer fewer:more better:worse worse:better "
        "biggest:smallest largest:smallest strong:weak stronger:weaker "
        "passed:rejected attracted:lost added:lost recovered:lost"
    ).split()
)
_OPPOSITE_FORMS = {k: v.replace("_", " ") for k, v in _OPPOSITE_FORMS.items()}

# Verb swaps that keep the meaning, for scripted paraphrases.
_SYNONYM_FORMS = dict(
    pair.split(":")
    for pair in (
        "rose:increased increased:rose jumped:rose fell:dropped dropped:fell bought:purchased "
        "began:started started:began plans:intends wants:hopes hopes:wants "
        "helped:aided received:got obtained:got needed:required needs:requires "
        "showed:revealed shows:reveals revealed:showed announced:unveiled "
        "unveiled:announced decided:chose chose:decided reached:hit "
        "finished:ended ended:finished tried:attempted attempted:tried "
        "stopped:halted halted:stopped cut:reduced reduced:cut big:large large:big "
        "huge:enormous quickly:rapidly rapidly:quickly firm:company company:firm "
        "film:movie movie:film"
    ).split()
)

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_REPORTING_TAIL = re.compile(
    r"^(?P<body>[A-Z].{25,}?),[\"”']? (?P<who>(?:[A-Z][\w.'’-]*|the|a|an|its|his|her|their)"
    r"(?: [\w.'’-]+){0,6}?) (?P<verb>said|says|added|told (?:the |a )?[\w ]{2,30}?)\.$"
)
_REPORTING_TAIL_INVERTED = re.compile(
    r"^(?P<body>[A-Z].{25,}?),[\"”']? (?P<verb>said|says|added) (?P<who>[A-Z][\w.'’ -]{2,60})\.$"
)
_ACCORDING = re.compile(r"^According to (?P<who>[^,]{3,60}), (?P<body>.{20,})$")


def _split(article_id: str) -> str:
    digest = hashlib.sha256(article_id.encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "report"


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        first = text.split(" ", 1)[0]
        if first in {
            "The",
            "A",
            "An",
            "It",
            "Its",
            "This",
            "These",
            "Those",
            "There",
            "He",
            "She",
            "They",
            "We",
            "Some",
            "Many",
            "Most",
            "Profits",
            "Sales",
            "Shares",
        }:
            return text[0].lower() + text[1:]
    return text


# ----------------------------------------------------------------------------- edits


def _negate(doc: Any) -> str | None:
    root = next((t for t in doc if t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"}), None)
    if root is None or any(c.dep_ == "neg" for c in root.children):
        return None
    aux = [c for c in root.children if c.dep_ in {"aux", "auxpass"} and c.lower_ != "to"]
    text = doc.text
    if aux:
        a = aux[0]
        return text[: a.idx + len(a.text)] + " not" + text[a.idx + len(a.text) :]
    if root.lemma_ == "be":
        return text[: root.idx + len(root.text)] + " not" + text[root.idx + len(root.text) :]
    helper = {"VBD": "did not", "VBZ": "does not", "VBP": "do not"}.get(root.tag_)
    if helper is None:
        return None
    if root.i % 2 == 0:  # a refusal half of the time: 'failed to take'
        helper = {"VBD": "failed to", "VBZ": "fails to", "VBP": "fail to"}[root.tag_]
    return text[: root.idx] + f"{helper} {root.lemma_}" + text[root.idx + len(root.text) :]


def _opposite(doc: Any) -> str | None:
    for tok in doc:
        if tok.pos_ in {"VERB", "ADJ"} and tok.lower_ in _OPPOSITE_FORMS:
            new = _OPPOSITE_FORMS[tok.lower_]
            return doc.text[: tok.idx] + new + doc.text[tok.idx + len(tok.text) :]
    return None


def _swap_roles(doc: Any) -> str | None:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    ents = [e for e in doc.ents if e.label_ in {"PERSON", "ORG", "GPE", "NORP"}]
    for a in ents:
        for b in ents:
            if (
                a.end <= root.i < b.start
                and a.label_ == b.label_
                and a.text.lower() != b.text.lower()
                and a.root.dep_ in {"nsubj", "poss", "compound", "amod", "nsubjpass"}
                and not any(
                    t.lower_ in {"and", "between", "with", "&"} for t in doc[a.end : b.start]
                )
            ):
                text = doc.text
                return (
                    text[: a.start_char]
                    + b.text
                    + text[a.end_char : b.start_char]
                    + a.text
                    + text[b.end_char :]
                )
    return None


def _replace_entity(doc: Any, pool: dict[str, list[str]], salt: int) -> str | None:
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "ORG", "GPE", "NORP"}:
            continue
        others = [
            o
            for o in pool.get(ent.label_, [])
            if o.lower() not in doc.text.lower() and o.split()[-1] not in doc.text
        ]
        if not others:
            continue
        other = others[(salt + len(ent.text)) % len(others)]
        return doc.text[: ent.start_char] + other + doc.text[ent.end_char :]
    return None


_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w,]*\d)")
_UNIT_SWAPS = [
    (r"(\d)%", r"\1 points"),
    (r"£(\d)", r"$\1"),
    (r"\$(\d)", r"£\1"),
    (r"(\d)bn\b", r"\1m"),
    (r"(\d)m\b", r"\1bn"),
    (r"(\d) (kilometres|kilometers|km)\b", r"\1 miles"),
    (r"(\d) miles\b", r"\1 kilometres"),
    (
        r"(\d) (years|months)\b",
        lambda m: f"{m.group(1)} {'months' if m.group(2) == 'years' else 'years'}",
    ),
    (r"(\d) (minutes)\b", r"\1 hours"),
]


def _change_quantity(text: str, salt: int) -> str | None:
    if salt % 3 == 0:
        for pattern, repl in _UNIT_SWAPS:
            new = re.sub(pattern, repl, text, count=1)  # type: ignore[arg-type]
            if new != text:
                return new
    for m in _NUMBER.finditer(text):
        raw = m.group(1)
        value = float(raw.replace(",", ""))
        if raw.isdigit() and len(raw) == 4 and raw[:2] in {"19", "20"}:
            continue  # a year: that is a date edit
        if value == 0:
            continue
        new_value = value + max(1, round(value * 0.3)) if "." not in raw else value * 1.5
        if "." in raw:
            decimals = len(raw.split(".")[1])
            new = f"{new_value:.{decimals}f}"
        elif "," in raw:
            new = f"{int(new_value):,}"
        else:
            new = str(int(new_value))
        return text[: m.start(1)] + new + text[m.end(1) :]
    return None


_MORE = re.compile(r"\b(more than|over|above|at least)\b (?=[£$€]?\d)", re.IGNORECASE)
_LESS = re.compile(
    r"\b(less than|fewer than|under|below|almost|nearly)\b (?=[£$€]?\d)", re.IGNORECASE
)
_ABOUT = re.compile(r"\b(about|around|roughly|some|approximately)\b (?=[£$€]?\d)", re.IGNORECASE)
_BARE = re.compile(
    r"(?<![\w.,$£€-])(?=[£$€]?\d[\d,.]*"
    r"(?:%| ?(?:bn|m|million|billion|per cent|people|jobs|votes|years)))"
)


def _change_comparison(text: str) -> str | None:
    if _MORE.search(text):
        return _MORE.sub("less than ", text, count=1)
    if _LESS.search(text):
        return _LESS.sub("more than ", text, count=1)
    if _ABOUT.search(text):
        return _ABOUT.sub("more than ", text, count=1)
    m = _BARE.search(text)
    if m and not re.match(r"\d{4}\b", text[m.start() :]):
        return text[: m.start()] + "more than " + text[m.start() :]
    return None


def _change_date(text: str) -> str | None:
    m = re.search(r"\b(19[5-9]\d|20[0-2]\d)\b", text)
    if m:
        year = int(m.group(1))
        new = str(year - 1 if str(year + 1) in text else year + 1)
        return text[: m.start()] + new + text[m.end() :]
    for names in (_MONTHS, _WEEKDAYS):
        for i, name in enumerate(names):
            if re.search(rf"\b{name}\b", text) and not (
                name == "May" and re.search(r"\bMay\b [a-z]", text)
            ):
                return re.sub(rf"\b{name}\b", names[(i + 3) % len(names)], text, count=1)
    for a, b in (
        ("last week", "next week"),
        ("last year", "next year"),
        ("next year", "last year"),
        ("yesterday", "tomorrow"),
        ("last month", "next month"),
        ("next month", "last month"),
        ("next week", "last week"),
        ("earlier", "later"),
        ("before", "after"),
        ("after", "before"),
    ):
        if re.search(rf"\b{a}\b", text):
            return re.sub(rf"\b{a}\b", b, text, count=1)
    return None


def _drop_attribution(text: str) -> str | None:
    for pattern in (_REPORTING_TAIL, _REPORTING_TAIL_INVERTED):
        m = pattern.match(text)
        if m:
            body = m.group("body").strip().strip('"“”')
            return body.rstrip(".,") + "."
    m = _ACCORDING.match(text)
    if m and not m.group("body").startswith(("which", "who")):
        body = m.group("body")
        return body[0].upper() + body[1:]
    return None


_HEDGES = [
    (r"\b(may|might|could)\b(?! not)", "will"),
    (r"\b(they|we|I|you) (?:plan|hope|aim|intend|want|expect) to\b", r"\1 will"),
    (r"\b(is|are) (expected|likely|set|planning|hoping) to\b", "will"),
]


def _harden(doc: Any) -> str | None:
    text = doc.text
    for tok in doc:  # 'plans to buy' as a verb, not 'the operator's plans to buy'
        if (
            tok.lower_ in {"plans", "hopes", "aims", "intends", "wants", "expects"}
            and tok.pos_ == "VERB"
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].lower_ == "to"
        ):
            end = doc[tok.i + 1].idx + 2
            return text[: tok.idx] + "will" + text[end:]
    for pattern, repl in _HEDGES:
        new = re.sub(pattern, repl, text, count=1)
        if new != text:
            return new
    return None


# ----------------------------------------------------------------------------- paraphrases


def _paraphrase(doc: Any, salt: int) -> str | None:
    text = doc.text
    tries: list[Callable[[], str | None]] = [
        lambda: _move_attribution(text),
        lambda: _front_phrase_to_end(text),
        lambda: _swap_synonym(doc),
        lambda: _drop_connective(text),
        lambda: _drop_clause(text),
        lambda: _number_format(text),
    ]
    for k in range(len(tries)):
        out = tries[(salt + k) % len(tries)]()
        if out and out != text:
            return out
    return None


def _move_attribution(text: str) -> str | None:
    for pattern in (_REPORTING_TAIL, _REPORTING_TAIL_INVERTED):
        m = pattern.match(text)
        if m and not m.group("body").startswith(('"', "“")):
            who = m.group("who")
            verb = m.group("verb")
            who = who[0].upper() + who[1:]
            return f"{who} {verb} that {_lower_first(m.group('body'))}."
    m = _ACCORDING.match(text)
    if m:
        return f"{m.group('body').rstrip('.')}, according to {m.group('who')}."
    return None


def _front_phrase_to_end(text: str) -> str | None:
    m = re.match(
        r"^(In|On|At|During|After|Before|Since|By|Last|This) ([^,]{3,40}), (.{20,})\.$", text
    )
    if not m:
        return None
    rest = m.group(3)
    rest = (
        rest[0].upper() + rest[1:] if rest[0].islower() and rest.split()[0] not in {"the"} else rest
    )
    rest = rest[0].upper() + rest[1:]
    return f"{rest} {m.group(1).lower()} {m.group(2)}."


def _swap_synonym(doc: Any) -> str | None:
    for tok in doc:
        if tok.lower_ in _SYNONYM_FORMS and (
            (tok.pos_ == "VERB" and tok.tag_ in {"VBD", "VBZ", "VBP"} and tok.dep_ != "amod")
            or tok.pos_ in {"ADJ", "NOUN", "ADV"}
        ):
            new = _SYNONYM_FORMS[tok.lower_]
            if tok.text[0].isupper():
                new = new[0].upper() + new[1:]
            return doc.text[: tok.idx] + new + doc.text[tok.idx + len(tok.text) :]
    return None


def _drop_connective(text: str) -> str | None:
    m = re.match(
        r"^(However|But|And|Meanwhile|Also|Yet|Now|Still|In addition|Moreover),? (.+)$", text
    )
    if m and len(m.group(2)) > 25:
        rest = m.group(2)
        return rest[0].upper() + rest[1:]
    new = re.sub(r" (also|now|still|already|just) ", " ", text, count=1)
    return new if new != text else None


def _drop_clause(text: str) -> str | None:
    m = re.match(r"^(.{30,}?)(?:, (?:which|who) [^,]{5,}?|\s*\([^)]{3,60}\))([,.].*)?$", text)
    if m:
        tail = m.group(2) or "."
        return (m.group(1) + tail).replace(" ,", ",")
    return None


def _number_format(text: str) -> str | None:
    new = re.sub(r"(\d)%", r"\1 per cent", text, count=1)
    if new != text:
        return new
    new = re.sub(r"(\d)bn\b", r"\1 billion", text, count=1)
    if new != text:
        return new
    new = re.sub(r"(\d)m\b", r"\1 million", text, count=1)
    return new if new != text else None


# ----------------------------------------------------------------------------- building


def _usable(sentence: str) -> bool:
    n = len(sentence.split())
    return (
        10 <= n <= 45
        and sentence.endswith(".")
        and not sentence.startswith(('"', "“", "'"))
        and sentence.count('"') + sentence.count("“") + sentence.count("”") == 0
    )


def build(per_kind: int) -> list[dict[str, Any]]:
    import spacy  # noqa: F401  (the same pipeline the verifier uses, to find edit points)

    from retrieval.verifier import _parser

    articles = read_jsonl(require_bbc())
    sentences: list[tuple[str, str]] = []
    for article in articles[::3]:
        body = article.get("body") or article.get("text") or ""
        for s in split_sentences(body):
            if _usable(s.text):
                sentences.append((article["id"], s.text))
    docs = _parser().parse_many([s for _, s in sentences])
    pool: dict[str, list[str]] = {}
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in {"PERSON", "ORG", "GPE", "NORP"} and 2 < len(ent.text) < 30:
                pool.setdefault(ent.label_, [])
                if ent.text not in pool[ent.label_]:
                    pool[ent.label_].append(ent.text)

    makers: dict[str, Callable[[Any, int], str | None]] = {
        "paraphrase": _paraphrase,
        "negation": lambda d, s: _negate(d),
        "predicate": lambda d, s: _opposite(d),
        "role": lambda d, s: _swap_roles(d),
        "entity": lambda d, s: _replace_entity(d, pool, s),
        "quantity": lambda d, s: _change_quantity(d.text, s),
        "comparison": lambda d, s: _change_comparison(d.text),
        "date": lambda d, s: _change_date(d.text),
        "attribution": lambda d, s: _drop_attribution(d.text),
        "hedge": lambda d, s: _harden(d),
    }
    wanted = {k: per_kind * (3 if k == "paraphrase" else 1) for k in makers}
    counts: Counter[tuple[str, str]] = Counter()
    used: Counter[str] = Counter()  # pairs per sentence, to spread over many
    pairs: list[dict[str, Any]] = []
    for salt, ((article_id, sentence), doc) in enumerate(zip(sentences, docs, strict=True)):
        split = _split(article_id)
        for kind in sorted(makers, key=lambda k: (salt + KINDS.index(k)) % len(KINDS)):
            if counts[(kind, split)] >= wanted[kind] / 2 or used[sentence] >= 2:
                continue
            claim = makers[kind](doc, salt)
            if not claim or claim == sentence:
                continue
            counts[(kind, split)] += 1
            used[sentence] += 1
            pairs.append(
                {
                    "id": f"s{len(pairs) + 1:04d}",
                    "split": split,
                    "article_id": article_id,
                    "kind": kind,
                    "expected": "supported" if kind == "paraphrase" else "not_supported",
                    "how": "script",
                    "passage": sentence,
                    "claim": claim,
                }
            )
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench check_corpus", description=__doc__)
    parser.add_argument("--per-kind", type=int, default=50, help="scripted edits of each kind")
    args = parser.parse_args(argv)
    prepare_environment()
    pairs = build(args.per_kind)
    hand = read_jsonl(HAND) if HAND.is_file() else []
    with OUT.open("w", encoding="utf-8") as handle:
        for pair in [*hand, *pairs]:
            handle.write(json.dumps(pair, ensure_ascii=False) + "\n")
    counts = Counter((p["kind"], p["split"]) for p in [*hand, *pairs])
    for kind in KINDS:
        print(f"{kind:<12} tune {counts[(kind, 'tune')]:>4}  report {counts[(kind, 'report')]:>4}")
    print(f"{len(hand) + len(pairs)} pairs ({len(hand)} by hand) -> {OUT}")
    return 0
