"""Key facts of a text (figures, names, places) and whether a sentence can stand on its own.

Summaries and briefings choose sentences for how many of an article's key facts they carry, not
for where they stand. A sentence that opens with a pronoun or a connective ("He added, however,
that ...", "But it ...") means nothing without the one before it, and a line with no closing
punctuation is a sub-heading or a caption: neither is ever chosen.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from retrieval.text import STOPWORDS, numbers_in, stem

# Words that, opening a sentence, point back to the sentence before it.
_LEANS_BACK = frozenset(
    """he she it they them this that these those his her its their him but however and also
    yet still meanwhile instead nevertheless nonetheless moreover furthermore besides likewise
    similarly otherwise then thus hence so therefore there both such another other others
    further later earlier here""".split()
)
# A reporting verb whose speaker is only a pronoun: '"...," he said.'
_PRONOUN_SPEAKER = re.compile(
    r"\b(he|she|they|it)\s+(said|says|added|adds|told|tells|explained|continued|argued|warned)\b",
    re.IGNORECASE,
)
# Courtesy titles name nobody: "Mr Blair" carries the fact "Blair", not "Mr".
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame"})
_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*\s*$""")
_TOKEN = re.compile(r"[^\W_][\w'’.-]*", re.UNICODE)


def is_heading(text: str) -> bool:
    """A sub-heading, caption or label: no closing punctuation, or only title-cased words."""
    text = text.strip()
    if not _SENTENCE_END.search(text):
        return True
    tokens = _TOKEN.findall(text)
    if len(tokens) < 5:
        return True
    lower = [t for t in tokens if t[0].islower()]
    return len(lower) <= len(tokens) // 5


# A sub-heading the source glued to the next sentence's start: "HOW IT ALL STARTED The first
# Academy Awards were handed out in 1929 ...". Two or more words in capitals, then a word that
# opens a sentence (a capital, then lower case).
_OPENING_CAPITALS = re.compile(r"""^\s*((?:[A-Z][A-Z'’&-]*[,:]?\s+){2,})(?=["“]?[A-Z][a-z])""")


def without_opening_heading(text: str) -> str:
    """``text`` without a sub-heading glued to its start ("HOW IT ALL STARTED The first ...").

    A run of capitals is a heading when it holds a word of three letters or more that names
    nothing ("HOW", "THE", "AND"; "IT" and "US" may be acronyms) or three or more words: "US GDP
    grew ...", "BBC Radio 4 said ...", "A US Senate committee ..." keep theirs."""
    match = _OPENING_CAPITALS.match(text)
    if match is None:
        return text
    run = [w.strip(",:") for w in match.group(1).split()]
    if len(run) < 3 and not any(len(w) > 2 and w.lower() in STOPWORDS for w in run):
        return text  # "A US Senate committee ...", "UK IT Minister ...": acronyms
    return text[match.end() :]


def leans_on_neighbour(text: str) -> bool:
    """Whether a sentence needs the one before it to make sense."""
    stripped = text.lstrip("\"'“‘(— -")
    first = _TOKEN.match(stripped)
    if first is None:
        return True
    if text.lstrip()[:1].islower() or _without_contraction(first.group()) in _LEANS_BACK:
        return True
    match = _PRONOUN_SPEAKER.search(text)
    return bool(match and not _names_before(text[: match.start()]))


# "That's why ...", "It's ...", "They're ...": the word before the contraction is what leans back.
_CONTRACTION = re.compile(r"['’](?:s|re|ll|d|ve|m)$")


def _without_contraction(token: str) -> str:
    return _CONTRACTION.sub("", token.lower().strip(".'’"))


def _names_before(text: str) -> bool:
    """Whether ``text`` holds a capitalised name that is not the quote's first word."""
    tokens = _TOKEN.findall(text)
    return any(t[0].isupper() and t.lower() not in STOPWORDS for t in tokens[1:])


# A sentence wholly inside quotation marks: '"We are totally committed to Australia."'
_WHOLE_QUOTE = re.compile(r"""^\s*["“][^"“”]*["”]\s*$""")


def is_unattributed_quote(text: str) -> bool:
    """A sentence that is all quotation, its speaker named only in a sentence before it."""
    return bool(_WHOLE_QUOTE.match(text))


_QUOTE_MARK = re.compile(r"""["“”]""")


def is_quote_fragment(text: str) -> bool:
    """Part of a quotation that runs over several sentences, whose speaker or opening is in
    another one: 'Taylor, you're my director of the year."' closes a quotation an earlier
    sentence opened, and '"You are a talent beyond compare.' opens one whose speaker comes later.
    An odd number of quotation marks tells it; a sentence that names the speaker and then
    opens the quotation ('Mr Dams said: "It's not an inflammatory film.') is whole."""
    text = text.strip()
    marks = [m.start() for m in _QUOTE_MARK.finditer(text)]
    if len(marks) % 2 == 0:
        return False
    last = marks[-1]
    opens = text[last] == "“" or (
        text[last] == '"'
        and last > 0
        and text[last - 1] in " :"
        and text[last + 1 : last + 2].isalnum()
    )
    return not (opens and last > 0)  # whole when it names the speaker, then opens the quote


def stands_alone(text: str) -> bool:
    return not is_heading(text) and not leans_on_neighbour(text)


# "he" and "she" stand for one person, "they" for people or things; "it" is left alone (it often
# stands for nothing: "it is expected that ...").
_ONE = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})
_MANY = frozenset({"they", "them", "their", "theirs", "themselves"})
_PRONOUN = re.compile(rf"\b(?:{'|'.join(sorted(_ONE | _MANY))})\b", re.IGNORECASE)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLAUSES = frozenset({"ccomp", "parataxis", "conj", "xcomp"})  # a clause, not a phrase


def pronoun_unnamed(text: str) -> bool:
    """Whether "he", "she" or "they" (or "his", "their", ...) stands for someone the sentence
    does not name: "Among the charges he faces are ...", "In 1997 and 2001 they voted Labour".

    "He" or "she" is named by a proper noun before it, or by a subject that is one person or
    thing ("The judge said she ...", "The 47-year-old, whose credits include his ..."); a plural
    subject cannot ("Prosecutors said he ..."), nor a number ("One of the songs he wrote ...").
    "They" is named by any noun before it. A pronoun in an opening phrase may also point ahead
    to the sentence's subject ("With their debut, Franz Ferdinand have ..."), but not from
    inside that subject ("his 1962 album is ..."). Parsed by the verifier's spaCy pipeline, only
    when such a pronoun occurs.
    """
    if not _PRONOUN.search(text):
        return False
    from retrieval.verifier import parse

    doc = parse(text)
    one_named = many_named = False  # someone "he"/"she" may stand for; anyone "they" may
    for token in doc:
        if token.pos_ == "PRON" and token.lower_ in _ONE | _MANY:
            one = token.lower_ in _ONE
            return not (one_named if one else many_named) and not _points_ahead(token, one)
        if token.pos_ in ("PROPN", "NOUN") or _is_subject(token):
            many_named = True
        if token.pos_ == "PROPN" or (_is_subject(token) and token.tag_ not in ("NNS", "NNPS")):
            one_named = True
    return False


def _is_subject(token: Any) -> bool:
    return token.dep_ in _SUBJECTS and token.pos_ not in ("PRON", "NUM")


def _points_ahead(pronoun: Any, one: bool) -> bool:
    """Whether ``pronoun``, in a phrase before its sentence's subject, stands for that subject.

    Not from a clause the subject says ('"He is so clean cut," said archivist Jody Norman'):
    there the speaker talks about someone else."""
    root = pronoun.sent.root
    phrase = next((a for a in pronoun.ancestors if a.head == root), None)
    if phrase is not None and phrase.dep_ in _CLAUSES:
        return False
    for subject in root.children:
        if not _is_subject(subject) or subject.i < pronoun.i:
            continue
        if pronoun in list(subject.subtree):
            continue
        if not one or subject.pos_ == "PROPN" or subject.tag_ not in ("NNS", "NNPS"):
            return True
    return False


# A verb whose "it" subject may stand for nothing when a clause follows it: "It is expected
# that ...", "It emerged on Monday that ...", "It remains to be seen whether ...".
_RAISING = frozenset("be seem appear emerge remain become look take make matter".split())
# ... and one whose passive "it" says what is reported: "It is understood that ...".
_REPORTED = frozenset(
    """say report believe think expect understand know estimate feel hope claim fear suggest
    announce confirm""".split()
)
_IT = re.compile(r"\b(?:it|its)\b", re.IGNORECASE)


def it_unnamed(text: str) -> bool:
    """Whether "it" or "its" stands for something the sentence does not name: "Last year, it
    released a major security update ...", "In September it was named album of the year", "By
    2010, it expects to nearly double sales".

    Named: a noun before it ("Time Warner said it now owns ...", a date aside), or the subject
    an opening phrase points ahead to ("During its 24-year history, the Sundance Film Festival
    has ..."). Standing for nothing: "it" before a clause ("It is expected that ...", "It
    emerged that ...", "It is understood that ..."). "It" as an object is left alone. Parsed by
    the verifier's spaCy pipeline, only when the word occurs.
    """
    if not _IT.search(text):
        return False
    from retrieval.verifier import parse

    doc = parse(text)
    for token in doc:
        if token.lower_ not in ("it", "its"):
            continue
        if any(
            t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME")
            for t in doc[: token.i]
        ):
            return False
        if _points_ahead(token, one=True):
            return False
        if token.lower_ == "its":
            return True
        return token.dep_ in _SUBJECTS and not _stands_for_nothing(token)
    return False


def _stands_for_nothing(it: Any) -> bool:
    verb = it.head
    later = [c for c in verb.children if c.i > it.i]
    if verb.lemma_ in _RAISING and (
        any(c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") for c in later)
        or any(
            c.dep_ in ("acomp", "attr") and any(g.dep_ in ("xcomp", "ccomp") for g in c.children)
            for c in later
        )
    ):
        return True
    return it.dep_ == "nsubjpass" and verb.lemma_ in _REPORTED


# "this" beside one of these names a time, not something said before: "this year", "this week".
_TIME_NOUNS = frozenset(
    """year years week weeks weekend month months season seasons summer winter spring autumn
    morning afternoon evening night time times century decade term quarter day days hour
    moment stage point""".split()
)
_DEMONSTRATIVE = re.compile(r"\b(?:this|these|those)\b", re.IGNORECASE)
_POINTS_AHEAD = frozenset({"relcl", "acl", "prep"})  # "those who ...", "those affected by ..."


def demonstrative_unnamed(text: str) -> bool:
    """Whether "this", "these" or "those" inside a sentence points back to something said before
    it: "Even the IMF admits this.", "Aside from these two films, ...", "... argued that these
    organisations need ...".

    Not a time ("this year", "this Friday"), nor a phrase the sentence goes on to say ("those
    who lost their jobs", "those affected by the floods", "the firms that ..."). A sentence
    opening with the word already leans back (``leans_on_neighbour``). Parsed by the verifier's
    spaCy pipeline, only when such a word occurs.
    """
    if not _DEMONSTRATIVE.search(text):
        return False
    from retrieval.verifier import parse

    for token in parse(text):
        if token.lower_ not in ("this", "these", "those"):
            continue
        if token.dep_ == "det":
            head = token.head
            if head.lower_ in _TIME_NOUNS or head.lemma_.lower() in _TIME_NOUNS:
                continue
            if head.pos_ == "PROPN" or any(c.dep_ in ("relcl", "acl") for c in head.children):
                continue
            return True
        if any(c.dep_ in _POINTS_AHEAD for c in token.children):
            continue
        return True
    return False


def sentence_facts(text: str) -> set[str]:
    """The figures and names a sentence carries, normalised (``num:1100``, ``name:gerasimov``)."""
    facts = {f"num:{n}" for n in numbers_in(text)}
    tokens = _TOKEN.findall(text)
    for i, token in enumerate(tokens):
        clean = token.strip(".'’-")
        if not clean or not clean[0].isupper():
            continue
        if clean.lower() in STOPWORDS or clean.lower() in _LEANS_BACK or clean in _TITLES:
            continue
        if i == 0 and not (token.endswith(("'s", "’s")) or (len(clean) > 1 and clean.isupper())):
            continue  # a sentence's first word is capitalised whatever it is
        facts.add(f"name:{stem(clean)}")
    return facts


def fact_weights(sentences: Iterable[str]) -> dict[str, float]:
    """How much each fact of an article counts: figures 1; names by how often they recur."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        counts.update(sentence_facts(sentence))
    weights = {}
    for fact, n in counts.items():
        if fact.startswith("num:"):
            weights[fact] = 1.0
        else:
            weights[fact] = 0.4 + 0.2 * min(n - 1, 3)
    return weights
