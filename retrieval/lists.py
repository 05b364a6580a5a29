"""What a list question asks for, and whether a sentence gives a list of it.

A list question asks for several things of one kind: "which three Welsh quangos ...", "which
England players scored ...", "what are the key themes ...", "name the ...". Its answer is a
sentence that enumerates them: names run together with commas and "and" ("Lauren, Patrick
Vieira, Freddie Ljungberg and Ashley Cole scored"), or a series of phrases ("a reference to
Father Christmas, sleigh bells, a children's choir and a charity element"). A question that
gives the count ("which two films") wants that many.

Everything here is the question's grammar (the parser's part-of-speech tags say where its noun
phrase ends) and the sentence's form (capitalised runs, commas, "and"); nothing is fitted to a
set of questions.
"""

from __future__ import annotations

import re
from itertools import pairwise

from retrieval.slots import new_name_runs
from retrieval.text import STOPWORDS, stem

_COUNTS = {
    "two": 2,
    "both": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
# "What are the <noun>", "name the ...", "list the ...", "who are the ...": the words after them.
_OPENING = re.compile(
    r"^\s*(?:(?:which|what)\s+(?:(?:are|were)\s+(?:the|its|their|[\w'’-]+['’]s)\s+)?(?:other\s+)?"
    r"(?P<rest>.+)|(?P<named>(?:list|name)\s+(?:the|all|some|every)\b|who (?:are|were) the\b).*)$",
    re.IGNORECASE,
)
# The parts of speech (spaCy's) that end a question's noun phrase: its verb ("which EU figure
# said ...", "which countries send ...").
_VERB_TAGS = frozenset({"VERB", "AUX"})
_STOP_AT = frozenset(
    """is are was were be been has have had do does did will would can could should may might
    of in on at to for from by with about among against over under into as than that who
    which""".split()
)
# Words ending in "s" that are not plural nouns ("which bus", "what news", "its status").
_NOT_PLURAL = frozenset(
    """is was has does this its his us bus news series status less unless across perhaps
    always sometimes whereas thus happens remains means seems matters needs goes says makes
    lies stands""".split()
)
_SUPERLATIVE = re.compile(
    r"\b(?:most|least|more|less|fewer|best|worst|biggest|largest|highest|lowest|greatest|"
    r"smallest|fastest|richest|oldest|youngest)\b",
    re.IGNORECASE,
)
_COUNT_IN_QUESTION = re.compile(
    r"\b(?:which|what|the|name|list)\s+(?P<n>" + "|".join(_COUNTS) + r")\b", re.IGNORECASE
)
# What may stand between two listed names: a comma, "and", "or", "plus", "as well as", perhaps
# with an article or a few words of description ("education and training body Elwa, the Wales
# Tourist Board and the Welsh Development Agency").
_JOINER = re.compile(r",|\band\b|\bor\b|\bplus\b|&|\bas well as\b|\balongside\b", re.IGNORECASE)
_BREAK = re.compile(r"[.;:!?()\"“”]|\b(?:said|says|who|which|that|but|while|when)\b", re.I)
# A series of short phrases: "A, B, C and D" (three or more items, commas between them).
_SERIES = re.compile(
    r"(?:\b[\w'’-]+(?:\s+[\w'’-]+){0,3},\s+){2,}(?:and|or)\s+[\w'’-]+|"
    r"(?:\b[\w'’-]+(?:\s+[\w'’-]+){0,3},\s+){1,}[\w'’-]+(?:\s+[\w'’-]+){0,3},?\s+(?:and|or)\s+"
    r"[\w'’-]+",
    re.IGNORECASE,
)


def asks_list(question: str) -> bool:
    """Whether the question asks for several things of a kind (its form, not its words)."""
    match = _OPENING.match(question)
    if not match:
        return False
    if _SUPERLATIVE.search(question):
        return False  # "which company's shares rose most": one thing, the most of all
    return bool(match.group("named")) or list_head(question) is not None


def asked_count(question: str) -> int | None:
    """How many things the question asks for, when it says so ("which three Welsh quangos")."""
    match = _COUNT_IN_QUESTION.search(question)
    return _COUNTS[match.group("n").lower()] if match else None


def listed(sentence: str, question: str) -> int:
    """How many things ``sentence`` lists that the question does not name: the longest run of
    new names joined by commas or "and", or the items of a series of three or more phrases."""
    runs = new_name_runs(sentence, question)
    spans = _char_spans(sentence, runs)
    best = 1 if spans else 0
    chain = 1
    for (_, end), (start, _) in pairwise(spans):
        gap = sentence[end:start]
        if len(gap) <= 45 and _JOINER.search(gap) and not _BREAK.search(gap):
            chain += 1
            best = max(best, chain)
        else:
            chain = 1
    series = max(
        (_items(m.group(0)) for m in _SERIES.finditer(sentence) if not _BREAK.search(m.group(0))),
        default=0,
    )
    return max(best if best >= 2 else 0, series if series >= 3 else 0)


def _items(series: str) -> int:
    """The items of "A, B, C and D" (four) or "A, B, and C" (three)."""
    items = [i for i in re.split(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+", series) if i]
    return sum(not i.strip().isdigit() for i in items)


def says_count(sentence: str, count: int) -> bool:
    """Whether ``sentence`` says the count itself ("the four, Bjorn Ulvaeus, ...", "three
    Welsh quangos", "two of the most significant")."""
    words = {w.lower() for w in re.findall(r"[a-z]+", sentence, re.IGNORECASE)}
    return str(count) in re.findall(r"\d+", sentence) or any(
        _COUNTS.get(w) == count and w != "both" for w in words
    )


def list_head(question: str) -> str | None:
    """The stem of the plural noun a list question asks for ("quango", "player"): the last word
    of the noun phrase after "which"/"what", if it ends in "s". The phrase ends before a verb or
    a preposition ("which Wales players have", "which England players scored"); "which 1950s
    crooner is" and "which EU figure said ministers" ask for one thing."""
    match = _OPENING.match(question)
    if not match or not match.group("rest"):
        return None
    last = None
    plural_seen = False
    verbs = _verbs_of(question)
    present = _present_verbs_of(question)
    tokens = re.findall(r"[\w'’-]+", match.group("rest"))[:5]
    for i, token in enumerate(tokens):
        lowered = token.lower()
        if lowered in _COUNTS and last is None:
            continue  # "which two films": the count is not the noun
        after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if last is None and lowered in present and after not in _STOP_AT:
            # "which provides Prince Charles' income": "which" is the subject. (Not before a
            # verb of its own: the parser misreads "what features did".)
            return None
        # A word the parser tags a verb ends the phrase once it has a noun ("which EU figure
        # said"); before one it modifies the noun ("which two imprisoned bloggers", "the
        # government's proposed powers"; and the parser misreads "what features did").
        # After a plural noun, a word that is not one is its verb ("which countries send"); a
        # decade is not a plural noun ("which 1950s crooner").
        has_noun = last is not None and not last.endswith(("'s", "’s"))
        verb = (has_noun and lowered in verbs) or (plural_seen and not _plural(lowered))
        if lowered in _STOP_AT or lowered in _NOT_PLURAL or lowered in STOPWORDS or verb:
            break
        last = lowered
        plural_seen = plural_seen or (_plural(lowered) and lowered.isalpha())
    return stem(last) if last is not None and _plural(last) else None


def _verbs_of(question: str) -> set[str]:
    """The words the parser tags as verbs in ``question`` (lower case)."""
    from retrieval.verifier import parse

    return {t.text.lower() for t in parse(question) if t.pos_ in _VERB_TAGS}


def _present_verbs_of(question: str) -> set[str]:
    """The words the parser tags as verbs in the present tense ("provides"): such a word never
    modifies a noun, so right after "which" it is the verb, not a plural noun."""
    from retrieval.verifier import parse

    return {t.text.lower() for t in parse(question) if t.tag_ in ("VBZ", "VBP")}


def _plural(word: str) -> bool:
    return (
        word.endswith("s")
        and not word[:1].isdigit()
        and not word.endswith(("ss", "'s", "’s", "us", "is"))
    )


def _char_spans(sentence: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of the names in token runs (``new_name_runs`` gives token indices)."""
    tokens = list(re.finditer(r"[^\W_][\w'’.&-]*", sentence))
    spans: list[tuple[int, int]] = []
    for first, last in runs:
        start, end = tokens[first].start(), tokens[last].end()
        # A run of capitalised words goes on over a comma ("Bjorn Ulvaeus, Benny Andersson"):
        # each name between commas is one.
        for piece in re.finditer(r"[^,]+", sentence[start:end]):
            text = piece.group(0)
            lead = len(text) - len(text.lstrip())
            spans.append((start + piece.start() + lead, start + piece.end()))
    return spans
