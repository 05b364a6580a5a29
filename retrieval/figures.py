"""Figures in a sentence as values that can be compared: "$1.13bn", "76%", "14 years", "aged 77".

A comparison question ("Which rose more, A or B?") is answered from two cited sentences; when
each holds a figure for its side in the same unit, the answer can say which is larger. A figure
is read with its currency, its scale ("m", "bn", "million") and its unit (a percentage, or the
noun that follows it: "14 years", "400 customers"). Years and days of a date are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from retrieval import wordnet
from retrieval.text import stem

_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_FIGURE = re.compile(
    r"(?P<currency>[$£€])?\s?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b)"
    r"(?:\s?(?P<scale>bn|mn|m|k|tn|thousand|million|billion|trillion)\b)?"
    r"(?:\s?(?P<percent>%|per ?cent\b))?"
    r"(?:\s+(?P<noun>[a-z]+))?",
    re.IGNORECASE,
)
# Nouns after a figure that say nothing of its unit.
_NOT_UNITS = frozenset(
    """a an the and or but to in on at by for from of with than as is are was were has have
    had will would could its his her their this that after before since while up down""".split()
)

_TIME_UNITS = frozenset("year month week day hour minute second decade centurie".split())

Relation = Literal["more", "less"]


@dataclass(frozen=True)
class Figure:
    text: str  # as written: "$1.13bn", "76%", "14 years"
    value: float
    unit: str  # "%", "$", "£", a noun stem ("year"), or "" for a bare count
    start: int
    end: int


def figures_in(sentence: str) -> list[Figure]:
    """The figures of ``sentence``, in order; years and the days of dates left out."""
    out: list[Figure] = []
    for m in _FIGURE.finditer(sentence):
        raw = m.group("number")
        word = raw.lower()
        if word in _NUMBER_WORDS:
            if m.group("currency") or (m.group("noun") or "of").lower() in _NOT_UNITS:
                continue  # "one of the", "two" alone: not a figure of anything
            value = float(_NUMBER_WORDS[word])
        else:
            value = float(raw.replace(",", ""))
        before = sentence[max(0, m.start() - 12) : m.start()].lower()
        after = sentence[m.end("number") : m.end("number") + 12].lower()
        noun = (m.group("noun") or "").lower()
        is_year = (
            not m.group("currency")
            and not m.group("percent")
            and not m.group("scale")
            and re.fullmatch(r"(?:19|20)\d\d", raw) is not None
        )
        is_day = not m.group("currency") and (
            noun in _MONTHS or any(before.rstrip().endswith(mo) for mo in _MONTHS)
        )
        if is_year or is_day or re.match(r"^\s?(?:gmt|am|pm)\b", after):
            continue
        if re.match(r"(?:st|nd|rd|th)\b", after):
            continue  # an ordinal ("EastEnders' 20th anniversary") counts nothing
        scale = (m.group("scale") or "").lower()
        value *= _SCALES.get(scale, 1.0)
        if m.group("percent"):
            unit = "%"
        elif m.group("currency"):
            unit = m.group("currency")
        elif noun.rstrip("s") in _TIME_UNITS:
            unit = noun.rstrip("s")  # "14 years" is not comparable with "3 months" as read
        else:
            unit = ""  # a count: "6,000 exhibitors", "100 networks", "aged 77"
        end = m.end("number")
        if m.group("percent"):
            end = m.end("percent")
        elif scale:
            end = m.end("scale")
        if unit in _TIME_UNITS or (unit == "" and noun and noun not in _NOT_UNITS):
            end = m.end("noun")
        start = m.start("currency") if m.group("currency") else m.start("number")
        out.append(Figure(sentence[start:end].strip(), value, unit, start, end))
    return out


# Comparatives a comparison line can say as the question does: "the higher is ...".
_SAID_COMPARATIVES: dict[Relation, tuple[str, ...]] = {
    "more": ("larger", "bigger", "higher", "greater", "longer", "older", "richer"),
    "less": ("smaller", "lower", "shorter", "younger", "cheaper"),
}


def comparative_asked(question: str, relation: Relation) -> str | None:
    """The comparative adjective the question asks ``relation`` with ("higher" in "is A higher
    or lower than B", "cheaper"), if it uses one; None for "more", "less", "fewer"."""
    words = re.findall(r"[a-z]+", question.lower())
    return next((w for w in words if w in _SAID_COMPARATIVES[relation]), None)


def relation_asked(question: str) -> Relation | None:
    """Whether a comparison asks for the larger figure ("more", "bigger", "fell more",
    "older") or the smaller ("less", "fewer", "lower"); None when it asks neither."""
    lowered = question.lower()
    if re.search(
        r"\b(less|fewer|least|smaller|smallest|lower|lowest|shorter|younger|cheaper)\b", lowered
    ):
        return "less"
    if re.search(
        r"\b(more|most|larger|largest|bigger|biggest|higher|highest|greater|greatest|longer|"
        r"older|richer|further)\b",
        lowered,
    ):
        return "more"
    return None


def compare(
    sentences: list[str],
    sides: list[list[str]],
    relation: Relation,
    given: set[float] = frozenset(),  # type: ignore[assignment]
    thing: str | None = None,
) -> tuple[int, list[tuple[int, Figure]]] | None:
    """Which side (index) the question asks for, and each side's figure with its sentence.

    ``sides`` are the words naming each side. A side's figure is, among the cited
    ``sentences``, the one nearest to where a sentence names that side, in a unit every side
    has (a currency, a percentage, a span of time, else a count); a figure the question itself
    gives ("18 to 21 year olds") is not a side's figure. None when a side has no such figure or
    two sides read the same one, so nothing is claimed that the figures do not show. When the
    question names the ``thing`` compared (a stem: "job" for "cutting more jobs"), only figures
    of it count if every side has one ("5,000 jobs", not "$10.3bn takeover").
    """
    if len(sides) < 2:
        return None
    readings = [
        [f for f in figures_in(sentence) if f.value not in given and not differs(sentence, f)]
        for sentence in sentences
    ]
    if thing is not None:
        of_thing = [
            [f for f in figures if f.text.split() and stem(f.text.split()[-1].lower()) == thing]
            for figures in readings
        ]
        if not all(_nearest(sentences, of_thing, terms, "") for terms in sides):
            return None  # a side without a figure of the thing compared: nothing to say
        readings = of_thing
    best: tuple[tuple[bool, int], list[tuple[int, Figure]]] | None = None
    units = {f.unit for figures in readings for f in figures}
    for unit in units:
        chosen: list[tuple[int, Figure]] = []
        total = 0
        for terms in sides:
            near = _nearest(sentences, readings, terms, unit)
            if near is None:
                break
            distance, at, figure = near
            total += distance
            chosen.append((at, figure))
        else:
            key = (unit == "", total)
            if best is None or key < best[0]:
                best = (key, chosen)
    if best is None:
        return None
    chosen = best[1]
    if len({(at, f.start) for at, f in chosen}) < len(chosen):
        return None  # one figure read for two sides
    values = [f.value for _, f in chosen]
    if len(set(values)) < len(values):
        return None  # a tie: neither is larger
    pick = (max if relation == "more" else min)(range(len(values)), key=lambda i: values[i])
    return pick, chosen


def differs(sentence: str, figure: Figure) -> bool:
    """Whether ``figure`` is a difference, not a measure: a comparative and "than" right after
    it ("about four million fewer than the previous series", "$2bn more than"); never a
    percentage."""
    if figure.unit == "%":
        return False  # "3.8% higher than a year earlier": a rise is the measure asked
    comparative = r"(?:[a-z]+er|more|less)"
    after = sentence[figure.end :].lower()
    if re.match(rf"\s*{comparative}\s+than\b", after):
        return True
    last = figure.text.split()[-1].lower() if figure.text.split() else ""
    return re.fullmatch(comparative, last) is not None and re.match(r"\s*than\b", after) is not None


# Endings English makes words of another word with (inflections and derivations), several of
# which WordNet also lists as words of their own ("ness", "less", "ern"): a word that goes on
# from a side's word by one of these still names the side ("Europe" in "European").
_ENDINGS = frozenset(
    """s es ed ing er ers est ern ese ian ians an ans ean eans ish ic ics al ally ly ness less ful
    able ible ism ist ists ity ment ments ship ward wards y""".split()
)


def names_side(term: str, word: str) -> bool:
    """Whether ``word`` (lower case) names what a side's word ``term`` names: the word itself,
    or the word with an ending ("europe" in "european", "oracle" in "oracle's"); not a
    compound that goes on into another word ("air" is not "aircraft", "airlines" or "airbus":
    a word of three letters or more that WordNet knows, alone or in the singular)."""
    if not word.startswith(term):
        return False
    rest = word[len(term) :].lstrip("'’")
    if len(rest) < 3 or rest in _ENDINGS:
        return True
    return not (wordnet.known(rest) or (rest.endswith("s") and wordnet.known(rest[:-1])))


def side_spots(terms: list[str], lowered: str) -> list[int]:
    """Where, in lower-cased text, a word names one of a side's ``terms`` (``names_side``)."""
    return [
        m.start()
        for t in terms
        for m in re.finditer(rf"\b{re.escape(t)}[\w'’]*", lowered)
        if names_side(t, m.group(0))
    ]


# What ends one clause of a sentence and begins the next: "Some 47% believe she should have no
# title, while 7% think ...".
_CLAUSE_BREAK = re.compile(r"[;,:]\s|\s(?:while|whereas|but)\s", re.IGNORECASE)
# How many characters a clause break between a side's word and a figure counts for.
_CLAUSE_COST = 40


def side_distance(sentence: str, figure: Figure, spot: int) -> int:
    """How far ``figure`` stands from a side's word at ``spot``: the characters between them,
    and ``_CLAUSE_COST`` more for each clause break between (a figure of the side's own clause
    before a nearer one of the next clause)."""
    low, high = sorted((spot, figure.start))
    return high - low + _CLAUSE_COST * len(_CLAUSE_BREAK.findall(sentence, low, high))


def _nearest(
    sentences: list[str], readings: list[list[Figure]], terms: list[str], unit: str
) -> tuple[int, int, Figure] | None:
    """``(distance, sentence index, figure)`` of the figure in ``unit`` nearest the terms."""
    found: list[tuple[int, int, Figure]] = []
    for at, (sentence, figures) in enumerate(zip(sentences, readings, strict=True)):
        lowered = sentence.lower()
        spots = side_spots(terms, lowered)
        if not spots:
            continue
        found.extend(
            (min(side_distance(sentence, f, s) for s in spots), at, f)
            for f in figures
            if f.unit == unit
        )
    return min(found, key=lambda x: (x[0], x[1])) if found else None
