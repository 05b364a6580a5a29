"""A local model held to shortening one sentence: some of its words, in their order.

:class:`Shortening` knows which texts are a shorter version of a sentence: its first word, then
any of its later words in their order, separated by single spaces, the last ending in a full
stop (a trailing comma becomes one: "forecast," -> "forecast."; within the sentence a word may
lose its comma). The model still chooses which words to keep, and that choice is its wording;
it cannot change a figure, add a word from the question, invent a detail or write meta-text
("The passage is: ..."), the ways SmolLM2-135M's free shortenings failed the verifier
(bench/RESULTS.md, fifth and sixth sessions). Leaving words out can change a meaning too, in
ways the verifier (which finds every word still there) does not see: see
:func:`prunes_whole_phrases`.

The sentence opens with its own first word: a model allowed to start anywhere writes its usual
"The" and lands on a "the" further on ("The General Valery Gerasimov said on Wednesday.").

:func:`constrained_choice` applies it to one step of greedy decoding: the highest-scoring token
whose text keeps the output a prefix of a shorter version. A llama.cpp GBNF grammar says the
same, but llama.cpp checks every one of the vocabulary's 49,152 tokens against it at every step
before the greedy choice (a grammar-held call took a median 6.5 s against 4.2 s free, load ~7);
here the tokens are tried best first and the first that fits is taken. Holding the model so is
off by default (``Thresholds.compress_words_only``): measured, it mostly copied the sentence and
kept its words no more often (bench/RESULTS.md, sixth session). :func:`prunes_whole_phrases`
is on for every model's shortening, and so is :func:`carries_every_fact`: a shortening keeps
every figure and name of the sentence it shortens. Leaving one out made the report half's one
false model sentence: "The festival was sold out 10 weeks before the two-day event, organisers
confirmed." from "Last year tickets sold out 10 weeks before the festival but organisers
confirmed that all 130,000 for the two-day event had been sold." (bench/RESULTS.md, sixth
session), which the verifier found supported.

Works on UTF-8 bytes, since a token may hold part of a character ("£"). Imports nothing from
the project but its number reader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from retrieval.text import numbers_in

_CLOSERS = b"\"')\xe2\x80\x9d\xe2\x80\x99"  # " ' ) and the closing curly quotes
_STOPS = b".!?"
_TRAILING = b",;:-"
_NEVER_NAMES = frozenset("DET PRON ADP CCONJ SCONJ AUX PART".split())


def _final(word: bytes) -> bytes:
    """``word`` as the last word of a sentence ("forecast," -> "forecast."; "said." stays)."""
    core = word.rstrip(_CLOSERS)
    if core[-1:] and core[-1:] in _STOPS:
        return word
    cut = word.rstrip(_TRAILING)
    return (cut or word) + b"."


class Shortening:
    """The shorter versions of one sentence (see the module's docstring)."""

    def __init__(self, sentence: str) -> None:
        self.words = [w.encode("utf-8") for w in sentence.split()]
        if not self.words:
            raise ValueError("an empty sentence has no shorter version")
        self.finals = [_final(w) for w in self.words]
        # A word within the sentence, as written or without its comma ("carmaker," in "Shares
        # in the carmaker, which employs ..., fell" -> "Shares in the carmaker fell").
        self.forms = [{w, w.rstrip(_TRAILING) or w} for w in self.words]

    def _after(self, text: bytes) -> tuple[int, bytes] | None:
        """``(index of the last whole word matched, the word being written)`` for ``text``,
        each whole word matched as early as it can be (which leaves the most words after it);
        None when ``text`` is no beginning of a shorter version."""
        parts = text.lstrip(b" ").split(b" ")
        pos = -1
        for part in parts[:-1]:
            later = range(pos + 1, len(self.words)) if pos >= 0 else range(1)
            pos = next((i for i in later if part in self.forms[i]), -2)
            if pos == -2:
                return None
        return pos, parts[-1]

    def allows(self, text: bytes) -> bool:
        """Whether ``text`` is the beginning of some shorter version."""
        found = self._after(text)
        if found is None:
            return False
        pos, partial = found
        later = range(pos + 1, len(self.words)) if pos >= 0 else range(1)
        return any(
            self.words[i].startswith(partial) or self.finals[i].startswith(partial) for i in later
        )

    def complete(self, text: bytes) -> bool:
        """Whether ``text`` is a whole shorter version (the model may stop here)."""
        found = self._after(text)
        if found is None:
            return False
        pos, last = found
        later = range(pos + 1, len(self.words)) if pos >= 0 else range(1)
        return bool(last) and any(self.finals[i] == last for i in later)


def constrained_choice(
    scores: np.ndarray,
    written: bytes,
    piece: Callable[[int], bytes],
    ends: Sequence[int],
    shortening: Shortening,
    best_first: int = 64,
) -> int:
    """The token greedy decoding takes under ``shortening``: the best-scoring token that keeps
    ``written`` a beginning of a shorter version, or an end token (``ends``) once it is whole.
    ``piece(token)`` is a token's text. Tries the ``best_first`` best tokens, then the rest."""
    top = np.argpartition(-scores, best_first)[:best_first]
    top = top[np.argsort(-scores[top])]
    for order in (top, np.argsort(-scores)):
        for token in order:
            t = int(token)
            if t in ends:
                if shortening.complete(written):
                    return t
            elif shortening.allows(written + piece(t)):
                return t
    return int(ends[0])  # nothing fits (cannot happen once the first word is written)


def kept_words(shortening: Shortening, text: str) -> list[int] | None:
    """The indices of the sentence's words that ``text`` keeps (each matched as early as it can
    be), or None when ``text`` is no whole shorter version of it."""
    raw = text.strip().encode("utf-8")
    if not shortening.complete(raw):
        return None
    parts = raw.split(b" ")
    kept: list[int] = []
    for n, part in enumerate(parts):
        later = range(kept[-1] + 1 if kept else 0, len(shortening.words) if kept else 1)
        last = n == len(parts) - 1
        i = next(
            i
            for i in later
            if part in shortening.forms[i] or (last and part == shortening.finals[i])
        )
        kept.append(i)
    return kept


def prunes_whole_phrases(doc: Any, sentence: str, kept: Sequence[int]) -> bool:
    """Whether keeping the words ``kept`` of ``sentence`` (parsed as ``doc``, a spaCy ``Doc``)
    leaves whole phrases out and nothing else: every kept word's head word is kept (an
    appositive may stand for the word it describes). Leaving out a phrase's head but not the
    phrase changes what it says ("The largest network ... spied on by the team was made up of
    50,000 computers" -> "The team was made up of 50,000 computers"), which a check of the
    words alone does not see, since every word is still in the sentence."""
    words = sentence.split()
    if doc.text != " ".join(words):
        return False  # the parse is of other text: no verdict, so no
    starts = []
    offset = 0
    for word in words:
        starts.append(offset)
        offset += len(word) + 1
    kept_set = set(kept)
    word_of = [0] * len(doc)
    w = 0
    for tok in doc:
        while w + 1 < len(starts) and tok.idx >= starts[w + 1]:
            w += 1
        word_of[tok.i] = w
    kept_tokens = {t.i for t in doc if word_of[t.i] in kept_set}
    for t in doc:
        if t.i not in kept_tokens or t.is_punct or t.head.i == t.i:
            continue
        head = t.head
        if head.i in kept_tokens:
            continue
        if t.dep_ == "appos" and (head.head.i == head.i or head.head.i in kept_tokens):
            continue
        return False
    return True


def _figures_and_names(doc: Any) -> tuple[set[str], set[str]]:
    """A parsed sentence's figures (numbers as :func:`numbers_in` writes them, and numbers in
    words: "five", "two-day") and names (proper nouns), lower-cased."""
    figures = set(numbers_in(doc.text))
    names = set()
    for t in doc:
        if t.like_num and t.is_alpha:
            figures.add(t.lower_)
        elif t.is_alpha and (
            t.pos_ == "PROPN"
            # The small parser tags some names as other words ("owned by Geely": an adverb):
            # a capitalised word within the sentence that could be a name counts as one.
            or (t.i > 0 and t.text[0].isupper() and t.pos_ not in _NEVER_NAMES)
        ):
            names.add(t.lower_)
    return figures, names


def carries_every_fact(doc: Any, shortening: str) -> bool:
    """Whether ``shortening`` keeps every figure and name of the sentence parsed as ``doc`` (a
    spaCy ``Doc``) and adds no figure of its own. A name may change its ending ("Russia's
    forces" -> "Russian forces"); a figure must be written as in the sentence. A shorter
    sentence that leaves out a figure or a name says less than its source in a way that can
    mislead: "all 130,000 [tickets] for the two-day event had been sold" left out, the festival
    "was sold out 10 weeks before the two-day event"; "Nissan - in which Renault owns a 44%
    stake - contributed ..." left out, Nissan's figure reads as the answer about Renault."""
    figures, names = _figures_and_names(doc)
    kept = shortening.replace("’", "'")
    words = {w.strip(".,;:!?\"'()“”").lower() for w in kept.split()}
    words |= {w[:-2] for w in words if w.endswith("'s")}
    words |= {part for w in words if "-" in w for part in w.split("-")}  # "two-day", "Jean-Luc"
    if numbers_in(kept) != {f for f in figures if not f.isalpha()}:
        return False  # a figure left out, or one of its own
    if any(word not in words for word in figures if word.isalpha()):
        return False
    return all(any(_same_name(name, w) for w in words) for name in names)


def _same_name(name: str, word: str) -> bool:
    """Whether ``word`` writes the name ``name``, perhaps with another ending ("Russia",
    "Russian")."""
    short, long = sorted((name, word), key=len)
    return short == long or (len(short) > 3 and long.startswith(short))
