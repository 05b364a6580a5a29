"""What a question asks for (its slot) and whether a sentence holds it.

A question asks for one kind of thing: a figure ("how much", "at what value"), a date ("when"),
a day ("on what date"), a place ("where"), a place in an order ("where did X finish") or a name
("who", "which company", "what is the name"). A sentence answers it only if it holds a thing of
that kind that the question does not already give. A news lead often restates the question with
the asked-for thing left out ("a Home Office minister has said", "a Dublin school complained"):
the head noun stands there with no name beside it, so the lead does not fill the slot, and the
name is in another sentence.

Everything here is the question's grammar and the sentence's form (capitalised runs, figures,
dates); nothing is fitted to a set of questions.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal

from retrieval import lexicon as lx
from retrieval import wordnet
from retrieval.grounding import (
    hands_on,
    has_date,
    predicate_found,
    predicate_term,
    quantities_in,
)
from retrieval.text import STOPWORDS, content_terms, normalise_number, split_sentences, stem

SlotKind = Literal["number", "date", "day", "place", "name", "position"]

_NUMBER = re.compile(
    r"\bhow (much|many|long|far|big|large|old|often|fast|quickly|high|tall|deep|heavy|wide)\b|"
    r"\bwhat (?:(?:is|was|are|were) (?:the |its |their |[\w'’-]+['’]s )?)?(?:[a-z]+ )?"
    r"(percentage|proportion|share|number|amount|price|figure|rate|value|sum|fee|salary|cost|"
    r"total|size|score|scoreline|age)\b|"
    r"\bby how\b|\bin what time\b|"
    r"\bat what (value|price|cost|rate|age)\b|"
    # "What was its takeover of Aggregate Industries worth?": what a thing is worth, a sum.
    r"^\s*what (?:is|was|are|were|will be|would be)\b.+\bworth\s*\??\s*$",
    re.IGNORECASE,
)
# "What profit did X post", "what was Nestle's revenue in 2005", "what is the biggest fine X
# faces", "what was the winning bid": "what" and a noun of a sum of money, with no verb between
# them, ask for a figure as "how much" does. (Not "what did the figures show for retail sales":
# there "what" is the verb's object.)
_SUM_NOUNS = (
    r"(?:profits?|loss(?:es)?|revenues?|turnover|sales|earnings|income|deficit|surplus|debts?|"
    r"fines?|damages|payout|bid|investment|funding|budget|price|dividends?|bonus|compensation|"
    r"takings|salary|wages?|fee|cost|bill|award)"
)
# A sum as the news gives one: a currency before its figure ("£30m", "$1.13bn", "US$5") or a
# currency's name after it ("70m euros", "500 yen").
_MONEY_TOLD = re.compile(
    r"[£$€¥]\s?\d|\b(?:US|A|C|HK|NZ)\$\s?\d|\b\d[\d.,]*\s?(?:m|bn|k|million|billion|thousand)?\s?"
    r"(?:euros?|dollars?|pounds?|yen|yuan|rupees?|roubles?|rubles?|francs?|krona|kronor|pence|p)\b",
    re.IGNORECASE,
)
_SUM_ASKED = re.compile(
    r"^\s*what\s+(?:(?:is|was|are|were)\s+)?(?P<between>(?:[\w'’&.-]+\s+){0,6}?)"
    + _SUM_NOUNS
    + r"\b",
    re.IGNORECASE,
)
# "How much money", "how much EU funding", "how much in damages": a sum of money asked by its
# noun after "how much" (any sum will do: "how much money" is seldom told with "money"); not "by
# how much", a change, nor "how much did X bid", where the noun is the verb.
_HOW_MUCH_SUM = re.compile(
    r"^(?!.*\bby how much\b).*\bhow much\s+(?:(?!(?:did|does|do|has|have|had|is|was|are|were|"
    r"will|would|can|could)\b)[\w'’-]+\s+){0,2}?(?:money|" + _SUM_NOUNS[3:] + r"\b",
    re.IGNORECASE,
)
# "What was the score", "by what score", "the final score", "how did the scorelines compare":
# the noun, not the verb ("how many goals did she score" counts goals).
_SCORE_ASKED = re.compile(
    # (not "what did Henry score", the verb after its helper: what he scored may be "twice")
    r"\b(?:what|by what)\s+(?!(?:did|does|do|has|have|had|will|would|can|could)\b)"
    r"(?:(?:is|was|were)\s+(?:the\s+)?)?(?:[\w'’-]+\s+){0,2}?"
    r"score(?:line)?s?\b|\bscorelines?\b",
    re.IGNORECASE,
)
# A score as the news gives one: two figures joined by a dash ("a 2-1 win", "won 6-3 6-4",
# "33-15", "won 2-1."), not a year's span ("2004-05"), a range of a percentage ("10-15%") or
# a decimal ("2-1.5"), an age range ("aged 18-24", "18-24 year olds") or a range of days beside
# its month ("3-4 March", "March 3-4").
_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
_SCORELINE = re.compile(
    r"(?<![\w.-])"
    r"(?<!\baged )(?<!\bages )(?<!\bAged )"
    + "".join(rf"(?<!\b{m} )" for m in _MONTHS)
    + r"\d{1,3}\s?[-–]\s?\d{1,3}(?![\w%-]|\.\d|[-–]\d)"
    r"(?!\s?(?:years?|yrs?)\b|\s(?:" + "|".join(_MONTHS) + r")\b)"
)
# "How old", "at what age": an age, as the news gives one ("aged 91", "the 17-year-old",
# "Jef Raskin, 61,"), not any figure of the sentence (a date, a price).
_AGE_ASKED = re.compile(r"\bhow old\b|\b(?:what|which) age\b", re.IGNORECASE)
_AGE = re.compile(
    r"\baged? \d{1,3}\b|\b\d{1,3}[- ]years?[- ]old\b|\b\d{1,3}-year-olds?\b|"
    r"\b(?:in his|in her|in their) (?:\w+ )?(?:teens|twenties|thirties|forties|fifties|sixties|"
    r"seventies|eighties|nineties)\b|"
    r"[A-Z][\w'’-]+, \d{1,3},|\(\d{1,3}\)|\bat (?:the age of (?:just |only )?)?\d{1,3}\b|"
    r"\b(?:who|he|she) (?:is|was|turns|turned|will be) \d{1,3}\b",
)
# "How many jobs ...": the thing counted, which the answer's figure stands beside ("12,000
# jobs", "six GameBoys"); the words after "how many" up to the verb, the last of them.
_HOW_MANY = re.compile(r"\bhow many\s+(?P<rest>.+)$", re.IGNORECASE)
# Counts written in words ("six GameBoys", "a dozen"): a figure as much as "6".
_COUNT_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|dozens?|hundreds|thousands|millions)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\bpercentage\b|\bper ?cent\b|\d\s*%", re.IGNORECASE)
_DAY = re.compile(r"\b(?:what|which) (?:date|day)\b", re.IGNORECASE)
_DATE = re.compile(r"^\s*(?:since )?when\b|\b(?:what|which) (?:year|month)\b", re.IGNORECASE)
# "Where did X finish", "in what position did X come": a place in an order, not on a map.
_POSITION = re.compile(
    r"^\s*where (?:did|does|do|will|has|have|had) .+\b(?:finish|finished|come|came|end up|"
    r"ended up|placed|rank|ranked)\b|\b(?:what|which) (?:position|place) (?:did|does|do|"
    r"will|has|have|had|is|was)\b",
    re.IGNORECASE,
)
_ORDINAL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"last|\d+(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
# An order's place as a sentence says it: "finished fourth", "came second", "in third place",
# "was runner-up".
_PLACED = re.compile(
    r"\b(?:finish\w*|came|come|end\w* up|placed|ranked)\s+(?:a |an |the )?(?:joint |equal )?"
    + _ORDINAL.pattern
    + r"|\b(?:was|were|is|in)\s+(?:joint |equal )?"
    + _ORDINAL.pattern
    + r"(?!\s+(?:time|round|half|day|week|game|match|leg)\b)|"
    + _ORDINAL.pattern
    + r"[\s-]+(?:place|position|placed)\b|\brunners?-up\b|"
    # "ranked the UK third", "placed Keane's album second": the one ranked before the order.
    # (Not "rates" nor "places", more often nouns: "rates for the second quarter".)
    + r"\b(?:ranked|ranks|placed|rated)\s+(?:[\w'’-]+\s+){0,4}?"
    + _ORDINAL.pattern
    # "the third biggest", "the second-largest lender": an order by a measure.
    + r"|\bthe\s+"
    + _ORDINAL.pattern
    + r"[\s-]+(?:[a-z]+est|most|best|worst)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(r"^\s*where\b|\bin (?:what|which) (?:city|country|town|venue|place)\b", re.I)
_WHO = re.compile(
    r"^\s*(?:who|whom|whose)\b|\bwhat (?:is|was) the name\b|"
    r"^\s*what (?:is|was|were|are)\b.*\b(?:called|named|dubbed|known as|titled)\s*\??\s*$",
    re.I,
)
# "which company ...", "what record label ...": a question word, then the noun phrase.
_WHICH = re.compile(r"^\s*(?:[\w'’-]+\s+)?(?:which|what)\s+(?P<rest>.+)$", re.IGNORECASE)
# Nouns whose instances have names: the organisations, places, works and titles of the news.
_NAMED_NOUNS = frozenset(
    stem(w)
    for w in """company firm group club team country city town state nation region film movie
    song album record label band school university college committee commission party network
    channel station show programme program play book novel newspaper magazine court body bank
    agency organisation organization council union brand airline carrier broadcaster studio
    title trophy award prize tournament championship competition event venue stadium ground
    constituency website site console game device phone product model""".split()
)
# Agent nouns are people: minister, crooner, director, official, chairman, referee, striker ...
_AGENT = re.compile(r"(?:er|or|ist|ian|man|woman|ee|ant|ent)s?$")
_PEOPLE_NOUNS = frozenset(
    stem(w)
    for w in """official minister chief boss head star actor actress singer player coach
    president premier leader chancellor secretary spokesman spokeswoman judge""".split()
)


def _verb_after_head(lowered: str) -> bool:
    """Whether a word after the head of "which <noun>" reads as the verb, though the agent
    suffix alone would take it for a noun: "which minister wants", "which firm presents",
    "which club agrees". A third-person form in -s whose base WordNet has as a verb ("want",
    "present", "agree"), unless the word is a noun of a person the module knows ("which health
    ministers") or a noun of a named thing ("which games consoles"). Agent nouns whose base is no
    verb ("consultants", "crooners") stay nouns."""
    root = stem(lowered)
    if not lowered.endswith("s") or lowered.endswith("ss") or root in _PEOPLE_NOUNS:
        return False
    if root in _NAMED_NOUNS:
        return False  # "which games consoles": a noun the module knows, though "console" is a verb
    return wordnet.is_verb(lowered[:-1])


_VERBISH = frozenset(
    """is was are were has have had did does do will would can could should said says won
    lost beat scored""".split()
)
_MONTH_DAY = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)? (?:"
    + "|".join(sorted(lx.CALENDAR_NAMES))
    + r")\b|\b(?:"
    + "|".join(sorted(lx.CALENDAR_NAMES))
    + r")(?: \d{1,2}(?:st|nd|rd|th)?)?\b|\b(?:yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^\W_][\w'’.&-]*")
# "How long" asks for a span of time (or a length): a figure with its unit, not any figure.
_HOW_LONG = re.compile(r"\bhow long\b", re.IGNORECASE)
# "What time did she run", "at what time does it start": the noun "what" asks for is "time"
# (up to three words before it: "what British record time did ..."), then the verb. A time is
# a span with its unit ("6.56 seconds", "four minutes 14.74 seconds") or a time of day.
_TIME_ASKED = re.compile(
    r"^\s*(?:at\s+)?(?:what|which)\s+(?:[\w'’-]+\s+){0,3}?times?\s+"
    r"(?:did|does|do|was|were|is|are|will|would|has|have|had|can|could)\b",
    re.IGNORECASE,
)
# Cardinal number words ("fourteen minutes"): the lexicon's number words less those that do not
# count a unit ("once", "twice", "double", "single", "half" ...).
_NUMBER_WORD = (
    r"(?:"
    + "|".join(
        sorted(
            w
            for w, v in lx.NUMBER_WORDS.items()
            if isinstance(v, int) and v > 0 and w not in {"once", "twice", "double", "single"}
        )
    )
    + r")"
)
# A told time: a figure with a unit of time ("6.56 seconds", "2hrs"; a bare "s" only after a
# decimal, "6.56s", since "the 1990s" and "in his 80s" are no times), a number word with its
# unit, a clock time or a time of day.
_TIME_TOLD = re.compile(
    r"\b\d[\d.]*\s?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?)\b|\b\d+\.\d+s\b|"
    + r"\b"
    + _NUMBER_WORD
    + r"\s(?:seconds?|minutes?|hours?)\b|"
    r"\b\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\b|\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)|"
    r"\b(?:noon|midday|midnight)\b",
    re.IGNORECASE,
)
_SPAN = re.compile(
    r"\b\d[\d.,]*(?:\s|-)?(?:years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|"
    r"decades?|centur(?:y|ies)|nights?|seasons?|terms?|games?|matches?|km|kilometres?|"
    r"kilometers?|miles?|metres?|meters?|m|ft|feet|inches?|cm|mm)\b|"
    r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred)(?:\s|-)(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b|"
    r"\b(?:life|for life|indefinitely)\b",
    re.IGNORECASE,
)
# Number words before a question's noun ("which two governments") are not the noun.
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten both".split())
# "Who topped ...", "which record label withdrew ...": the verb after the asked-for thing.
_AUXILIARIES = frozenset(
    "did does do has have had will would could can should is are was were been be".split()
)
_BE = frozenset("is are was were been be".split())
_PARTICIPLE = re.compile(
    r"^(?:[a-z]{2,}(?:ed|en|wn)|held|built|sold|paid|led|left|bought|brought|found|told|shot|"
    r"struck|hit|hurt|cut|won|lost|sent|spent|caught|taught|fought|thought)$"
)
_LIGHT = frozenset(
    """have has had having take takes took taken get gets got make makes made give gives gave
    given keep keeps kept go goes went gone come comes came put puts set sets name named called
    known seen""".split()
)
_WHO_VERB = re.compile(r"^\s*(?:who|whom)\s+(?P<verb>[a-z][\w'’-]+)\b", re.IGNORECASE)
# "Who in the cabinet ...", "who at the firm ...": where the person is sought, then the verb.
_WHO_AMONG = re.compile(
    r"^\s*(?:who|whom)\s+(?:in|at|from|of|among|on|inside|within)\s+(?P<rest>.+)$", re.IGNORECASE
)
_PLURAL_ABBREVIATION = re.compile(r"[A-Z]{2,}s")
_NEGATORS = frozenset("neither nor not".split())


@dataclass(frozen=True)
class Slot:
    kind: SlotKind
    head: str | None = None  # the stem of the noun named in "which <noun>", if any
    percent: bool = False  # a figure asked for as a percentage ("by what percentage")
    span: bool = False  # a figure of time or length ("how long"): it comes with its unit
    age: bool = False  # a person's age ("how old"): "aged 91", "the 17-year-old"
    time: bool = False  # a time ("what time did she run"): "6.56 seconds", "7.30pm"
    counted: str | None = None  # the stem of the thing "how many" counts ("job"), if named
    score: bool = False  # a match's score ("what was the score"): "2-1", "6-3 6-4", "33-15"
    # The stem of the noun a sum of money is asked by ("what profit": "profit"): the sentence
    # says it and a sum ("profits rose to £30m", "5m euros").
    money: str | None = None


def asked_slot(question: str) -> Slot | None:
    """The kind of thing the question asks for, or None (what happened, why, how)."""
    if _TIME_ASKED.search(question):
        return Slot("number", time=True)
    if _SCORE_ASKED.search(question):
        return Slot("number", score=True)
    number = _NUMBER.search(question)
    sum_noun = None if number else _asks_sum(question)
    if number or sum_noun is not None:
        return Slot(
            "number",
            money=("*" if _asks_money(number, question) else None) if number else sum_noun,
            percent=bool(_PERCENT.search(question)),
            span=bool(_HOW_LONG.search(question)),
            age=bool(_AGE_ASKED.search(question)),
            counted=counted_noun(question),
        )
    if _DAY.search(question):
        return Slot("day")
    if _DATE.search(question):
        return Slot("date")
    if _POSITION.search(question):
        return Slot("position")
    if _PLACE.search(question):
        return Slot("place")
    if _WHO.search(question):
        return Slot("name", head=_named_thing(question))
    match = _WHICH.match(question)
    if match:
        # The head is the last naming noun of the words before the verb: "record label",
        # "Tennis Australia official", "1950s crooner".
        head = None
        for token in re.findall(r"[\w'’-]+", match.group("rest"))[:4]:
            lowered = token.lower()
            if head is None and (lowered in _COUNT_WORDS or lowered.isdigit()):
                continue  # "which two national governments": the count is not the noun
            if lowered in STOPWORDS or lowered in _VERBISH:
                break
            root = stem(lowered)
            naming = not token[0].isupper() and (
                root in _NAMED_NOUNS or root in _PEOPLE_NOUNS or bool(_AGENT.search(lowered))
            )
            if naming and head is not None and _verb_after_head(lowered):
                break  # "which minister wants": the verb ends the noun phrase
            if naming:
                head = root
            elif head is not None:
                break  # the word after the noun phrase: "record label withdrew"
        if head is not None:
            return Slot("name", head=head)
    return None


def _asks_money(number: re.Match[str], question: str) -> bool:
    """Whether a figure question asks for a sum of money: "how much money", or a price, a cost,
    a fee, a salary or a sum asked by its noun ("at what price did the shares open", "what was
    the fee"). Any figure does not answer it: "17.3 million shares" is no price."""
    noun = (number.group(2) or number.group(3) or "").lower()
    return noun in _MONEY_NOUNS or bool(_HOW_MUCH_SUM.search(question))


_MONEY_NOUNS = frozenset("price cost fee salary sum".split())


# "What is the name of the Mark Morrison album ...": the name stands beside the thing named.
_NAME_OF = re.compile(
    r"\bthe name of (?:the |a |an |his |her |its |their )?(?P<rest>.+)$", re.IGNORECASE
)


def _asks_sum(question: str) -> str | None:
    """The stem of the noun by which "what" asks for a sum of money ("what profit did X post",
    "what was Nestle's revenue"): "what" is the noun's own word, or the noun is what "what is"
    asks of (not a noun further in: "what happened with Lord Dubs' bill"); else None."""
    match = _SUM_ASKED.match(question)
    if not match:
        return None
    between = [w.lower() for w in match.group("between").split()]
    if any(w in _AUXILIARIES or w in _VERBISH for w in between):
        return None
    from retrieval.verifier import parse  # (spaCy, loaded once, only for such a question)

    doc = parse(question)
    noun = re.compile(_SUM_NOUNS + "$", re.IGNORECASE)
    for token in doc:
        if not noun.match(token.text):
            continue
        asked = any(c.lower_ == "what" for c in token.children) or (  # "what profit"
            # "what was Nestle's revenue", "what is the biggest fine"
            token.dep_ in ("nsubj", "attr") and token.head.lemma_ == "be"
        )
        return stem(token.lower_) if asked else None
    return None


def _named_thing(question: str) -> str | None:
    """The stem of the noun "the name of the X" names ("album"), skipping the names before it
    ("the Mark Morrison album"); None for "who" questions and "what is it called"."""
    match = _NAME_OF.search(question)
    if not match:
        return None
    head = None
    for token in re.findall(r"[\w'’-]+", match.group("rest"))[:6]:
        lowered = token.lower()
        if token[0].isupper() or token[0].isdigit():
            if head is not None:
                break
            continue
        if lowered in STOPWORDS or lowered in _VERBISH or lowered in _AUXILIARIES:
            break
        head = stem(lowered)
    return head


def counted_noun(question: str) -> str | None:
    """The stem of the thing "how many" counts: the last word of the words after it, up to the
    verb ("British nationals were evacuated": "nation"); None when none is named ("how many of
    them")."""
    match = _HOW_MANY.search(question)
    if not match:
        return None
    noun = None
    for token in re.findall(r"[\w'’-]+", match.group("rest"))[:4]:
        lowered = token.lower()
        if lowered in STOPWORDS or lowered in _VERBISH or lowered in _AUXILIARIES:
            break
        noun = stem(re.sub(r"['’]s?$", "", lowered))
    return noun


def has_figure(sentence: str) -> bool:
    """Whether ``sentence`` gives a figure, in digits or in words ("six", "a dozen")."""
    return bool(quantities_in(sentence) or _COUNT_WORD.search(sentence))


def counts_the_thing(sentence: str, counted: str) -> bool:
    """Whether a figure in ``sentence`` stands just before the thing counted ("12,000 jobs",
    "six specially modified GameBoys")."""
    tokens = [t.strip(".,;:'’\"()").lower() for t in sentence.split()]
    figures = [
        i for i, t in enumerate(tokens) if any(ch.isdigit() for ch in t) or _COUNT_WORD.fullmatch(t)
    ]
    things = [i for i, t in enumerate(tokens) if t and stem(t) == counted]
    if any(0 < h - f <= 4 for f in figures for h in things):
        return True
    # A count that leaves out the thing the sentence has just named ("Americans are becoming
    # avid blog readers, with 32 million getting hooked"): the figure stands before a verb, not
    # a noun of its own.
    split = sentence.split()
    for f in figures:
        if not any(h < f for h in things):
            continue
        after = f + 1
        while after < len(tokens) and tokens[after] in _SCALES:
            after += 1
        if after >= len(tokens) or split[after - 1].endswith((",", ";", ":", ".")):
            continue  # (a figure ending a clause is as likely a date or a score)
        if _ELLIPTIC_NEXT.fullmatch(tokens[after]):
            return True
    return False


_SCALES = frozenset("million millions billion billions thousand thousands m bn k".split())
# What follows a count whose noun is left out: a verb ("32 million getting hooked", "12,000
# have signed").
_ELLIPTIC_NEXT = re.compile(r"[a-z]{3,}ing|have|had|are|were|who")


def plainest(slot: Slot | None) -> int:
    """The strength (see ``slot_strength``) of a sentence that holds what is asked plainly: 2
    when the question names the thing beside which it stands ("which record label", "how many
    jobs"), else 1."""
    if slot is None:
        return 1
    return 2 if slot.head or slot.counted else 1


def holds_plainly(sentence: str, question: str, slot: Slot | None) -> bool:
    """Whether ``sentence`` holds what the question asks for in the question's own terms: a
    figure beside the thing counted, a name beside the noun asked for, or any figure, date or
    name of the kind asked when the question names no noun. A question that asks for no such
    thing (why, how, what did X do) has nothing a sentence can hold plainly."""
    return slot is not None and slot_strength(sentence, question, slot) >= plainest(slot)


def leaves_uncounted(text: str, slot: Slot | None) -> bool:
    """Whether ``text`` (an article) names the thing a "how many" question counts but never
    gives a figure beside it: it speaks of "British nationals" without saying how many, so a
    figure of something else nearby does not answer the question."""
    if slot is None or slot.kind != "number" or not slot.counted:
        return False
    tokens = {stem(t.strip(".,;:'’\"()").lower()) for t in text.split()}
    if slot.counted not in tokens:
        return False  # the article words the thing otherwise: nothing to judge by
    return not any(counts_the_thing(s.text, slot.counted) for s in split_sentences(text))


def answer_name(sentence: str, question: str) -> str | None:
    """The name ``sentence`` gives for a "who" question: of the names it adds to the question,
    the one nearest the question's noun ("performance director ... Dave Collins") or, without
    one, nearest its verb; None when it adds none."""
    runs = new_name_runs(sentence, question)
    if not runs:
        return None
    tokens = _TOKEN.findall(sentence)
    slot = asked_slot(question)
    predicate = asked_predicate(question)
    anchors = [
        i
        for i, t in enumerate(tokens)
        if (slot is not None and slot.head and stem(t.strip(".'’-").lower()) == slot.head)
        or (predicate is not None and predicate_found(predicate, {stem(t.lower())}))
    ]

    def distance(run: tuple[int, int]) -> int:
        return min((min(abs(a - run[0]), abs(a - run[1])) for a in anchors), default=0)

    first, last = min(runs, key=distance)
    return " ".join(t.strip(".'’-") for t in tokens[first : last + 1]) or None


def things_held(sentence: str, question: str, slot: Slot | None) -> int:
    """How many things of the kind asked for ``sentence`` holds (figures, dates, names): one
    sentence answers two parts asking the same kind of thing only if it holds two."""
    if slot is None:
        return 1
    if slot.kind == "number":
        return len(quantities_in(sentence)) + len(_COUNT_WORD.findall(sentence))
    if slot.kind in ("date", "day"):
        return len(_MONTH_DAY.findall(sentence)) + len(re.findall(r"\b(?:19|20)\d\d\b", sentence))
    if slot.kind == "name":
        return len(new_name_runs(sentence, question))
    return slot_strength(sentence, question, slot)


def rules_out_names(sentence: str, question: str) -> bool:
    """Whether the only names ``sentence`` adds to the question are ones it rules out: "the
    Half-Blood Prince is neither Harry nor Voldemort" says who the answer is not."""
    if new_name_runs(sentence, question):
        return False
    return bool(new_name_runs(sentence, question, negated=True))


def new_name_runs(sentence: str, question: str, *, negated: bool = False) -> list[tuple[int, int]]:
    """Token spans ``(first, last)`` of capitalised runs in ``sentence`` that the question
    does not mention (not the sentence's first word alone, not a month or a weekday, not a name
    it rules out: "neither Harry nor Voldemort"; with ``negated``, only those)."""
    asked = {stem(w.strip(".'’")) for w in _TOKEN.findall(question)}
    tokens = _TOKEN.findall(sentence)
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, token in enumerate([*tokens, "x"]):
        clean = token.strip(".'’-")
        capital = (
            i < len(tokens)
            and bool(clean)
            and clean[0].isupper()
            and clean.lower() not in STOPWORDS
            and clean.lower() not in lx.CALENDAR_NAMES
            and not _PLURAL_ABBREVIATION.fullmatch(clean)  # "MPs", "CEOs": common nouns
        )
        if capital and start is None:
            start = i
        elif not capital and start is not None:
            run = [t.strip(".'’-") for t in tokens[start:i]]
            known = [w for w in run if stem(w) in asked]
            # "neither Harry nor Voldemort", "not Smith": a name the sentence rules out.
            ruled_out = start > 0 and tokens[start - 1].lower() in _NEGATORS
            if len(known) < len(run) and not (start == 0 and i == 1) and ruled_out == negated:
                runs.append((start, i - 1))
            start = None
    return runs


def slot_strength(sentence: str, question: str, slot: Slot | None) -> int:
    """How plainly ``sentence`` holds what the question asks for.

    2: beside the noun the question names ("record label Sony BMG", "school St Fintian's");
    1: holds a thing of the kind asked for; 0: does not, or restates the question's noun with
    no name beside it ("a Dublin school complained").
    """
    if slot is None:
        return 1
    if slot.kind == "number":
        # A figure the question itself gives ("through the UK's £4m grant", "Channel 4", "the
        # Friday the 13th film") is what the question says, not what it asks.
        # (Not for a side of a comparison, which the question names by its figure: "the
        # 71,000 jobs attacked by the TUC".)
        if not GIVEN_FIGURES_FILL.get():
            sentence = without_given_figures(sentence, question)
        if slot.percent:
            return int(bool(_PERCENT.search(sentence)))
        if slot.age:
            return int(bool(_AGE.search(sentence)))
        if slot.span:
            return int(bool(_SPAN.search(sentence)))
        if slot.time:
            return int(bool(_TIME_TOLD.search(sentence)))
        if slot.score:
            return int(bool(_SCORELINE.search(sentence)))
        if slot.money:
            return int(
                bool(_MONEY_TOLD.search(sentence))
                and (slot.money == "*" or slot.money in content_terms(sentence))
            )
        if not has_figure(sentence):
            return 0
        # A figure beside the thing counted holds it more plainly than a figure of another.
        return 2 if slot.counted and counts_the_thing(sentence, slot.counted) else 1
    if slot.kind == "date":
        return int(has_date(sentence))
    if slot.kind == "day":
        return int(bool(_MONTH_DAY.search(sentence)))
    if slot.kind == "position":
        return int(bool(_PLACED.search(sentence)))
    runs = new_name_runs(sentence, question)
    if not runs:
        return 0
    if slot.head is None:
        return 1
    tokens = _TOKEN.findall(sentence)
    heads = [i for i, t in enumerate(tokens) if stem(t.strip(".'’-")) == slot.head]
    if not heads:
        return 1
    return 2 if any(first - 3 <= h <= last + 3 for h in heads for first, last in runs) else 0


# Whether a figure the question gives may be what a sentence answers it with: only for the sides
# of a comparison (``AnswerEngine.ask`` sets it there).
GIVEN_FIGURES_FILL: ContextVar[bool] = ContextVar("given_figures_fill", default=False)


def without_given_figures(sentence: str, question: str) -> str:
    """``sentence`` with the figures ``question`` gives put out of reach of the figure readers
    (as "#"): a number the question writes ("£4m", "Channel 4", "27"), and a count word it
    writes ("three"), whatever their place in the sentence. Years stay: a question's year is
    read by the checks of time."""
    given = quantities_in(question)
    words = {w.lower() for w in _COUNT_WORD.findall(question)}
    if not given and not words:
        return sentence

    def masked(m: re.Match[str]) -> str:
        return "#" if normalise_number(m.group(0)) in given else m.group(0)

    out = _GIVEN_NUMBER.sub(masked, sentence)
    if words:
        out = _COUNT_WORD.sub(lambda m: "#" if m.group(0).lower() in words else m.group(0), out)
    return out


# A number as ``retrieval.text.numbers_in`` reads one ("1,100", "2.5"), not inside a word.
_GIVEN_NUMBER = re.compile(r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)")


def holds_kind(sentence: str, question: str, slot: Slot | None) -> bool:
    """Whether ``sentence`` holds anything of the kind a figure or date question asks for, in
    the plainest form: any figure the question does not give (a share for "how much of the
    fee", a count the counted-noun reading misses), any date. True for other questions, whose
    answers a sentence may give in forms no reading here sees."""
    if slot is None or slot.kind not in ("number", "date", "day"):
        return True
    if slot.kind == "number":
        if slot.money:
            # A sum asked ("at what price", "what profit") is told as one, or as a share of
            # one ("12% of the licence fee"): "17.3 million shares" is no price.
            told = (
                sentence if GIVEN_FIGURES_FILL.get() else without_given_figures(sentence, question)
            )
            return bool(
                _MONEY_TOLD.search(told) or _MONEY_WORDS.search(told) or _PERCENT.search(told)
            )
        if _COUNTED_YEAR.search(sentence) or _SCALE_WORD.search(sentence):
            return True  # 'about 2000 fans', '1500 jobs', 'several million pounds'
        if GIVEN_FIGURES_FILL.get():
            return has_figure(sentence)
        return has_figure(without_given_figures(sentence, question))
    return has_date(sentence) or bool(_TIME_WORDS.search(sentence))


# What the plainest readings of a figure or a date miss, so that a sentence giving one in such
# a form is not taken for one that gives none: a four-digit count read as a year ('about 2000
# fans', '1500 jobs'), a scale word with no digits ('several million pounds'), a season or a
# feast day ('in the spring', 'on Christmas Day').
_COUNTED_YEAR = re.compile(
    r"\b(?:about|around|some|nearly|almost|over|under|more than|fewer than|less than|up to|"
    r"at least)\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s+[a-z]+s\b",
    re.IGNORECASE,
)
_SCALE_WORD = re.compile(r"\b(?:million|billion|trillion)\b", re.IGNORECASE)
# A sum in words ('several million pounds', 'millions of dollars').
_MONEY_WORDS = re.compile(
    r"\b(?:hundreds?|thousands?|millions?|billions?|trillions?)\s+(?:of\s+)?"
    r"(?:pounds|dollars|euros|yen|rupees|francs)\b",
    re.IGNORECASE,
)
_TIME_WORDS = re.compile(
    r"\b(?:spring|summer|autumn|winter|christmas|easter|new year|weekend|midnight|noon|"
    r"(?:earlier|later) this (?:week|month|year))\b",
    re.IGNORECASE,
)


def holds_slot(sentence: str, question: str, slot: Slot | None) -> bool:
    """Whether ``sentence`` holds a thing of the kind the question asks for."""
    return slot_strength(sentence, question, slot) > 0


def asked_predicate(question: str) -> str | None:
    """The verb the question turns on: "replace" in "Whom did X replace as manager?", "topped"
    in "Who topped the list?", "withdrew" in "Which record label withdrew ...?", "jailed" in
    "How long was blogger X jailed for?". None when it is a light or saying verb."""
    among = _WHO_AMONG.match(question)
    if among:
        # "Who in the cabinet welcomed X": the verb follows the place the person is sought in.
        for token in re.findall(r"[\w'’-]+", among.group("rest")):
            lowered = token.lower()
            if lowered in _AUXILIARIES:
                break  # "who at the firm has been detained": the participle after "has been"
            if token[0].islower() and _PARTICIPLE.search(lowered) and lowered not in _LIGHT:
                return lowered
    match = None if among else _WHO_VERB.match(question)
    if match and match.group("verb").lower() not in _AUXILIARIES:
        verb = match.group("verb").lower()
        return None if verb in STOPWORDS or verb in _LIGHT else verb
    match = _WHICH.match(question)
    if match and not _NUMBER.search(question):
        seen_head = False
        for token in re.findall(r"[\w'’-]+", match.group("rest"))[:6]:
            lowered = token.lower()
            if lowered in _COUNT_WORDS or token[0].isupper() or token[0].isdigit():
                continue
            if lowered in _AUXILIARIES:
                break  # "which title did X win": the verb follows the subject
            if lowered in STOPWORDS or lowered in _LIGHT:
                return None
            root = stem(lowered)
            if seen_head and _verb_after_head(lowered):
                return lowered  # "which minister wants ...": the verb the suffix took for a noun
            if root in _NAMED_NOUNS or root in _PEOPLE_NOUNS or bool(_AGENT.search(lowered)):
                seen_head = True
                continue
            if seen_head:
                return lowered
    match = re.search(r"\b(" + "|".join(sorted(_AUXILIARIES)) + r")\s+(.+)$", question, re.I)
    if not match:
        return None
    every = re.findall(r"[\w'’-]+", match.group(2))
    tokens = [
        t
        for i, t in enumerate(every)
        if t[0].islower() and not hands_on(t, every[i + 1] if i + 1 < len(every) else None)
    ]
    if match.group(1).lower() in _BE:
        # "was blogger X jailed": the participle, not the noun before the name ("are thought
        # to have come": not the verb that hands the question on)
        participle = next((t for t in tokens if _PARTICIPLE.search(t)), None)
        if participle is not None and participle.lower() not in _LIGHT:
            return participle.lower()
    return predicate_term(question)


def holds_predicate(sentence: str, question: str) -> bool:
    """Whether ``sentence`` itself says the relation the question asks about (its verb), so the
    thing it holds is the one asked for, not another thing of the same kind nearby."""
    predicate = asked_predicate(question)
    return predicate is None or predicate_found(predicate, set(content_terms(sentence)))


def names_the_doer(sentence: str, article: str, question: str) -> bool:
    """Whether ``sentence`` names the one who did what a "who" question asks, as a later
    sentence of a news story does: its lead says the verb of a noun ("A man is facing charges
    of hacking ..."), the sentence gives a name beside that noun ("The Californian man,
    Nicholas Lee Jacobsen, was arrested")."""
    predicate = asked_predicate(question)
    runs = new_name_runs(sentence, question)
    if predicate is None or not runs:
        return False
    doers: set[str] = set()
    for other in split_sentences(article):
        tokens = [t.strip(".,;:'’\"()").lower() for t in other.text.split()]
        at = next(
            (i for i, t in enumerate(tokens) if t and predicate_found(predicate, {stem(t)})),
            None,
        )
        if at is None or new_name_runs(other.text, question):
            continue  # (a sentence naming someone says who itself)
        doers |= {
            stem(t)
            for t in tokens[max(0, at - 6) : at]
            if len(t) > 2 and t.isalpha() and t not in STOPWORDS and t not in _AUXILIARIES
        }
    if not doers:
        return False
    # The names given beside such a noun anywhere in the article ("The Californian man,
    # Nicholas Lee Jacobsen"): the doer, however a sentence names him ("Mr Jacobsen").
    named: set[str] = set()
    for text in [sentence, *(s.text for s in split_sentences(article))]:
        tokens = _TOKEN.findall(text)
        for first, last in new_name_runs(text, question):
            near = tokens[max(0, first - 3) : first] + tokens[last + 1 : last + 4]
            if any(t[:1].islower() and stem(t.strip(".'’-").lower()) in doers for t in near):
                named |= {t.strip(".'’-").lower() for t in tokens[first : last + 1]}
    named -= {"mr", "mrs", "ms", "dr", "the"}
    tokens = _TOKEN.findall(sentence)
    return any(
        named & {t.strip(".'’-").lower() for t in tokens[first : last + 1]} for first, last in runs
    )
