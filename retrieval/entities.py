"""The kind of named thing a factoid asks for, as the parser's entity types, and whether a
sentence holds one that the question does not already give.

"Who is the new chief executive running UK Coal?" asks for a person: a lead that names only
the company's mines ("UK Coal operates 15 deep and surface mines across Nottinghamshire,
Derbyshire ...") holds capitalised words but no person, so it does not answer; the sentence
of its article that names one ("led by new chief executive Gerry Spindler") does. The types
come from spaCy's small English pipeline (the one the verifier loads); the question's form
(``retrieval.slots``) says which types fit. Nothing here is fitted to a question's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from retrieval.slots import Slot
from retrieval.text import stem
from retrieval.verifier import parse

# Any named thing: the organisations, people, places, works and events of the news.
_NAMED = frozenset("PERSON ORG NORP GPE LOC FAC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split())
_WHO = frozenset("PERSON ORG NORP GPE".split())  # a person, or a side that acts as one
_PERSON = frozenset({"PERSON"})
_PLACE = frozenset("GPE LOC FAC ORG".split())  # "at London's Institute of Contemporary Arts"
_DATE = frozenset({"DATE"})
_FIGURE = frozenset("MONEY PERCENT CARDINAL QUANTITY".split())
_MONEY = frozenset({"MONEY"})
_PRICE_ASKED = re.compile(
    r"^\s*how much\b.*\b(?:cost|costs|pay|paid|pays|price|priced|worth|sell|sold|sells|spend|"
    r"spent|charge|charged|charges|fetch|fetched)\b",
    re.IGNORECASE,
)
_SPAN = frozenset("DATE TIME QUANTITY CARDINAL".split())  # "how long", "how old": "54 years"

# Nouns for people, as a question names the one it asks for ("the new chief executive",
# "which Home Office minister", "which striker"): agent nouns and a few titles.
_PEOPLE = frozenset(
    stem(w)
    for w in """official minister chief boss head star actor actress singer player coach
    president premier leader chancellor secretary spokesman spokeswoman judge executive
    chairman chairwoman director manager captain referee striker winner founder owner
    candidate member mp msp mep peer lord economist analyst musician writer author""".split()
)
_PHRASE_ENDS = frozenset(
    "of in at for who whom that which to from with after on by as since when".split()
)
_AGENT = re.compile(r"[a-z]{3,}(?:er|or|ist|ian)s?$")
# "Who is/was the <noun phrase> ...": the words that name the person asked for.
_WHO_IS = re.compile(
    r"^\s*who (?:is|was|are|were|will be|has been|had been|became) "
    r"(?:the|a|an|his|her|its|their) (?P<rest>.+)$",
    re.IGNORECASE,
)


def _person_noun(words: Iterable[str]) -> bool:
    """Whether the noun phrase ``words`` (up to its first stopword) names a person."""
    for word in list(words)[:4]:
        lowered = word.lower()
        if lowered in _PHRASE_ENDS or lowered.endswith(("ing", "ed")):
            return False  # "the new chief executive running UK Coal": the phrase ends
        if stem(lowered) in _PEOPLE or _AGENT.fullmatch(lowered):
            return True
    return False


def asked_types(question: str, slot: Slot | None) -> frozenset[str] | None:
    """The entity types of the thing ``question`` asks for, or None when the slot gives none
    (what happened, why, a position in an order)."""
    if slot is None:
        return None
    if slot.kind == "name":
        if slot.head is not None:
            return _PERSON if slot.head in _PEOPLE or _AGENT.fullmatch(slot.head) else _NAMED
        match = _WHO_IS.match(question)
        if match and _person_noun(re.findall(r"[\w'’-]+", match.group("rest"))):
            return _PERSON
        return _WHO if re.match(r"^\s*(?:who|whom)\b", question, re.I) else _NAMED
    if slot.kind == "place":
        return _PLACE
    if slot.kind in ("date", "day"):
        return _DATE
    if slot.kind == "number":
        if slot.span or slot.age or slot.time:
            return _SPAN | _FIGURE
        # "How much does it cost", "how much did he pay": a sum of money.
        return _MONEY if _PRICE_ASKED.search(question) else _FIGURE
    return None


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w]+", text) if len(w) > 1}


def new_entities(sentence: str, question: str, types: frozenset[str]) -> list[str]:
    """The entities of ``types`` in ``sentence`` that ``question`` does not already name (an
    entity is given when every word of it is a word of the question: "UK Coal's")."""
    return [ent.text for ent in _new_ents(sentence, question, types)]


def _new_ents(sentence: str, question: str, types: frozenset[str]) -> Iterator[Any]:
    """The parsed entities of ``types`` in ``sentence`` that ``question`` does not already name
    (:func:`new_entities`)."""
    given = _words(question)
    for ent in parse(sentence).ents:
        if ent.label_ not in types:
            continue
        words = _words(re.sub(r"['’]s\b", "", ent.text)) - {"the"}
        if words and not words <= given:
            yield ent


def verb_nouns(question: str) -> frozenset[str]:
    """The common nouns the question's main verb governs (its object, or the subject of a
    passive), as lemmas: "goal" in "who scored Rangers' second goal", "campaign" in "what was
    Lycos Europe's campaign called". A sentence that names the asked-for thing beside one of
    them ("Goals from Gregory Vignal and Nacho Novo ...") says the verb's event in other words."""
    doc = parse(question)
    roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    nouns = set()
    for root in roots:
        for child in root.children:
            if child.dep_ in ("dobj", "nsubjpass", "nsubj") and child.pos_ == "NOUN":
                nouns.add(child.lemma_.lower())
    return frozenset(nouns)


def holds_noun(sentence: str, nouns: frozenset[str]) -> bool:
    """Whether ``sentence`` has one of ``nouns`` as a noun (any number: "goals" for "goal")."""
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in nouns for t in parse(sentence))


_WH_THING = re.compile(r"^\s*(?:which|what)\s", re.IGNORECASE)
_WHO_THE = re.compile(
    r"^\s*who (?:is|was|are|were|will be|has been|had been|became) (?:the|a|an)\s", re.I
)


def asked_phrase(question: str) -> list[str]:
    """The words that name the kind of thing asked for, as the question writes them: "Green
    MSP" in "which Green MSP is worried", "household products group" in "which household
    products group was seen", "new chief executive" in "who is the new chief executive
    running ..."; the words up to the question's first verb, preposition or clause."""
    match = _WH_THING.match(question) or _WHO_THE.match(question)
    if not match:
        return []
    words: list[str] = []
    for tok in parse(question[match.end() :]):
        if tok.pos_ in ("VERB", "AUX", "ADP", "PRON", "SCONJ", "PUNCT", "PART", "CCONJ"):
            break
        if tok.pos_ == "DET":
            if words:
                break
            continue
        words.append(tok.text)
    return words


def names_beside_phrase(sentence: str, question: str, phrase: list[str]) -> bool:
    """Whether ``sentence`` writes ``phrase`` (of two words or more) with a name the question
    does not give just after it: "Green MSP Mark Ballard", "household products group Reckitt
    Benckiser", "new chief executive Gerry Spindler"."""
    if len(phrase) < 2:
        return False
    head = re.escape(phrase[-1].rstrip("s"))
    pattern = (
        r"\b"
        + r"\s+".join(re.escape(w) for w in phrase[:-1])
        + r"\s+"
        + head
        + r"[\w'’]*,?\s+(?P<name>(?:[A-Z][\w'’.&-]*\s?)+)"
    )
    given = _words(question)
    for match in re.finditer(pattern, sentence, re.IGNORECASE):
        name = match.group("name")
        if not name[:1].isupper():
            continue
        if not _words(name) <= given:
            return True
    return False


NAMED_TYPES = _NAMED


def class_noun(question: str) -> str | None:
    """The lemma of the common noun "what/which <noun>" names as the class of the thing asked
    ("illness" in "what illness did he die after", "composition" in "what is the lost Bach
    composition that ..."), or None."""
    phrase = asked_phrase(question)
    if not phrase:
        match = re.match(r"^\s*what (?:is|was) (?:the|a|an) ", question, re.I)
        if not match:
            return None
        phrase = []
        for tok in parse(question[match.end() :]):
            if tok.pos_ in ("VERB", "AUX", "ADP", "PRON", "SCONJ", "PUNCT", "DET"):
                break
            phrase.append(tok.text)
    if not phrase:
        return None
    last = parse(" ".join(phrase))[-1]
    if last.pos_ != "NOUN" or not last.text.islower():
        return None
    return str(last.lemma_).lower()


def _as_object(token: Any) -> list[Any]:
    """The noun of ``token`` when it is the preposition of an "as" phrase ("as chief executive")."""
    if token.dep_ == "prep" and token.lower_ == "as":
        return [t for t in token.children if t.dep_ == "pobj"]
    return []


def _naming_words(ent: Any) -> list[Any]:
    """The entity's own words and the nouns that say what it is: its compound and appositive
    nouns ("singer Bobby Darin", "new chief executive Gerry Spindler", "the radius, a large
    bone", "MTN - the South African firm") or the noun it stands in apposition to; the noun of
    an "as" phrase ("appointed X as its new chief executive"), the object predicate of its verb
    ("X was named chief executive") and the definite predicate noun of "X is the new chief
    executive".
    Not a noun it only modifies ("Chelsea officials") nor one it is linked to by another
    preposition."""
    root = ent.root
    inside = range(ent.start, ent.end)
    near = list(ent)
    if root.dep_ == "appos" and root.head.i not in inside:
        near.append(root.head)
    for child in root.children:
        if child.dep_ in ("compound", "appos") and child.i not in inside:
            near.append(child)  # (not a word of that noun's own: "media" of "media manager")
        else:
            near.extend(_as_object(child))  # "X as chief executive"
    head = root.head
    if root.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        # "appointed X as its new chief executive", "X was named chief executive"
        for child in head.children:
            if child.dep_ == "oprd" and child.i not in inside:
                near.append(child)
            else:
                near.extend(_as_object(child))
    if root.dep_ == "nsubj" and head.lemma_ == "be":
        # "X is the new chief executive" (the definite noun identifies; "Goldeneye was a
        # wonderful movie" only describes)
        near.extend(
            t
            for t in head.children
            if t.dep_ == "attr"
            and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in t.children)
        )
    return near


def names_a_person(noun: str) -> bool:
    """Whether the class noun ``noun`` is one of people ("crooner", "executive", "official")."""
    return _person_noun([noun])


def class_entities(sentence: str, question: str, types: frozenset[str], noun: str) -> list[str]:
    """The new entities of ``types`` in ``sentence`` (as :func:`new_entities`) that the sentence
    itself names as things of the class ``noun`` the question asks for, or of one of like
    meaning: "singer Bobby Darin" for "which crooner", "the Xiluodu Dam" for "which dam",
    "led by new chief executive Gerry Spindler" for "who is the new chief executive". Any
    other name of the sentence may be of another class ("Hollywood stars Kevin Spacey and Kate
    Bosworth" for "which crooner is the film about")."""
    from retrieval.wordnet import near_sense

    asked = _words(question)
    found = []
    for ent in _new_ents(sentence, question, types):
        for tok in _naming_words(ent):
            lemma = str(tok.lemma_).lower()
            if not tok.is_alpha or _no_longer(tok, asked):
                continue
            if lemma == noun or (tok.pos_ == "NOUN" and near_sense(lemma, noun, "n")):
                found.append(ent.text)
                break
    return found


# Modifiers by which a naming noun says its holder was, not is, of the class: "former chief
# executive Richard Budge" is not the chief executive asked for (general English).
_NO_LONGER = frozenset({"former", "ex", "outgoing", "previous", "late"})


def _no_longer(tok: Any, asked: set[str]) -> bool:
    """Whether the naming noun ``tok`` is modified by a word of :data:`_NO_LONGER` that the
    question (its words ``asked``) does not use: "former chief executive" does not name the
    holder as a chief executive for "who is the new chief executive", but does for "who was
    the former chief executive"."""
    return any(
        child.dep_ in ("amod", "compound", "advmod")
        and child.lower_ in _NO_LONGER
        and child.lower_ not in asked
        for child in tok.children
    )


def asked_class(question: str) -> str | None:
    """The lemma of the noun that names the class of the thing asked for: the noun "which" or
    "what" determines ("executive" in "which Marsh & McLennan executive pleaded guilty"), else
    the last word of the question's phrase for it when that is a common noun ("crooner" in
    "which 1950s crooner", "executive" in "who is the new chief executive ..."); None for a
    bare "who", "where", "when"."""
    doc = parse(question)
    for tok in doc:
        if (
            tok.lower_ in ("which", "what")
            and tok.dep_ == "det"
            and tok.head.pos_ == "NOUN"
            and tok.head.is_alpha
        ):
            return str(tok.head.lemma_).lower()
    phrase = asked_phrase(question)
    if phrase and phrase[-1].isalpha() and phrase[-1].islower():
        last = parse(" ".join(phrase))[-1]
        if last.pos_ == "NOUN":
            return str(last.lemma_).lower()
    return None


_SUBJECT = frozenset({"nsubj", "nsubjpass"})


def names_one_asked(sentence: str, question: str, types: frozenset[str]) -> bool:
    """Whether ``sentence`` names a thing of ``types`` that ``question`` does not give where a
    sentence names who or what it is about: as the subject of a verb ("Patricia Hewitt said",
    "games firm Lateral Visions saw a gap"), in apposition ("Aishwarya Rai, star of Bride and
    Prejudice, is ...") or as the agent of a passive ("is being brought by ...").

    A sentence that restates the question with a title in place of the name ("The Trade and
    Industry Secretary has said she wants ...") names no one so. A proper noun the parser puts
    in no entity counts when a noun stands in apposition to it (the parser misses many names:
    "Aishwarya Rai")."""
    given = _words(question)
    doc = parse(sentence)
    ent_of = {t.i: ent for ent in doc.ents for t in ent}
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.lower_ in given:
            continue
        place = tok  # the head of the name's own words ("Jack" -> "Straw")
        while place.dep_ in ("compound", "flat") and place.head.pos_ == "PROPN":
            place = place.head
        described = any(c.dep_ == "appos" for c in place.children)
        agent = place.dep_ == "pobj" and place.head.dep_ == "agent"
        if not (place.dep_ in _SUBJECT or place.dep_ == "appos" or described or agent):
            continue
        ent = ent_of.get(place.i)
        if ent is not None and ent.label_ in types:
            return True
        if ent is None and described:
            return True
    return False
