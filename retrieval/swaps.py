"""Two phrases that traded places in otherwise the same words: a role swap told by the words.

The parse-based role tests (``verifier``'s subject/object test, ``attachments``) read who did what
to whom from the dependency parse, and the small parser often misreads a sentence with names in
it ("Rapper The Game", "Wasps" as a verb, a title compounded on a name). When the claim is the
passage's own wording with two phrases exchanged ("his protege 50 Cent" / "his protege The Game",
"downloaded singles have overtaken physical singles" turned round), the words alone tell it: line
the two word sequences up, and look for two stretches of the claim that each stand where the
other stands in the passage, with everything else the same or left out. A paraphrase that moves
one phrase (a fronted date, "X said" moved to the end) moves it one way, which is no exchange;
trading the two items of one "A and B" changes nothing, so whole conjuncts of one coordination
are not a swap, nor are the two sides of "A is B".
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from retrieval.lexicon import PRONOUN_BASE

_CONTENT = {"NOUN", "PROPN", "NUM", "ADJ", "PRON"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_PARTICIPLES = {"VBN", "VBG"}  # 'downloaded singles'


def _words(doc: Any) -> list[Any]:
    """The tokens compared: no punctuation, no possessive ending, no article."""
    return [
        t for t in doc if not t.is_punct and t.tag_ != "POS" and t.lower_ not in {"the", "a", "an"}
    ]


def _form(tok: Any) -> str:
    low = str(tok.lower_)
    return PRONOUN_BASE.get(low, low).removesuffix("'s")


def _head(span: list[Any]) -> Any:
    """The token of a stretch whose head lies outside it (the first such, by position)."""
    ids = {t.i for t in span}
    return next((t for t in span if t.head.i not in ids or t.head == t), span[0])


def _conjuncts(a: Any, b: Any) -> bool:
    """Whether ``a`` and ``b`` are items of one coordination ('A and B', 'A, B and C')."""

    def first(t: Any) -> Any:
        while t.dep_ == "conj" and t.head != t:
            t = t.head
        return t

    return (a.dep_ == "conj" or b.dep_ == "conj") and first(a) == first(b)


def _whole(span: list[Any]) -> bool:
    """Whether a stretch is the whole of the conjunct it heads (not a name inside it, which
    leaves its title behind: 'provider Skype and firm Broadreach' with the names traded)."""
    head = _head(span)
    own = {t.i for t in _words(head.doc)}
    inside: set[int] = set()
    stack = [head]
    while stack:
        t = stack.pop()
        inside.add(t.i)
        stack.extend(ch for ch in t.children if ch.dep_ not in {"conj", "cc"})
    return inside & own == {t.i for t in span}


def _nominal(span: list[Any]) -> bool:
    """A stretch that names a thing (a noun phrase, a describing word, a title), not a clause
    or a phrase of place or time ('in 2004'). Read from the words' tags, not the parse's tree,
    which the small parser often gets wrong around names ('Chelsea defender' read as a verb)."""
    if span[0].pos_ in {"ADP", "SCONJ", "CCONJ", "PART"}:
        return False
    # a verb in a title ('You Don't Know My Name') is capitalised
    clause = any(t.tag_ in _FINITE and t.is_lower and not t.ent_type_ for t in span)
    return not clause and any(t.pos_ in _CONTENT or t.tag_ in _PARTICIPLES for t in span)


def exchanged(claim: Any, passage: Any) -> tuple[str, str] | None:
    """The two phrases the claim exchanges against the passage's same wording, else None."""
    ours, theirs = _words(claim), _words(passage)
    a = [_form(t) for t in ours]
    b = [_form(t) for t in theirs]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    # Each stretch between two differences is a candidate: it must read A x B in the claim and
    # B x A in the passage. Outside it, the passage may say more; the claim may not.
    for n, (_, i1, _, j1, _) in enumerate(ops):
        for _, _, i2, _, j2 in ops[n:]:
            outside = ops[:n] + [op for op in ops if op[1] >= i2 and op[3] >= j2]
            if any(op[0] != "insert" for op in outside):
                continue
            found = _split(a[i1:i2], b[j1:j2])
            if found is None:
                continue
            first = ours[i1 : i1 + found[0]]
            second = ours[i2 - found[1] : i2]
            if not (_nominal(first) and _nominal(second)):
                continue
            between = ours[i1 + found[0] : i2 - found[1]]
            if all(t.pos_ == "CCONJ" or t.lemma_ == "be" for t in between) or (
                _conjuncts(_head(first), _head(second)) and _whole(first) and _whole(second)
            ):
                continue  # 'Skype and Broadreach' / 'Broadreach and Skype'; 'A is B' / 'B is A'
            return " ".join(t.text for t in first), " ".join(t.text for t in second)
    return None


def _split(a: list[str], b: list[str]) -> tuple[int, int] | None:
    """Lengths (of A, of B) when ``a`` reads A x B and ``b`` reads B x A, x not empty."""
    if len(a) != len(b) or a == b or sorted(a) != sorted(b):
        return None
    n = len(a)
    for la in range(1, n - 1):
        if a[:la] != b[n - la :]:
            continue
        for lb in range(1, n - la):
            A, x, B = a[:la], a[la : n - lb], a[n - lb :]
            if A != B and b == B + x + A:
                return la, lb
    return None
