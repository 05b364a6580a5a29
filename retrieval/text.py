"""Text units the engine reasons about: sentences with offsets, words, numbers.

Everything here is pure and deterministic; offsets always index the stored article text so a
quote can be shown and checked verbatim.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "sr",
    "jr",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "gov",
    "sen",
    "rep",
    "rev",
    "hon",
    "pres",
    "co",
    "corp",
    "inc",
    "ltd",
    "plc",
    "no",
    "vs",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "approx",
    "dept",
    "est",
    "fig",
    "mt",
}

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets and citation markers
# such as "[1]", which belong to the sentence they follow), then whitespace.
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?:\s*\[\d+\])*(?=\s+|$)""")
_WORD = re.compile(r"[^\W_]+(?:[.,'’-][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(%|per\s?cent|bn|m|k)\b)?", re.IGNORECASE
)

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can cannot could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just let me more most my myself no nor not now of off on once only
    or other ought our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves tell say says said please much many did does know whats what's one two
    s t don't isn't wasn't weren't won't can't new news""".split()
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences whose offsets index ``text``.

    Paragraph breaks always end a sentence; full stops after known abbreviations, initials and
    inside numbers do not.
    """
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text[start:end]):
        p_start = start + para.start()
        p_text = para.group()
        cursor = 0
        for m in _BOUNDARY.finditer(p_text):
            cut = m.end()
            before = p_text[cursor : m.start()]
            last_word = re.findall(r"[\w.]+$", before)
            token = last_word[0].lower() if last_word else ""
            if m.group().startswith(".") and (
                token.rstrip(".") in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())
            ):
                continue
            following = p_text[cut:].lstrip()
            if following and following[0].islower():
                continue
            _append(sentences, text, p_start + cursor, p_start + cut)
            cursor = cut
        _append(sentences, text, p_start + cursor, p_start + len(p_text))
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2:
        out.append(Sentence(text[start:end], start, end))


def normalize_for_hash(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(_WORD.findall(text))


def text_hash(text: str) -> str:
    """Hash of the words of ``text``, blind to whitespace, case and punctuation."""
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(unicodedata.normalize("NFKC", text))]


# Past forms of common irregular English verbs, so 'lose' finds 'lost' and 'win' finds 'won'.
_IRREGULAR = {
    "arise": "arose arisen",
    "be": "was were been",
    "beat": "beaten",
    "become": "became",
    "begin": "began begun",
    "bid": "bid",
    "bite": "bit bitten",
    "blow": "blew blown",
    "break": "broke broken",
    "bring": "brought",
    "build": "built",
    "buy": "bought",
    "catch": "caught",
    "choose": "chose chosen",
    "come": "came",
    "cost": "cost",
    "cut": "cut",
    "deal": "dealt",
    "do": "did done",
    "draw": "drew drawn",
    "drink": "drank drunk",
    "drive": "drove driven",
    "eat": "ate eaten",
    "fall": "fell fallen",
    "feel": "felt",
    "fight": "fought",
    "find": "found",
    "flee": "fled",
    "fly": "flew flown",
    "forbid": "forbade forbidden",
    "forget": "forgot forgotten",
    "freeze": "froze frozen",
    "get": "got gotten",
    "give": "gave given",
    "go": "went gone",
    "grow": "grew grown",
    "hang": "hung",
    "have": "had",
    "hear": "heard",
    "hide": "hid hidden",
    "hit": "hit",
    "hold": "held",
    "hurt": "hurt",
    "keep": "kept",
    "know": "knew known",
    "lay": "laid",
    "lead": "led",
    "leave": "left",
    "lend": "lent",
    "let": "let",
    "lie": "lay lain",
    "lose": "lost",
    "make": "made",
    "mean": "meant",
    "meet": "met",
    "pay": "paid",
    "put": "put",
    "quit": "quit",
    "read": "read",
    "ride": "rode ridden",
    "ring": "rang rung",
    "rise": "rose risen",
    "run": "ran",
    "say": "said",
    "see": "saw seen",
    "seek": "sought",
    "sell": "sold",
    "send": "sent",
    "set": "set",
    "shake": "shook shaken",
    "shoot": "shot",
    "shut": "shut",
    "sing": "sang sung",
    "sink": "sank sunk",
    "sit": "sat",
    "sleep": "slept",
    "speak": "spoke spoken",
    "spend": "spent",
    "split": "split",
    "spread": "spread",
    "stand": "stood",
    "steal": "stole stolen",
    "stick": "stuck",
    "strike": "struck",
    "swear": "swore sworn",
    "swim": "swam swum",
    "take": "took taken",
    "teach": "taught",
    "tear": "tore torn",
    "tell": "told",
    "think": "thought",
    "throw": "threw thrown",
    "understand": "understood",
    "wake": "woke woken",
    "wear": "wore worn",
    "win": "won",
    "withdraw": "withdrew withdrawn",
    "write": "wrote written",
}


def word_forms(word: str) -> set[str]:
    """Stems of ``word`` and of its irregular past forms."""
    base = word.lower()
    forms = {stem(base)}
    for verb, past in _IRREGULAR.items():
        if stem(verb) == stem(base) or base == verb:
            forms.update(stem(p) for p in past.split())
            forms.add(stem(verb))
    return forms


# Changes whenever stem() would give other terms: caches of terms (the BM25 index) key on it.
TERMS_VERSION = "snowball-1"


def stem(word: str) -> str:
    """The English Snowball stem of ``word`` (PyStemmer), after two steps Snowball leaves out.

    - an irregular past form becomes its verb first ('retaken' -> 'retake', 'lost' -> 'lose'),
      from the table above, so a question's verb finds the article's;
    - a demonym ending in -ian and a place ending in -a/-ia share a root ('Russian'/'Russia',
      'Canadian'/'Canada', 'Indian'/'India').
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return _stem_cached(w)


def _base_form(word: str) -> str:
    if word in _PAST_FORMS:
        return _PAST_FORMS[word]
    for prefix in ("re", "un", "out", "over", "under", "with", "mis"):
        rest = word[len(prefix) :]
        if word.startswith(prefix) and rest in _PAST_FORMS and len(rest) >= 4:
            return prefix + _PAST_FORMS[rest]
    return word


_PAST_FORMS = {
    past: verb
    for verb, forms in _IRREGULAR.items()
    for past in forms.split()
    if len(past) >= 3 and past not in {"lay", "left", "found", "read", "bid", "set", "put", "cut"}
}


@lru_cache(maxsize=262144)
def _stem_cached(word: str) -> str:
    word = _base_form(word)
    for suffix in ("ians", "ian", "ia", "a"):
        root = word[: -len(suffix)]
        if (
            word.endswith(suffix)
            and len(root) >= 3
            and (suffix != "a" or len(word) >= 5)
            and (suffix in ("ians", "ian", "ia") or root[-1] not in "aeiou")
        ):
            return root
    return str(_snowball().stemWord(word))


@lru_cache(maxsize=1)
def _snowball() -> Any:
    import Stemmer  # PyStemmer: the Snowball algorithms in C

    return Stemmer.Stemmer("english")


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry meaning (no stopwords), in order."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def numbers_in(text: str) -> set[str]:
    """Numbers written in ``text``, normalised ('1,100' -> '1100', '2.0' -> '2')."""
    return {normalise_number(m.group(1)) for m in _NUMBER.finditer(text)}


def normalise_number(written: str) -> str:
    """A number as :func:`numbers_in` gives it: '1,100' -> '1100', '2.50' -> '2.5'."""
    value = written.replace(",", "")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value


def shingles(text: str, size: int = 5) -> set[int]:
    tokens = words(text)
    return {hash(tuple(tokens[i : i + size])) for i in range(max(0, len(tokens) - size + 1))}


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller set found in the larger one."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)
