"""How many times one thing is another: 'twice as many', 'ten times more than', 'doubled',
'half as much', 'a threefold rise'.

A comparison by a ratio is a figure the quantity tests do not read ('twice' is an adverb, 'ten
times' counts occasions as often as it multiplies). A ratio is read only where the words make it
one: 'twice' or 'N times' before 'as', a comparative or a determiner ('three times the size'),
'double' before a determiner or as a verb ('doubled'), 'treble', 'halve', '-fold'. 'Scored twice',
'three times in a row' and 'double Olympic champion' are not ratios.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from retrieval import lexicon as lx

_VERBS = {"double": 2.0, "treble": 3.0, "triple": 3.0, "quadruple": 4.0, "halve": 0.5}
_ADVERBS = {"twice": 2.0, "thrice": 3.0, "double": 2.0, "half": 0.5}
_LESS = frozenset({"less", "fewer", "smaller", "lower", "cheaper", "slower", "weaker"})
_AFTER = frozenset({"as", "the", "that", "this", "his", "her", "its", "their", "our", "what"})


@dataclass(frozen=True)
class Ratio:
    value: float  # 2.0 for 'twice as many', 0.5 for 'half as much' or 'halved'
    token: Any


def _next(tok: Any) -> Any | None:
    return tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None


def _compares(tok: Any | None) -> bool:
    """Whether the word after a multiplier makes it a comparison: 'as', 'more', 'the size'."""
    if tok is None:
        return False
    return tok.lower_ in _AFTER or tok.tag_ in {"JJR", "RBR"} or tok.lower_ in {"more", "less"}


def _count(tok: Any) -> float | None:
    low = str(tok.lower_)
    if low in lx.NUMBER_WORDS:
        return float(lx.NUMBER_WORDS[low])
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None


def ratios(doc: Any, generous: bool = False) -> list[Ratio]:
    """The ratios ``doc`` gives. ``generous`` (for the passage a claim is checked against) reads
    any multiplier word as one, so that a claim's ratio finds its match ('half the $20bn' /
    'less than half of the $20bn')."""
    out = []
    for tok in doc:
        low = str(tok.lower_)
        lemma = str(tok.lemma_).lower()
        after = _next(tok)
        if (
            tok.pos_ == "VERB"
            and lemma in _VERBS
            and not (after is not None and after.pos_ in {"NOUN", "PROPN"})
        ):
            # 'sales doubled', 'halving the deficit'; not 'doubles champion' (a bare noun after
            # it: the word describes the noun, whatever tag the small parser gives it)
            out.append(Ratio(_VERBS[lemma], tok))
        elif low in _ADVERBS and (generous or (_compares(after) and tok.dep_ != "compound")):
            out.append(Ratio(_ADVERBS[low], tok))  # 'twice as many', 'double the amount'
        elif low == "times" and tok.i > 0 and (generous or _compares(after)):
            n = _count(doc[tok.i - 1])
            if n is not None and n > 1:
                less = after is not None and after.lower_ in _LESS
                out.append(Ratio(1 / n if less else n, tok))
        elif low == "fold" and tok.i > 0:
            # 'a three-fold rise': the count stands before the hyphen
            before = doc[tok.i - 2] if doc[tok.i - 1].text == "-" and tok.i > 1 else doc[tok.i - 1]
            n = _count(before)
            if n is not None and n > 1:
                out.append(Ratio(n, tok))
        elif low.endswith("fold") and low.removesuffix("fold") in lx.NUMBER_WORDS:
            n = float(lx.NUMBER_WORDS[low.removesuffix("fold")])  # 'threefold'
            if n > 1:
                out.append(Ratio(n, tok))
    return out


_ROUGHLY = frozenset({"more", "over", "almost", "nearly", "about", "around", "roughly", "least"})


def roughly(ratio: Ratio) -> bool:
    """Whether the ratio is given as a bound or an estimate: 'more than doubled', 'almost
    twice', 'about three times'."""
    doc = ratio.token.doc
    start = ratio.token.i - (2 if ratio.token.lower_ in {"times", "fold"} else 1)
    return any(t.lower_ in _ROUGHLY for t in doc[max(0, start - 2) : max(0, start)])


def close(a: float, b: float, tolerance: float = 0.15) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))
