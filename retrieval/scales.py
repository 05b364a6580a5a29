"""Ordered scales a word can stand on, so that a claim putting another step of the same scale
in the passage's place is read as a change of comparison, rank or quantity.

A word's *reading* is ``(scale, step)``:

- ``medal``: gold 1, silver 2, bronze 3;
- ``stage``: a final 1, a semi-final 2, a quarter-final 3 (read off the surface, as the small
  parser splits 'semi-final' at the hyphen and hangs the pieces anywhere);
- ``finish``: winner / champion 1, runner-up 2;
- ``quantifier``: none 0 < few, rare, a handful, a minority 1 < some, several 2 < many, common,
  often 3 < most, the majority 4 < all, every, always 5 ('not many' is few, 'not all' some);
- ``precedence``: a word placing one thing ahead of (+1) or behind (-1) another, in a table, a
  queue, in time or in size: ahead, above, beyond, before, prequel, exceed, overtake, lead /
  behind, below, short of, after, sequel, trail. Read with the thing it is placed against (its
  *object*), as 'A ahead of B' says what 'B behind A' says.

The scales are general orders of English, not lists fitted to particular sentences. Which two
steps conflict is :func:`conflict`'s rule; where two words stand is the verifier's part.
"""

from __future__ import annotations

from typing import Any

from retrieval import lexicon as lx

MEDALS = {"gold": 1, "silver": 2, "bronze": 3}
STAGE_PREFIXES = {"semi": 2, "quarter": 3}
STAGE_WORDS = {
    "semis": 2,
    "semifinal": 2,
    "semifinals": 2,
    "semi-final": 2,
    "semi-finals": 2,
    "quarterfinal": 3,
    "quarterfinals": 3,
    "quarter-final": 3,
    "quarter-finals": 3,
}
FINISH = {"winner": 1, "winners": 1, "champion": 1, "champions": 1, "victor": 1, "victors": 1}
RUNNERS_UP = {"runner-up": 2, "runners-up": 2}
QUANTIFIERS = {
    "none": 0,
    "few": 1,
    "fewest": 1,
    "rare": 1,
    "rarely": 1,
    "seldom": 1,
    "handful": 1,
    "minority": 1,
    "some": 2,
    "several": 2,
    "sometimes": 2,
    "occasionally": 2,
    "many": 3,
    "numerous": 3,
    "common": 3,
    "commonplace": 3,
    "widespread": 3,
    "often": 3,
    "frequently": 3,
    "frequent": 3,
    "plenty": 3,
    "lot": 3,
    "lots": 3,
    "most": 4,
    "majority": 4,
    "mostly": 4,
    "usually": 4,
    "all": 5,
    "every": 5,
    "always": 5,
}
AHEAD = frozenset(
    "ahead above beyond before prior preceding prequel exceed surpass outstrip overtake "
    "outpace lead".split()
)
BEHIND = frozenset("behind below short after following sequel trail".split())
_VERBS_ONLY = frozenset({"trail", "lead"})  # nouns too ('the campaign trail', 'a 2-0 lead')
_DASHES = {"-", "\u2013"}


def _lemma(tok: Any) -> str:
    return str(tok.lemma_ or tok.lower_).lower()


def _word_before(tok: Any, skip_dash: bool) -> Any | None:
    doc = tok.doc
    i = tok.i - 1
    if skip_dash and i >= 1 and doc[i].text in _DASHES:
        i -= 1
    return doc[i] if i >= 0 else None


def _stage(tok: Any) -> int | None:
    low = str(tok.lower_)
    if low in STAGE_WORDS:
        return STAGE_WORDS[low]
    if low not in {"final", "finals"}:
        return None
    before = _word_before(tok, skip_dash=True)
    if before is not None and before.lower_ in STAGE_PREFIXES:
        return STAGE_PREFIXES[str(before.lower_)]
    if tok.dep_ == "acomp":
        return None  # 'the decision is final': settled, no stage of a contest
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}:
        return None  # 'the final day', 'the final 100 metres': no stage of a contest
    return 1


def _finish(tok: Any) -> int | None:
    low = str(tok.lower_)
    if tok.pos_ == "PROPN" or tok.ent_type_:
        return None  # 'the Champions League', 'Winners Cup': a name
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.pos_ == "PROPN":
        return None  # 'champions Arsenal': a title before a name, no place of the sentence's
    if low in FINISH:
        return FINISH[low]
    if low in RUNNERS_UP:
        return RUNNERS_UP[low]
    doc = tok.doc
    if (
        low in {"runner", "runners"}
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].text in _DASHES
        and doc[tok.i + 2].lower_ == "up"
    ):
        return 2
    return None


def _quantifier(tok: Any) -> int | None:
    low = str(tok.lower_)
    step = QUANTIFIERS.get(low)
    if step is None or _named(tok):
        return None
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if low == "some" and after is not None and (after.like_num or after.pos_ == "NUM"):
        return None  # 'some 200 jobs': about 200, the quantity tests' part
    if low in {"most", "all"} and tok.head.pos_ in {"ADJ", "ADV"} and tok.dep_ == "advmod":
        return None  # 'the most powerful', 'all too often': a degree, not how many
    if low == "all" and before is not None and before.lower_ in {"at", "above", "after"}:
        return None  # 'at all', 'above all', 'after all'
    if low == "all" and after is not None and after.lower_ == "but":
        return None  # 'all but': nearly
    if low in {"lot", "lots"} and not (after is not None and after.lower_ == "of"):
        return None
    if low == "few" and before is not None and before.lower_ == "a":
        ahead = doc[tok.i - 2] if tok.i >= 2 else None
        if ahead is not None and ahead.lower_ == "quite":
            return 3  # 'quite a few': many
        return 2  # 'a few': some, not 'few'
    if before is not None and before.lower_ in {"not", "n't"}:
        return {3: 1, 4: 2, 5: 2}.get(step, step)  # 'not many' is few, 'not all' some
    return step


def _misread_verb(tok: Any) -> bool:
    """'Arsenal trail Chelsea': the small parser reads the verb between two names as a noun
    compounded with the second."""
    return bool(
        tok.i > 0
        and tok.dep_ == "compound"
        and tok.head.pos_ == "PROPN"
        and tok.head.i == tok.i + 1
        and tok.doc[tok.i - 1].is_title
    )


def _precedence(tok: Any) -> int | None:
    lemma = _lemma(tok)
    if lemma in _VERBS_ONLY and tok.pos_ != "VERB" and not _misread_verb(tok):
        return None
    if lemma == "short" and object_of(tok) is None:
        return None  # 'short' with nothing it falls short of
    if lemma in AHEAD:
        return 1
    if lemma in BEHIND:
        return -1
    return None


_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"})


def _named(tok: Any) -> bool:
    """Part of a name: 'the All Blacks', 'the Gold Coast'."""
    return bool(tok.pos_ == "PROPN" or tok.ent_type_ in _NAME_TYPES)


def _medal(tok: Any) -> int | None:
    return None if _named(tok) else MEDALS.get(str(tok.lower_))


def reading(tok: Any) -> tuple[str, int] | None:
    """The scale a word stands on and its step there, or None."""
    for scale, read in (
        ("medal", _medal),
        ("stage", _stage),
        ("finish", _finish),
        ("quantifier", _quantifier),
        ("precedence", _precedence),
    ):
        step = read(tok)
        if step is not None:
            return scale, step
    return None


def readings(doc: Any) -> list[tuple[str, int, Any]]:
    return [(r[0], r[1], t) for t in doc if (r := reading(t)) is not None]


def conflict(scale: str, ours: int, theirs: int) -> bool:
    """Whether the claim's step ``ours`` says otherwise than the passage's ``theirs``. On the
    quantifier scale 'some' says neither 'few' nor 'many' wrong (it is weaker than both)."""
    if ours == theirs:
        return False
    return not (scale == "quantifier" and ours == 2 and theirs in {1, 3})


def object_of(tok: Any) -> Any | None:
    """What a word of precedence places its subject against: 'ahead of *Pasquale*', 'beyond
    *obligations*', 'overtook *Chelsea*', 'the sequel to *Meet the Parents*'; for 'after'
    heading a clause, that clause's verb."""
    if tok.dep_ == "mark" or (_lemma(tok) in _VERBS_ONLY and _misread_verb(tok)):
        return tok.head
    for ch in tok.children:
        if ch.dep_ in {"pobj", "dobj", "pcomp"}:
            return ch
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ in {"of", "to"}:
            inner = next((g for g in ch.children if g.dep_ in {"pobj", "pcomp"}), None)
            if inner is not None:
                return inner
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {"of", "to"}:
        inner = next((g for g in doc[tok.i + 1].children if g.dep_ == "pobj"), None)
        if inner is not None:
            return inner
    return None


def object_words(tok: Any) -> frozenset[str]:
    """The content words of a word's object, its clauses left out: 'his Tory rival' {'tory',
    'rival'}; for a clause ('after *it was revealed*'), its verb and the heads of its subject
    and object."""
    obj = object_of(tok)
    if obj is None:
        return _words_after(tok)
    deps = _CLAUSE_PARTS if obj.pos_ in {"VERB", "AUX"} else _PHRASE_PARTS
    words = [obj, *(ch for ch in obj.children if ch.dep_ in deps)]
    words += [g for w in words[1:] for g in w.children if g.dep_ in {"compound", "flat"}]
    words = [t for t in words if t.i != tok.i]  # 'trail' misread as a compound of 'Chelsea'
    return frozenset(_lemma(t) for t in words if t.pos_ in {"NOUN", "PROPN", "ADJ", "NUM", "VERB"})


def _words_after(tok: Any, limit: int = 5) -> frozenset[str]:
    """The content words right after 'to' / 'of' that follow a word the parser gave no object
    ('the sequel to Meet the Parents', where 'to' was read as a verb's): up to the next
    punctuation, preposition, conjunction or clause word."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ not in {"to", "of"}:
        return frozenset()
    words = []
    for t in doc[tok.i + 2 : tok.i + 2 + limit]:
        if t.is_punct or t.pos_ in {"ADP", "CCONJ", "SCONJ", "PRON"}:
            break
        if t.pos_ in {"NOUN", "PROPN", "ADJ", "NUM", "VERB"}:
            words.append(_lemma(t))
    return frozenset(words)


_PHRASE_PARTS = frozenset({"compound", "amod", "poss", "nummod", "nmod", "flat"})
_CLAUSE_PARTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def quantified(tok: Any) -> Any:
    """What a quantifier counts: 'most *of the shops*', 'many *cases*'; else the word it
    modifies."""
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            inner = next((g for g in ch.children if g.dep_ == "pobj"), None)
            if inner is not None:
                return inner
    return tok.head


# ---------------------------------------------------------------- shares of a whole, as steps

_FRACTION_WORDS = {
    "half": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
}
_RELATIVES = frozenset({"which", "whom", "them", "those", "these"})


def _count(tok: Any) -> float | None:
    text = str(tok.lower_).replace(",", "")
    try:
        return float(text)
    except ValueError:
        value = lx.NUMBER_WORDS.get(text)
        return float(value) if isinstance(value, int | float) else None


def of_object(tok: Any) -> Any | None:
    """The noun of an 'of' phrase on ``tok``: 'dollars' of 'the amount of dollars'."""
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            return next((g for g in ch.children if g.dep_ == "pobj"), None)
    return None


def _whole(noun: Any, part: Any) -> tuple[Any, float | None]:
    """The noun a share is of and how many it counts: 'the *300* workers'; for 'three of which'
    the noun the relative clause hangs off ('10 world records, three of which ...')."""
    if noun.lower_ in _RELATIVES:
        up = part
        for _ in range(4):
            if up.dep_ == "relcl":
                noun = up.head
                break
            if up.head == up:
                break
            up = up.head
        else:
            return noun, None
        if noun.lower_ in _RELATIVES:
            return noun, None
    total = next((_count(ch) for ch in noun.children if ch.dep_ == "nummod"), None)
    return noun, total


def shares(doc: Any) -> list[tuple[float, Any, Any]]:
    """Each share of a whole a text gives, as (share, the whole's noun, the word giving it):
    'three of the five members' (0.6, members), 'about a third of the 300 workers' (0.33,
    workers), '10 world records, three of which' (0.3, records), '60% of the staff' (0.6,
    staff), 'half the workers' (0.5, workers)."""
    out = []
    for t in doc:
        low = str(t.lower_)
        if low == "half" and t.dep_ == "predet":
            out.append((0.5, t.head, t))
            continue
        noun = of_object(t)
        if noun is None:
            continue
        whole, total = _whole(noun, t)
        if low in _FRACTION_WORDS:
            times = next((_count(ch) for ch in t.children if ch.dep_ == "nummod"), None)
            out.append((_FRACTION_WORDS[low] * (times or 1.0), whole, t))
        elif low in {"%", "percent", "cent"}:
            value = next((_count(ch) for ch in t.children if ch.dep_ == "nummod"), None)
            if value is None and low == "cent" and t.i >= 2 and t.doc[t.i - 1].lower_ == "per":
                value = _count(t.doc[t.i - 2])  # '32 per cent of
            if value is not None and 0 <= value <= 100:
                out.append((value / 100, whole, t))
        elif (
            t.pos_ == "NUM"
            and (part := _count(t)) is not None
            and total
            and part <= total
            and not (t.i and t.doc[t.i - 1].lower_ in {"every", "each", "any", "no", "not"})
        ):  # not 'every one of the 20 clubs'
            out.append((part / total, whole, t))
    return out


def share_fits(step: int, share: float) -> bool:
    """Whether a quantifier's step may say a share: 'most' more than half, 'all' the whole,
    'few' / 'a minority' at most half, 'none' nothing; the middle steps fit any share."""
    if step == 0:
        return share == 0
    if step == 1:
        return share <= 0.5
    if step == 4:
        return share > 0.5
    if step == 5:
        return share > 0.99
    return True
