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


def _name_parts(tok: Any) -> list[Any]:
    """The words of a name: 'Otis Ferry' for 'Ferry' (proper nouns compounded on it)."""
    if tok.pos_ != "PROPN":
        return [tok]
    parts = [ch for ch in tok.children if ch.dep_ == "compound" and ch.pos_ == "PROPN"]
    return [*sorted(parts, key=lambda t: t.i), tok]


def _word(tok: Any) -> str:
    if tok.pos_ == "PROPN":
        return " ".join(str(t.lower_).removesuffix("'s") for t in _name_parts(tok))
    return stem(str(tok.lemma_).lower())


def _phrase(tok: Any) -> str:
    """A noun with the words that say which one: 'local income tax', 'council tax'."""
    mods = sorted(_word(ch) for ch in _descriptors(tok))
    return " ".join([*mods, _word(tok)])


def _descriptors(tok: Any) -> list[Any]:
    """The words that describe a noun and are not part of its name: 'BBC chairman' of
    'Greg Dyke', 'nurse' of 'father'."""
    name = {t.i for t in _name_parts(tok)}
    return [ch for ch in tok.children if ch.dep_ in _MODIFIERS and ch.i not in name]


def _is_nominal(tok: Any) -> bool:
    return tok.pos_ in {"NOUN", "PROPN"}


def slots(doc: Any) -> dict[tuple[str, str], set[str]]:
    """(word, relation) -> what stands in that relation to it. A verb's doer is 'agent' and
    what it acts on 'patient', passives turned round, so a voice change moves nothing."""
    out: dict[tuple[str, str], set[str]] = {}

    def put(head: Any, rel: str, value: str) -> None:
        out.setdefault((_word(head), rel), set()).add(value)

    for t in doc:
        if t.head == t or not _is_nominal(t):
            continue
        head = t.head
        if t.dep_ == "pobj" and head.dep_ == "agent":
            put(head.head, "agent", _phrase(t))
        elif t.dep_ == "pobj" and head.dep_ == "prep" and head.head != head:
            put(head.head, f"prep:{head.lower_}", _phrase(t))
            owner = head.head
            if owner.dep_ == "dobj" and owner.head != owner:
                # 'replace X with Y': the parser hangs 'with Y' on the verb or on X
                put(owner.head, f"prep:{head.lower_}", _phrase(t))
        elif t.dep_ in {"dobj", "nsubjpass"}:
            put(head, "patient", _phrase(t))
        elif t.dep_ == "nsubj" and head.pos_ == "VERB":
            put(head, "agent", _phrase(t))
        elif t.dep_ == "nsubj" and str(head.lemma_) == "be":
            # 'Smith is the captain': who holds the description the copula gives
            for ch in head.children:
                if ch.dep_ in {"attr", "acomp"} and ch.pos_ in {"NOUN", "ADJ"}:
                    put(ch, "holder", _phrase(t))
        elif t.dep_ == "poss":
            put(head, "poss", _word(t))
        elif t.dep_ == "appos":
            put(head, "desc", _word(t))
            for ch in _descriptors(t):
                put(head, "desc", _word(ch))
        if _is_nominal(t):
            for ch in _descriptors(t):
                put(t, "desc", _word(ch))
    return out


def swap(claim: Any, passage: Any) -> str | None:
    """A description of a swap of attachments between the two texts, else None."""
    ours, theirs = slots(claim), slots(passage)
    shared = [s for s in ours if s in theirs]
    for i, s1 in enumerate(shared):
        for s2 in shared[i + 1 :]:
            if s1[1] != s2[1] and s1[0] != s2[0]:
                continue  # the same relation of two words, or two relations of one word
            # what each took from the other (the parser may leave a copy behind)
            left_1 = (ours[s1] - theirs[s1]) & theirs[s2]
            left_2 = (ours[s2] - theirs[s2]) & theirs[s1]
            if left_1 and left_2:
                a, b = sorted(left_2)[0], sorted(left_1)[0]
                return f"the claim puts {b!r} where the passage has {a!r}, and the other way round"
    return respectively_swap(claim, passage)


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


def _respectively_span(doc: Any) -> list[str]:
    """The words of the phrase 'respectively' closes, in order ('number eight and 10')."""
    word = next((t for t in doc if t.lower_ == "respectively"), None)
    if word is None or word.head == word:
        return []
    return [_word(t) for t in word.head.subtree if not (t.is_punct or t.dep_ == "cc")]


def respectively_swap(claim: Any, passage: Any) -> str | None:
    ours, theirs = _respectively_span(claim), _respectively_span(passage)
    if ours and sorted(ours) == sorted(theirs) and ours != theirs:
        return f"the claim orders {' '.join(ours)!r}, the passage {' '.join(theirs)!r}"
    for ours in _lists(claim):
        for theirs in _lists(passage):
            if sorted(ours) == sorted(theirs) and ours != theirs:
                listed, other = ", ".join(ours), ", ".join(theirs)
                return f"the claim lists {listed} respectively, the passage {other}"
    return None
