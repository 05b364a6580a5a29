"""Frames a claim may not drop: what someone says, thinks, hopes or is credited with.

A passage often holds a statement inside a frame: "many people thought computer gaming was a
fad", "Stuart is confident that the club has a bright future", "there are suggestions he is set
to announce ...", "Collins is hoping for a better result". A claim that keeps the statement and
drops the frame states as fact what the passage only reports. The frames are found by the parse
and WordNet rather than by a word list fitted to seen pairs:

- a verb whose most frequent WordNet sense is one of saying or thinking (verb.communication,
  verb.cognition), or one of the lexicon's reporting or hedging verbs;
- a noun derived from such a verb ("suggestions", "claims", "rumours") with a clause of its own;
- an adjective with a clause as its complement ("confident that", "virtually certain ...");
- a passive verb of regarding with an "as" phrase and no agent ("is seen as", "is regarded as").

A statement is inside a frame when the path from it up to the frame enters the frame by a
complement (a clause, an infinitive, a prepositional object: "hoping for X", "credited with
helping"). The claim keeps a frame when it has a frame of its own with the same word, a synonym,
or the same source ("According to BT" for "BT said").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from retrieval import lexicon as lx
from retrieval import wordnet
from retrieval.text import stem

# the edge by which a statement enters the frame that holds it
_INTO_FRAME = {"ccomp", "xcomp", "pcomp", "prep", "acl", "relcl", "parataxis"}
_INTO_NOUN_FRAME = {"acl", "relcl", "ccomp"}
_MAX_DEPTH = 8
_PRONOUNS = frozenset("he she it they we i you this that who".split())


@lru_cache(maxsize=1)
def _saying_stems() -> frozenset[str]:
    words = wordnet._saying() | lx.REPORTING_VERBS
    return frozenset(stem(w) for w in words if " " not in w and len(w) >= 4)


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _frame_verb(tok: Any) -> bool:
    lemma = _lemma(tok)
    word_stem = stem(str(tok.lower_))
    if lemma in lx.NEGATIVE_IMPLICATIVES or word_stem in _stems(lx.NEGATIVE_IMPLICATIVES):
        return False  # 'refused to commit': a negation, which the polarity tests compare
    return (
        lemma in lx.REPORTING_VERBS
        or lemma in lx.HEDGE_VERBS
        or wordnet.is_saying_verb(lemma)
        or word_stem in _stems(lx.HEDGE_VERBS)
    )


@lru_cache(maxsize=8)
def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in words)


def is_frame(tok: Any, entered_by: str | None = None) -> bool:
    """Whether ``tok`` frames what hangs off it as someone's statement, thought or hope.
    ``entered_by`` is the dependency of the child through which a statement reaches it (None:
    any, for the claim's own frames)."""
    if tok.lower_ == "according":
        return True
    if tok.pos_ in {"VERB", "AUX"}:
        if entered_by is not None and entered_by not in _INTO_FRAME:
            return False
        if entered_by == "prep" and not (_regarding_as(tok) or _hedge_verb(tok)):
            return False  # 'speaking to the BBC': the addressee, not what is said
        if entered_by == "xcomp" and not (
            _hedge_verb(tok)
            or any(ch.dep_ == "auxpass" for ch in tok.children)
            # 'claims to represent', 'claiming to have been': a statement of one's own (a
            # participle, 'men believed to be', is a hedge, read by the hedge tests)
            or (_lemma(tok) in lx.REPORTING_VERBS and tok.tag_ != "VBN")
        ):
            return False  # 'decided to act': a deed to come, not a statement ('is said to': one)
        if _regarding_as(tok):
            return True
        if not _frame_verb(tok):
            return False
        if _lemma(tok) in lx.REPORTING_VERBS or _hedge_verb(tok):
            return True  # the lexicon's verbs of saying and hoping frame whoever says them
        # a verb that frames by its WordNet sense alone ('agreed that', 'decided to') frames
        # only when someone holds the thought: 'ensure', 'mean', 'focus' with a thing or no one
        # as subject tell what a thing does or is for ('which has meant that X')
        return has_framer(tok, entered_by)
    if tok.pos_ == "NOUN":
        if entered_by is not None and entered_by not in _INTO_NOUN_FRAME:
            return False
        return stem(str(tok.lower_)) in _saying_stems() and any(
            ch.dep_ in _INTO_NOUN_FRAME
            and ch.pos_ in {"VERB", "AUX"}
            and any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in ch.children)
            for ch in tok.children
        )  # 'suggestions he is set to', 'a claim that he was paid'; not 'plans aimed at'

    if tok.pos_ == "ADJ":
        if _lemma(tok) in lx.HEDGE_ADJECTIVES:
            return entered_by in {None, "xcomp", "ccomp", "prep"}
        return (
            entered_by in {None, "ccomp"}
            and any(ch.dep_ == "ccomp" for ch in tok.children)
            and _has_subject(tok)
            # 'so mad with his laptop that he threw it': what came of it, not what he thought
            and not any(ch.dep_ == "advmod" and ch.lower_ in {"so", "too"} for ch in tok.children)
        )
    return False


_THING_PRONOUNS = frozenset("it which that this these those what".split())
_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _can_speak(tok: Any) -> bool:
    """Whether ``tok``, a subject or an agent, names someone who can say or think something: a
    person, a body or a name, not a thing ('it', 'which' of 'the tuners, which means')."""
    if tok.lower_ in _THING_PRONOUNS:
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.dep_ == "relcl":
            head = tok.head.head  # 'the firm, which said': the relative's own noun
            # 'which' is never said of a person: a name or a body may still speak
            if head.pos_ == "PROPN" or head.ent_type_ in _SPEAKER_ENTITIES:
                return True
            return _relative_of(tok.head, head) and _can_speak(head)
        if tok.lower_ == "it":
            # 'The Alliance says it expects': the subject before it; with none in the sentence,
            # whoever an earlier sentence named ('It said profits rose')
            before = [
                t for t in tok.doc[: tok.i] if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ != "PRON"
            ]
            return not before or _can_speak(before[-1])
        return False
    if tok.pos_ == "PRON":
        return True  # he, she, they, we, who
    if tok.pos_ == "PROPN" or tok.ent_type_ in _SPEAKER_ENTITIES:
        return True
    # a person, a body or a document ('analysts', 'the court', 'the report'), not a thing
    return tok.pos_ == "NOUN" and wordnet.can_speak(_lemma(tok))


def _relative_of(verb: Any, noun: Any) -> bool:
    """Whether the relative clause of ``verb`` is said of ``noun`` rather than of the whole
    clause before it ('the tuners, which means viewers can': what having them means): its verb
    agrees with the noun in number ('the committee, which suspects'; not 'tuners ... means').
    Where the verb shows no number ('suspected'), the noun must stand before the word it hangs
    off, the relative breaking into its clause ('The committee, which suspected that ...,
    met'), not ending it."""
    if noun.tag_ not in {"NN", "NNS"} or noun.lower_ in _THING_PRONOUNS:
        return False
    if verb.tag_ in {"VBZ", "VBP"}:
        return (verb.tag_ == "VBZ") == (noun.tag_ == "NN")
    auxiliaries = [ch for ch in verb.children if ch.tag_ in {"VBZ", "VBP"}]
    if auxiliaries:  # 'which has said', 'which are thought'
        return (auxiliaries[0].tag_ == "VBZ") == (noun.tag_ == "NN")
    return noun.head is not noun and noun.i < noun.head.i


def has_framer(verb: Any, entered_by: str | None) -> bool:
    """Whether ``verb`` has someone who says or thinks what it frames: its subject or agent (a
    verb with none takes the one of the verb it hangs off: 'saying X' is the subject's), or,
    passive with no agent, anyone."""
    cur = verb
    for _ in range(3):
        kids = list(cur.children)
        agent = next((ch for ch in kids if ch.dep_ == "agent"), None)
        if agent is not None:
            return any(_can_speak(t) for t in agent.children if t.dep_ == "pobj")
        subject = next((ch for ch in kids if ch.dep_ == "nsubj"), None)
        if subject is not None:
            return _can_speak(subject)
        if any(ch.dep_ in {"nsubjpass", "auxpass"} for ch in kids):
            if cur is not verb:
                return False
            if entered_by in {None, "ccomp", "xcomp"}:
                return True  # 'it is understood that', 'he is thought to': anyone's
            # by a phrase: what is held of a person ('he is credited with helping'), not how a
            # thing is ('the revolution is focused on letting people ...')
            patient = next((ch for ch in kids if ch.dep_ == "nsubjpass"), None)
            return patient is not None and _can_speak(patient)
        if cur.dep_ in {"advcl", "xcomp", "conj", "ccomp"} and cur.head is not cur:
            cur = cur.head  # 'saying that', 'agreed and decided that': the head's subject
            continue
        if cur.dep_ == "pcomp" and cur.head.head.pos_ in {"VERB", "AUX"}:
            cur = cur.head.head  # 'by agreeing that': the verb the phrase hangs off
            continue
        return False  # 'a responsibility to ensure', 'part of trying to': no one's thought
    return False


def _hedge_verb(tok: Any) -> bool:
    return _lemma(tok) in lx.HEDGE_VERBS or stem(str(tok.lower_)) in _stems(lx.HEDGE_VERBS)


def _has_subject(adjective: Any) -> bool:
    """'Stuart is confident that', 'it was certain': someone or 'it' holds the attitude (not
    'Central to the problem was that ...')."""
    holder = adjective.head if adjective.dep_ in {"acomp", "attr"} else adjective
    return any(ch.dep_ in {"nsubj", "expl"} for ch in holder.children)


def _copular_frame(head: Any) -> Any | None:
    """'it was virtually certain [that] X': the adjective a copula's clause hangs off."""
    if _lemma(head) != "be" or not any(ch.dep_ in {"nsubj", "expl"} for ch in head.children):
        return None
    return next(
        (
            ch
            for ch in head.children
            # 'acomp'; the small parser reads 'all but certain' as 'dep' or 'conj'
            if ch.dep_ in {"acomp", "dep", "conj"}
            and ch.pos_ == "ADJ"
            and ch.lower_ not in {"clear", "true"}
        ),
        None,
    )


def _parenthetical(tok: Any) -> Any | None:
    """'Now, he said, the gaming world rivals ...': a verb of saying with its speaker set into
    the clause it reports."""
    return next(
        (
            ch
            for ch in tok.children
            if ch.dep_ == "parataxis"
            and ch.pos_ == "VERB"
            and _frame_verb(ch)
            and any(g.dep_ in {"nsubj", "nsubjpass"} for g in ch.children)
            and not any(g.dep_ in {"ccomp", "xcomp", "dobj"} for g in ch.children)
        ),
        None,
    )


def _regarding_as(tok: Any) -> bool:
    """'is seen as', 'is regarded as': a passive verb with an 'as' phrase and no agent."""
    kids = list(tok.children)
    return (
        tok.pos_ == "VERB"
        and any(ch.dep_ == "auxpass" for ch in kids)
        and any(ch.dep_ == "prep" and ch.lower_ == "as" for ch in kids)
        and not any(ch.dep_ == "agent" for ch in kids)
    )


def frames_over(tok: Any) -> list[Any]:
    """The passage frames that hold ``tok``, nearest first."""
    out: list[Any] = []
    cur = tok
    for _ in range(_MAX_DEPTH):
        if out and cur.dep_ in {"advcl", "conj"}:
            break  # past a speaker's own frame, another clause's frame is not this one's
        aside = _parenthetical(cur)
        if aside is not None and aside not in out:
            out.append(aside)
        if cur.head == cur:
            break
        edge = cur.dep_
        head = cur.head
        if edge in {"nsubj", "nsubjpass", "csubj"} and cur is tok:
            break  # the frame's own speaker is not inside it
        if edge == "prep" and any(
            ch.dep_ == "pcomp" and ch.pos_ in {"VERB", "AUX"} for ch in cur.children
        ):
            edge = "pcomp"  # 'credited with helping to create': a clause behind the preposition
            # (not 'compared to a year ago': no clause, no statement)
        if is_frame(head, edge):
            out.append(head)
        elif edge == "ccomp" and (adjective := _copular_frame(head)) is not None:
            out.append(adjective)
        cur = head
    return out


def _source(frame: Any) -> set[str]:
    """The content words of who says or thinks it: the subject, the agent, 'according to X'."""
    words: set[str] = set()
    heads = [frame]
    if frame.dep_ in {"acomp", "attr"}:
        heads.append(frame.head)  # 'Stuart is confident that': the copula holds the subject
    if (
        frame.dep_ in {"advcl", "xcomp", "conj"}
        and frame.head is not frame
        and not any(ch.dep_ in {"nsubj", "nsubjpass", "agent"} for ch in frame.children)
    ):
        heads.append(frame.head)  # 'Smith quit, claiming that': the subject of 'quit'
    if frame.dep_ == "acl" and frame.head.pos_ in {"NOUN", "PROPN"}:
        # 'the director, claiming that' (or 'The director left, claiming', misparsed so): the
        # noun it is said of
        for t in (frame.head, *(ch for ch in frame.head.children if ch.dep_ == "compound")):
            if t.lower_ not in _PRONOUNS:
                words.add(stem(str(t.lower_)))
    for head in heads:
        for ch in head.children:
            if ch.dep_ in {"nsubj", "nsubjpass", "agent"}:
                for t in ch.subtree:
                    if t.pos_ in {"NOUN", "PROPN"} and t.lower_ not in _PRONOUNS:
                        words.add(stem(str(t.lower_)))
    if frame.lower_ == "according":
        # its subtree, and the words after 'according to' up to the next punctuation
        for t in [*frame.subtree, *after_according(frame)]:
            if t.pos_ in {"NOUN", "PROPN"}:
                words.add(stem(str(t.lower_)))
    return words


def after_according(tok: Any) -> Any:
    """The source 'according to' names: the words after 'to' up to the next punctuation or
    the end, by the words' order rather than the parse, which often hangs the clause's own
    subject off the source ('According to Swiss Re, a run of storms ...' as one phrase) or the
    source off the clause ('According to market analyst Datamonitor, UK children ...': the
    name the subject of 'had')."""
    doc = tok.doc
    start = tok.i + 2 if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to" else tok.i + 1
    end = start
    while end < len(doc) and not doc[end].is_punct:
        end += 1
    return doc[start:end]


def _same_frame_word(a: Any, b: Any) -> bool:
    if _lemma(a) == _lemma(b) or stem(str(a.lower_)) == stem(str(b.lower_)):
        return True
    sa, sb = stem(str(a.lower_)), stem(str(b.lower_))
    short = min(len(sa), len(sb))
    if short >= 5 and sa[: short - 1] == sb[: short - 1]:
        return True  # a derivation of one root: 'suggested' / 'suggestion'
    # a WordNet synonym: 'forecast' / 'predicted', 'unsure' / 'uncertain'
    if a.pos_ == b.pos_ and a.pos_ in {"VERB", "ADJ"} and wordnet.similar(_lemma(a), _lemma(b)):
        return True
    # a verb of saying a step from the other in WordNet: 'pledged' is a way to 'promise'
    return (
        a.pos_ == b.pos_ == "VERB"
        and wordnet.is_saying_verb(_lemma(a))
        and wordnet.is_saying_verb(_lemma(b))
        and wordnet.near_sense(_lemma(a), _lemma(b), "v")
    )


def _named_source(frame: Any) -> set[str]:
    return {
        stem(str(t.lower_))
        for ch in frame.children
        if ch.dep_ in {"nsubj", "agent"}
        for t in ch.subtree
        if t.pos_ == "PROPN"
    }


def _other_speaker(frame: Any, other: Any) -> bool:
    """Whether two verbs of saying name two different speakers ('The Tories say' / 'Labour
    says'); a hope or an expectation has no speaker ('are expected to', 'is set to')."""
    if frame.pos_ != "VERB" or other.pos_ != "VERB" or _hedge_verb(frame):
        return False
    ours, theirs = _named_source(frame), _named_source(other)
    if ours and theirs and not ours & theirs:
        return True
    # the claim's speaker is the speaker of another frame of the passage, not of this one
    speaker, own = _source(other), _source(frame)
    if not speaker or not own or speaker & own:
        return False  # a pronoun ('It said') may be anyone the passage names
    return any(
        q.i != frame.i and q.pos_ == "VERB" and is_frame(q) and speaker & _source(q)
        for q in frame.doc
    )


def kept(frame: Any, claim: Any) -> bool:
    """Whether the claim keeps the passage frame ``frame``: a frame of its own with the same
    word, a synonym, or the same source."""
    source = _source(frame)
    passage_words = {_lemma(p) for p in frame.doc if p.i != frame.i}
    for t in claim:
        if (
            t.pos_ in {"VERB", "NOUN", "ADJ", "AUX"}
            and _same_frame_word(t, frame)
            # a word the passage has elsewhere as written is that word, not this frame's
            # synonym ('taken to hospital after claiming to': 'claim' a life is 'take' it)
            and (_lemma(t) == _lemma(frame) or _lemma(t) not in passage_words)
        ):
            if _other_speaker(frame, t):
                continue  # 'Labour says' does not keep 'The Tories say'
            return True  # the claim keeps the frame's own word ('agreed to allow')
        if not is_frame(t):
            continue
        if source and source & _source(t):
            return True
    return False


def dropped_frames(claim: Any, passage: Any, matched: dict[int, list[Any]]) -> list[Any]:
    """Passage frames around what the claim says that the claim does not keep: the frame holds
    at least two of the claim's matched words."""
    held: dict[int, int] = {}
    frames: dict[int, Any] = {}
    for found in matched.values():
        p = found[0]
        for f in frames_over(p):
            held[f.i] = held.get(f.i, 0) + 1
            frames[f.i] = f
    out = []
    for i, n in held.items():
        frame = frames[i]
        if n >= 2 and not kept(frame, claim):
            out.append(frame)
    return out


def kind_of(frame: Any) -> str:
    """'hedge' for a frame of hoping, expecting or likelihood; 'attribution' otherwise."""
    if _lemma(frame) in lx.HEDGE_VERBS | lx.HEDGE_ADJECTIVES or stem(str(frame.lower_)) in _stems(
        lx.HEDGE_VERBS
    ):
        return "hedge"
    if frame.pos_ == "ADJ" or _regarding_as(frame):
        return "hedge"
    return "attribution"


def keeps_a_frame(claim: Any, passage: Any) -> bool:
    """Whether the claim has the word of the frame the passage puts around its whole sentence
    ('agreed that ...', 'it was virtually certain that ...')."""
    words = set()
    for root in (t for t in passage if t.dep_ == "ROOT"):
        if root.pos_ == "VERB" and is_frame(root) and _lemma(root) not in lx.REPORTING_VERBS:
            words.add(_lemma(root))  # 'said' is compared with its speaker by the verifier
        if (
            any(ch.dep_ == "ccomp" for ch in root.children)
            and (adjective := _copular_frame(root)) is not None
        ):
            words.add(_lemma(adjective))
    return bool(words) and any(
        t.pos_ in {"VERB", "ADJ", "NOUN"} and _lemma(t) in words for t in claim
    )
