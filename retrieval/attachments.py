"""Two things that trade their attachments: a role swap told by the parse, at phrase level.

The subject/object comparison in ``verifier`` sees who did what to whom. Many swaps are
elsewhere: inside prepositional phrases ("best R&B song for A and best R&B album for B" turned
round), between the object and a prepositional phrase of one verb ("replace a local income tax
with council tax" reversed), between the modifiers of two nouns ("a nurse father and miner
mother", "BBC chairman Greg Dyke, director-general Gavyn Davies" with the titles exchanged),
between owners ("A's X and B's Y"). Every such attachment is a slot: (the word it hangs off,
the relation). A swap is two slots where something left the first for the second and something
left the second for the first. A paraphrase that moves a whole phrase keeps its attachments, so
it swaps nothing; a phrase the parser hangs elsewhere moves one way only, which is no swap.

"respectively" pairs two lists in order, so the same items in another order are a swap too.
"""

from __future__ import annotations

from typing import Any

from retrieval.text import stem

_MODIFIERS = {"compound", "amod"}
_OBJECTS = {"dobj", "pobj", "attr", "oprd"}


def _word(tok: Any) -> str:
    if tok.pos_ == "PROPN":
        return str(tok.lower_).removesuffix("'s")
    return stem(str(tok.lemma_).lower())


def _phrase(tok: Any) -> str:
    """A noun with the words that say which one: 'local income tax', 'council tax'."""
    mods = sorted(_word(ch) for ch in tok.children if ch.dep_ in _MODIFIERS)
    return " ".join([*mods, _word(tok)])


def _is_nominal(tok: Any) -> bool:
    return tok.pos_ in {"NOUN", "PROPN"}


def slots(doc: Any) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = {}

    def put(head: Any, rel: str, value: str) -> None:
        out.setdefault((_word(head), rel), set()).add(value)

    for t in doc:
        if t.head == t or not _is_nominal(t):
            continue
        head = t.head
        if t.dep_ == "pobj" and head.dep_ == "prep" and head.head != head:
            put(head.head, f"prep:{head.lower_}", _phrase(t))
        elif t.dep_ == "dobj":
            put(head, "dobj", _phrase(t))
        elif t.dep_ == "poss":
            put(head, "poss", _word(t))
        elif t.dep_ in _MODIFIERS and _is_nominal(head):
            put(head, "mod", _word(t))
        elif t.dep_ == "appos":
            put(head, "appos", _word(t))
            for ch in t.children:
                if ch.dep_ in _MODIFIERS:
                    put(head, "appos", _word(ch))
    return out


def swap(claim: Any, passage: Any) -> str | None:
    """A description of a swap of attachments between the two texts, else None."""
    ours, theirs = slots(claim), slots(passage)
    shared = [s for s in ours if s in theirs]
    for i, s1 in enumerate(shared):
        for s2 in shared[i + 1 :]:
            if s1[1] != s2[1] and not {s1[1], s2[1]} <= {"dobj"} | _prep_rels(s1, s2):
                continue
            left_1 = (ours[s1] - theirs[s1]) & (theirs[s2] - ours[s2])
            left_2 = (ours[s2] - theirs[s2]) & (theirs[s1] - ours[s1])
            if left_1 and left_2:
                a, b = sorted(left_2)[0], sorted(left_1)[0]
                return f"the claim puts {b!r} where the passage has {a!r}, and the other way round"
    return respectively_swap(claim, passage)


def _prep_rels(s1: tuple[str, str], s2: tuple[str, str]) -> set[str]:
    """The object and a prepositional phrase of one verb ('replace X with Y') may trade."""
    if s1[0] != s2[0]:
        return set()
    return {r for r in (s1[1], s2[1]) if r.startswith("prep:")}


def _lists(doc: Any) -> list[list[str]]:
    """Coordinated items of a sentence holding 'respectively', in order."""
    if not any(t.lower_ == "respectively" for t in doc):
        return []
    out = []
    for t in doc:
        if t.dep_ == "conj" or not any(ch.dep_ == "conj" for ch in t.children):
            continue
        chain = [t]
        cur = t
        while True:
            nxt = next((ch for ch in cur.children if ch.dep_ == "conj"), None)
            if nxt is None:
                break
            chain.append(nxt)
            cur = nxt
        if len(chain) >= 2:
            out.append([_word(c) for c in chain])
    return out


def respectively_swap(claim: Any, passage: Any) -> str | None:
    for ours in _lists(claim):
        for theirs in _lists(passage):
            if sorted(ours) == sorted(theirs) and ours != theirs:
                listed, other = ", ".join(ours), ", ".join(theirs)
                return f"the claim lists {listed} respectively, the passage {other}"
    return None
