"""What shape of answer a question asks for: the question plan.

A question is read by its form, not matched phrase by phrase:

- a **briefing** asks about a subject and nothing in particular about it: once its subject (the
  names and the thing after "in/on/about") and its open verbs ("happen", "latest", "summarize",
  "catch up") are set aside, no content word is left to look for;
- a **comparison** sets two or more alternatives ("A or B", "between A and B", "A vs B") against
  one comparative frame ("which fell more"); each alternative becomes its own sub-question;
- a **multi-part** question joins two questions ("what is X accused of and what does he say");
  each part becomes a sub-question, pronouns of the later parts resolved to the first part's
  subject;
- a **list** asks "which <plural noun>" or to "name/list" things;
- a **change over time** asks how something changed, rose or fell, or what it was since a time;
- anything else is a **factoid**.

What retrieval finds then decides whether each part is answered (see ``retrieval.answer``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from retrieval.lists import asks_list
from retrieval.models import QuestionPlan
from retrieval.text import STOPWORDS, content_terms, stem

# Verbs and nouns that ask for "whatever there is" about a subject rather than one fact.
_OPEN_WORDS = frozenset(
    stem(w)
    for w in """happen happened happening latest news update updates summarize summarise summary
    catch brief briefing overview going story stories situation developments development
    recap tell me everything know""".split()
)
_OPEN_START = re.compile(
    r"^\s*(summari[sz]e|brief me|catch me up|give me (an? )?(overview|summary|update|rundown)|"
    r"tell me (about|everything)|what(?:'s| is| has been) (?:the )?(latest|new|going on|happening)|"
    r"what happened|any (news|updates?))\b",
    re.IGNORECASE,
)
_TIME_WINDOWS = {
    "today": 0,
    "yesterday": 1,
    "this week": 7,
    "last week": 14,
    "past week": 7,
    "recently": 14,
    "lately": 14,
    "this month": 31,
    "last month": 62,
}
_TIME_WORDS = re.compile(
    r"\b(" + "|".join(sorted(_TIME_WINDOWS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_COMPARATIVE = re.compile(
    r"\b(more|less|fewer|most|least|larger|largest|bigger|biggest|higher|highest|lower|lowest|"
    r"greater|greatest|smaller|smallest|better|best|worse|worst|earlier|later|faster|slower|"
    r"longer|shorter|richer|cheaper|older|younger|harder|easier|quicker|heavier|lighter|"
    r"stronger|weaker|wider|deeper|sharper|steeper|taller|closer|further|wealthier|poorer|"
    r"dearer|costlier|[a-z]{3,}er than)\b",
    re.IGNORECASE,
)
# Two directions set against each other ("higher or lower than", "above or below what"): the
# alternatives are not the sides; the sides are what comes before them and what after.
_DIRECTION = (
    r"(?:higher|lower|more|less|fewer|greater|smaller|bigger|larger|above|below|over|under|"
    r"better|worse|faster|slower|earlier|later|longer|shorter|ahead of|behind|up|down)"
)
_DIRECTIONS = re.compile(
    r"^(?P<lead>(?:is|are|was|were|did|does|do|has|have|had|will|would)\s+)(?P<a>.+?)\s+"
    + _DIRECTION
    + r"\s+or\s+"
    + _DIRECTION
    + r"\s+(?:than\s+|what\s+)?(?P<b>.+)$",
    re.IGNORECASE,
)
# The thing a comparison counts, after its comparative: "cutting more jobs", "more Oscar
# nominations".
_COMPARED_THING = re.compile(
    r"\b(?:more|fewer|less)\s+(?P<words>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s*(?:[,:?]|\s+(?:than|in|at|on|for|from|after|,|or)\b)",
    re.IGNORECASE,
)
_ALTERNATIVES = re.compile(r"\s*(?:,?\s+or\s+|,?\s+vs\.?\s+|,?\s+versus\s+)", re.IGNORECASE)
_COMPARE = re.compile(
    r"^\s*(?:compare|contrast)\s+(?P<a>.+?)\s+(?:and|with|to)\s+(?P<b>.+?)\s*[?.!]*$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(
    r"\b(?:difference|differences|gap) between\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)\s*[?.!]*$",
    re.IGNORECASE,
)
# "How did A compare with B" is read before "how do A and B compare": in "how did the price
# from BT and Telewest compare with the cheapest offers", the "and" is inside the first side.
_HOW_COMPARE_WITH = re.compile(
    r"\bhow (?:do|does|did|would) (?P<a2>.+?)\s+(?:compare (?:with|to)|differs? (?:from|with))\s+"
    r"(?P<b2>.+)",
    re.IGNORECASE,
)
# "Who won best director from the Chicago critics compared with the Southeastern critics?":
# one question asked of two things; not a change over time ("compared with a year earlier").
_ASKED_COMPARED_WITH = re.compile(
    r"^(?P<a>(?:.*?\b)?(?:how|what|which|who|whom|when|where)\b.+?)\s*,?\s+compared\s+(?:with|to)\s+"
    r"(?P<b>.+?)\s*[?.!]*$",
    re.IGNORECASE,
)
_NOT_A_SIDE = re.compile(
    r"^(?:a year|last|the previous|the year|the same|previous|earlier|before|\d)", re.IGNORECASE
)
_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*")
# A run of capitalised words: a name ("Sports Interactive", "Arvind Parmar").
_CAPITALISED = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
# "What did Sports Interactive and Eidos each keep ...": the same question of each name.
_EACH = re.compile(
    rf"^(?P<pre>.*?)(?P<a>\b{_CAPITALISED})\s+and\s+"
    rf"(?P<b>{_CAPITALISED})\s+each\b\s*(?P<rest>.*?)\s*[?.!]*$"
)
_HOW_COMPARE = re.compile(
    r"\bhow (?:do|does|did|would) (?:(?P<a>.+?)\s+(?:and|with)\s+(?P<b>.+?)\s+compare\b|"
    r"(?P<a2>.+?)\s+compare (?:with|to)\s+(?P<b2>.+))",
    re.IGNORECASE,
)
# "How many X compared with how many Y": two questions set side by side.
_COMPARED_WITH = re.compile(
    r"^(?P<a>(?:how|what|which|who)\b.+?)\s*,?\s+(?:compared|as against|against|versus)\s+"
    r"(?:with|to)?\s*(?P<b>(?:how|what|which|who)\b.+?)\s*[?.!]*$",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^\s*(?P<lead>(?:which|who|what|did|does|do|is|are|was|were|has|have|had|will|would)"
    r"(?:\s+there)?\s+)?"
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)
_PART_JOIN = re.compile(
    r"(?:\?\s+|,?\s+and\s+|;\s*)(?=(?:(?:by|in|on|at|to|for|from|until)\s+)?"
    r"(?:what|how|who|whom|whose|why|when|where|which|did|does|do|is|are|"
    r"was|were|has|have|will|can)\b)",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\bhow (?:has|have|did|does|do)\b.*\b(chang\w*|ris\w*|rose|fall\w*|fell|grow\w*|grew|"
    r"shrunk|shrank|develop\w*|evolv\w*|mov\w*|increas\w*|decreas\w*|declin\w*)\b|"
    r"\bsince (?:19|20)\d\d\b|\bover (?:the )?(?:past|last) (?:\w+ )?(?:years?|months?|weeks?)\b|"
    r"\bcompared (?:with|to) (?:a year|last year|the previous|the year)\b",
    re.IGNORECASE,
)
_PRONOUNS = re.compile(r"\b(he|she|they|it|him|her|them|his|its|their)\b", re.IGNORECASE)
_SUBJECT_AFTER = re.compile(
    r"\b(?:in|on|about|of|for|with|from|at)\s+(?P<s>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3})",
    re.IGNORECASE,
)
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_ASKS_PERSON = re.compile(r"^\s*(?:who|whom)\b", re.IGNORECASE)
_QUESTION_WORDS = frozenset("who whom whose what which when where why how".split())


def time_window(question: str, as_of: date | None) -> date | None:
    """The earliest day a relative time word ("this week", "recently") allows, if any."""
    match = _TIME_WORDS.search(question)
    if not match:
        return None
    today = as_of or date.today()
    return today - timedelta(days=_TIME_WINDOWS[match.group(1).lower()])


def strip_time_words(question: str) -> str:
    return " ".join(_TIME_WORDS.sub(" ", question).split())


def names_in(text: str) -> list[str]:
    """Capitalised word runs inside ``text`` (not its first word): the names it mentions."""
    tokens = re.findall(r"[\w'’.-]+", text)
    runs: list[list[str]] = []
    current: list[str] = []
    for i, token in enumerate(tokens):
        clean = re.sub(r"['’]s$", "", token.strip(".'’"))
        is_name = (
            i > 0
            and clean[:1].isupper()
            and (clean.lower() not in STOPWORDS or clean.lower() in {"new", "news"})
            and clean.lower() not in _QUESTION_WORDS
        ) or (bool(current) and clean.lower() in {"of", "de"})
        if is_name:
            current.append(clean)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [" ".join(r).removesuffix(" of") for r in runs]


def subject_of(question: str) -> str | None:
    """The thing a question is about: its names, else the phrase after "in/on/about"."""
    question = strip_time_words(question)
    opening = _OPEN_START.search(question)
    if opening:
        rest = question[opening.end() :].strip(" ?.!")
        rest = re.sub(
            r"^(?:(?:with|in|on|about|at|to|for|of|from|regarding)\s+)?(?:the\s+)?(?:news\s+)?"
            r"(?:(?:with|in|on|about|at|to|for|of|from|regarding)\s+)?(?:the\s+)?",
            "",
            rest,
            flags=re.IGNORECASE,
        )
        if rest:
            return rest
    names = names_in(question)
    if names:
        return " ".join(dict.fromkeys(names))
    match = _SUBJECT_AFTER.search(question)
    if match:
        subject = re.sub(r"^the\s+", "", match.group("s").strip(" ?.!"), flags=re.IGNORECASE)
        return subject or None
    return None


def is_open(question: str) -> bool:
    """A briefing: once the subject and the open words are set aside, nothing is left to ask."""
    question = strip_time_words(question)
    subject = subject_of(question)
    if subject is None:
        return False
    if _OPEN_START.search(question):
        return True  # "what happened in X", "catch me up on X": X is all it asks about
    subject_terms = set(content_terms(subject))
    rest = [t for t in content_terms(question) if t not in subject_terms]
    asked = [t for t in rest if t not in _OPEN_WORDS and t not in _QUESTION_WORDS]
    return not asked and any(t in _OPEN_WORDS for t in rest)


def comparison_parts(question: str) -> list[str] | None:
    """One sub-question per alternative of a comparison, or None when it compares nothing."""
    found = comparison(question)
    return found[0] if found else None


def comparison_alternatives(question: str) -> list[str]:
    """The things a comparison sets side by side ("BA's profits", "Time Warner's"), if any."""
    found = comparison(question)
    return found[1] if found else []


def _carried_head(a: str, b: str) -> str:
    """The second side with the thing it refers back to: "those of the first two Spider-Man
    films" beside "the worldwide takings of John Carpenter's Halloween" is "worldwide takings
    of the first two Spider-Man films" ("that of", "those of" stand for the first side's noun).
    The noun is what comes before the first side's " of " only when no name is there ("the Bank
    of England's rate" is not "Bank of B"); a possessed noun ("England's interest rate") is one."""
    m = re.match(r"(?:those|that)\s+of\s+(?P<rest>.+)$", b, re.IGNORECASE)
    if m is None:
        return _carried_owner(a, b)
    head = a[: a.index(" of ")] if " of " in a else ""
    if head and not re.search(r"\b[A-Z]", head):
        return f"{head} of {m.group('rest')}"
    possessed = re.search(r"['’]s\s+(?P<noun>[a-z][a-z -]*)$", a)
    if possessed:
        return f"{possessed.group('noun')} of {m.group('rest')}"
    return b


def _carried_of(a: str, b: str) -> str:
    """A second side that is a bare name with the first side's thing: "Arvind Parmar" beside
    "the rankings of Andrew Murray" is "rankings of Arvind Parmar" (as "those of" would be)."""
    if " of " not in a or not re.fullmatch(_CAPITALISED, b):
        return b
    head = a[: a.index(" of ")]
    return f"{head} of {b}" if head and not re.search(r"\b[A-Z]", head) else b


# A possessive that stands for its noun: "Scotland's", "former British player Chris Bailey's".
_BARE_OWNER = re.compile(r"^(?P<owner>(?:[\w-]+\s+){0,5}[\w.-]+(?:['’]s|s['’]))$")
# The possessor in the first side: a run of capitalised words before "'s" ("Northern Ireland's").
_OWNER_IN = re.compile(r"(?:\b[A-Z][\w.-]*\s+){0,3}\b[A-Z][\w.-]*(?:['’]s|s['’])(?=\s+\w)")


def _carried_owner(a: str, b: str) -> str:
    """The second side with the first side's thing when it is a bare possessive: "Scotland's"
    beside "the rise in the value of Northern Ireland's housing stock" is "the rise in the value
    of Scotland's housing stock"; "Shell's" beside "BP's annual profit" is "Shell's annual
    profit". The first side's possessor (a name before "'s") gives way to the second's."""
    if _BARE_OWNER.match(b) is None:
        return b
    owners = list(_OWNER_IN.finditer(a))
    if not owners:
        return b
    m = owners[-1]
    return f"{a[: m.start()]}{b}{a[m.end() :]}"


def _shared_tail(b: str) -> tuple[str, str]:
    """``(side, tail)``: a clause after a comma at the end of the last side is the whole
    question's, not that side's ("compare with Scotland's, according to the Halifax")."""
    if "," not in b:
        return b, ""
    at = b.index(",")
    side, tail = b[:at].strip(), b[at:].rstrip()
    return (side, tail) if side else (b, "")


def _asked_compared_with(text: str) -> tuple[list[str], list[str]] | None:
    """A question asked of one thing "compared with" another: the same question of each. When
    the other is a name ("... from the Chicago Film Critics compared with the Southeastern Film
    Critics", "what did OutKast win compared with Usher"), it takes the place of the question's
    last name; else the other is asked as it is written ("AstraZeneca shares after the Iressa
    trial failure")."""
    m = _ASKED_COMPARED_WITH.match(text)
    if m is None or _NOT_A_SIDE.match(m.group("b")) or _CHANGE.search(m.group("a")):
        return None  # ("How has the price changed, compared with its 2004 contract?": a change)
    a, b = m.group("a").strip(" ,"), m.group("b").strip(" ,")
    if not b:
        return None  # ("... compared with ,?": no other side)
    other = re.sub(r"^the\s+", "", b, flags=re.IGNORECASE)
    runs = [r for r in _NAME_RUN.finditer(a) if r.start() > 0]
    if runs and re.fullmatch(_NAME_RUN.pattern, other):
        last = runs[-1]
        first_side = last.group(0)
        # The words that describe the first name are its own ("fifth seed Carlos Moya"): the
        # lower-case words right before it back to a word of grammar go with it.
        before = a[: last.start()].split()
        while before and before[-1].islower() and before[-1] not in STOPWORDS:
            before.pop()
        head = " ".join(before) + " " if before else ""
        second = f"{head}{other}{a[last.end() :]}"
        return [a + "?", second + "?"], [first_side, other]
    return [a + "?", b[0].upper() + b[1:] + "?"], [a, b]


def asks_the_same_of_each(question: str) -> bool:
    """Whether a comparison asks its own question of each side ("what did A win compared with
    B", "what did A and B each keep", "which of the seeds needed three sets, A or B"), rather
    than setting two measures side by side: its parts are answered as they ask, not by
    figures, unless they ask for an amount."""
    text = question.strip().rstrip("?.! ")
    asked = _asked_compared_with(text)
    if asked is not None:
        # (Not when the other side is only a thing set beside the first: "how did A's shares
        # react to X compared with B's shares after Y" compares the two moves.)
        parts, sides = asked
        return parts[0] != sides[0] + "?"
    m = _EACH.match(text)
    if m and m.group("pre").strip():
        return True
    return bool(
        re.search(r"\b(?:which|who) of\b", text, re.IGNORECASE) and not _COMPARATIVE.search(text)
    )


def comparison(question: str) -> tuple[list[str], list[str]] | None:
    """``(sub-questions, alternatives)`` of a comparison, or None when it compares nothing."""
    text = question.strip().rstrip("?.! ")
    m = _COMPARED_WITH.match(text)
    if m:
        a, b = m.group("a"), m.group("b")
        return [a[0].upper() + a[1:] + "?", b[0].upper() + b[1:] + "?"], [a, b]
    for pattern in (_COMPARE, _BETWEEN, _HOW_COMPARE_WITH, _HOW_COMPARE):
        m = pattern.search(text)
        if m:
            found = m.groupdict()
            a, b = found.get("a") or found.get("a2") or "", found.get("b") or found.get("b2") or ""
            a, b = _strip_article(a), _strip_article(b)
            b, shared = _shared_tail(b)
            b = _carried_of(a, _carried_head(a, b))
            # What comes before "how" sets both sides ("At the start of 2004, how did ...").
            lead = text[: m.start()].strip(" ,:")
            lead = f"{lead}: " if lead else ""
            return [f"{lead}{a}{shared}?", f"{lead}{b}{shared}?"], [a, b]
    asked = _asked_compared_with(text)
    if asked is not None:
        return asked
    m = _EACH.match(text)
    if m and m.group("pre").strip():
        pre, rest = m.group("pre"), m.group("rest")
        a, b = m.group("a"), m.group("b")
        return [f"{pre}{a} {rest}".strip() + "?", f"{pre}{b} {rest}".strip() + "?"], [a, b]
    m = _DIRECTIONS.match(text)
    if m and re.search(r"\b(?:than|what)\s+" + re.escape(m.group("b")) + "$", text, re.I):
        # "Is A higher or lower than B?": each side's figure, then which is larger.
        a, b = _strip_article(m.group("a")), _strip_article(m.group("b"))
        return [a + "?", b + "?"], [a, b]
    context = _CONTEXT.match(text)
    if context is not None and not _WHICH_OF.match(context.group("rest")):
        # "In the European elections, did UKIP or Labour spend more on campaigning?": the
        # clause before the question is both sides' setting, not a side nor the frame. (Not
        # before "which of the seeds ...": each side is put before that whole question.)
        set_apart = _alternatives_compared(context.group("rest"))
        if set_apart is not None:
            lead = context.group("lead").strip()
            return [f"{lead}: {part}" for part in set_apart[0]], set_apart[1]
    return _alternatives_compared(text)


# A setting before the question proper: "In the Celebrity Big Brother eviction vote, who ...",
# "At launch, which handheld ...", "Of the athletes pre-selected for X, who ...".
_CONTEXT = re.compile(
    r"^(?P<lead>(?:in|at|on|under|ahead of|of|among|during|after|before|within|according to)"
    r"\b[^,?:]*?),\s*(?P<rest>(?:which|who|whose|what|did|does|do|is|are|was|were|has|have|"
    r"had|will|would)\b.+)$",
    re.IGNORECASE,
)


_WHICH_OF = re.compile(r"\s*(?:which|who)\s+of\b", re.IGNORECASE)


def _alternatives_compared(text: str) -> tuple[list[str], list[str]] | None:
    """``(sub-questions, alternatives)`` of a comparison whose sides are joined by "or"."""
    lowered = text.lower()
    if " or " not in lowered and " vs" not in lowered and " versus " not in lowered:
        return None
    if not _COMPARATIVE.search(text) and not re.search(r"\b(?:which|who) of\b", text, re.I):
        return None  # ("Which of its two friendlies do they play first, China or Italy?")
    # "Which rose more: A or B" / "Which rose more, A or B": the alternatives follow the frame.
    or_at = lowered.rfind(" or ")
    # (A comma just before "or" separates the alternatives, not the frame from them.)
    before_or = or_at if or_at > 0 else len(text)
    if before_or > 0 and text[before_or - 1] == ",":
        before_or -= 1
    # The frame ends at the first colon that follows it ("Which economy grew faster in 2004:
    # Italy's, as reported ..., or China's, as cited ..."), not at a comma or a colon inside a
    # side ("Star Trek: Enterprise"); else at the last comma before the alternatives.
    colon = next(
        (
            c.start()
            for c in re.finditer(r":\s", text[:before_or])
            if _COMPARATIVE.search(text[: c.start()])
            or re.search(r"\b(?:which|who) of\b", text[: c.start()], re.I)
        ),
        -1,
    )
    cut = colon if colon > 0 else max(text.rfind(":"), text.rfind(",", 0, before_or))
    if cut > 0:
        frame, tail = text[:cut], text[cut + 1 :]
        alternatives = [p.strip(" ,") for p in _ALTERNATIVES.split(tail) if p.strip(" ,")]
        if len(alternatives) >= 2:
            alternatives = alternatives[:4]
            # Each part is asked whole; the sides stay as the question words them ("in January
            # 2004" beside "UK lending in January 2005": the words that tell them apart).
            completed = [
                alternatives[0],
                *(_completed(alternatives[0], a) for a in alternatives[1:]),
            ]
            return [_put_in(frame, alt) for alt in completed], alternatives
    # "Were more laptops or more PDAs left in cabs?": two alternatives of the same length
    # around "or", the rest of the sentence their common frame.
    m = _LEAD.match(text)
    lead, rest = (m.group("lead") or "", m.group("rest")) if m else ("", text)
    parts = re.split(r"\s+or\s+", rest, maxsplit=1, flags=re.IGNORECASE)
    if len(parts) != 2:
        return None
    left, right = parts[0].rstrip(" ,"), parts[1]
    whole = _completed(left, right)
    if whole != right:  # "... after the ban in New York or in Ireland": the end of the clause
        return [f"{lead}{left}?".strip(), f"{lead}{whole}?".strip()], [left, right]
    size = len(left.split())
    right_words = right.split()
    if size >= 4 and left.split()[0].lower() == right_words[0].lower():
        # "Were more visitors expected at X or more computers in Y": two whole clauses built
        # alike, no frame shared after them ("more laptops or more PDAs left in cabs" shares one).
        return [f"{lead}{left}?".strip(), f"{lead}{right}?".strip()], [left, right]
    if left.split()[0].lower() in {"more", "fewer", "less"} and right_words[0].lower() not in {
        "more",
        "fewer",
        "less",
    }:
        size -= 1  # "more mobile phone owners or home broadband users in the UK"
    if right_words[0].lower() in _ARTICLES and left.split()[0].lower() not in _ARTICLES:
        size += 1  # "cable or the phone line account for ...": the article is the side's
    if size == 0 or len(right_words) <= size:
        return None
    frame = " ".join(right_words[size:])
    other = " ".join(right_words[:size])
    return [
        f"{lead}{left} {frame}?".strip(),
        f"{lead}{other} {frame}?".strip(),
    ], [left, other]


def asks_direction(question: str) -> bool:
    """Whether a comparison asks which way two figures lie ("Is A higher or lower than B?")."""
    text = question.strip().rstrip("?.! ")
    m = _DIRECTIONS.match(text)
    return bool(m and re.search(r"\b(?:than|what)\s+" + re.escape(m.group("b")) + "$", text, re.I))


def compared_thing(question: str) -> str | None:
    """The stem of the thing a comparison counts ("job" in "which is cutting more jobs"), if
    it names one."""
    m = _COMPARED_THING.search(question)
    if not m:
        return None
    noun = None
    for token in m.group("words").split():
        lowered = token.lower().strip("'’")
        if lowered in STOPWORDS or token[0].isdigit():
            break
        if not token[0].isupper():
            noun = stem(lowered)
    return noun


def without_comparatives(text: str) -> str:
    """A comparison's part as a plain question: "larger", "more than" say nothing to look for."""
    return " ".join(_COMPARATIVE.sub(" ", text).split())


_PREPOSITIONS = frozenset(
    "in on at for from after before during over under with by of to since against into".split()
)


def _completed(first: str, alternative: str) -> str:
    """A later alternative that is only the end of the first one's clause, whole: "in Ireland"
    beside "cigarette sales fell after the smoking ban in New York" is "cigarette sales fell
    after the smoking ban in Ireland"; "to have no title" beside "people want her to become
    Princess Consort", "more spoken references to sex" beside "it counted more flashes of
    nudity", "of Minis" beside "sales of BMW-brand cars". It takes the place of the first's
    last phrase that begins with the same word, else (a preposition) of its last phrase with a
    preposition other than "of"."""
    words = alternative.split()
    if not words:
        return alternative
    lead = words[0].lower()
    if lead not in _PREPOSITIONS and lead not in {"more", "fewer", "less"}:
        return alternative
    tokens = first.split()
    at = next((i for i in range(len(tokens) - 1, 0, -1) if tokens[i].lower() == lead), None)
    if at is None and lead in _PREPOSITIONS:
        at = next(
            (
                i
                for i in range(len(tokens) - 1, 0, -1)
                if tokens[i].lower() in _PREPOSITIONS and tokens[i].lower() != "of"
            ),
            None,
        )
    if at is None:
        return alternative
    return " ".join([*tokens[:at], alternative])


_ARTICLES = frozenset({"the", "a", "an"})


def _strip_article(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)


def _put_in(frame: str, alternative: str) -> str:
    """The frame with its question word replaced: "Which rose more" -> "BA's profits rose more?"."""
    if re.match(r"^\s*(?:which|who)\s+of\s+(?!(?:the|these|them)\b)", frame, re.IGNORECASE):
        return f"{alternative}: {frame}".strip() + "?"  # "Which of its two friendlies ..."
    whose = re.match(r"^\s*whose\s+(?P<noun>[\w'’-]+)\b", frame, re.IGNORECASE)
    if whose:  # "Whose fortune is bigger", "Joss Stone's" -> "Joss Stone's fortune is bigger"
        owner = alternative if re.search(r"['’]s?$", alternative) else f"{alternative}'s"
        return f"{owner} {whose.group('noun')}{frame[whose.end() :]}".strip() + "?"
    # A side that carries its own setting after a comma ("Italy's, as reported ahead of the
    # plan"): the side takes the question word's place, its setting ends the part.
    setting = re.match(r"^(?P<core>[^,]+),\s+(?P<rest>[a-z(].*)$", alternative)
    core, tail = (
        (setting.group("core"), f", {setting.group('rest')}") if setting else (alternative, "")
    )
    put, n = re.subn(
        r"^\s*(?:which|who|what)(?:\s+(?:one|of (?:the|these|them)(?: two)?))?\b",
        core.replace("\\", "\\\\"),
        frame,
        count=1,
        flags=re.IGNORECASE,
    )
    return (f"{put}{tail}" if n else f"{alternative}: {frame}").strip() + "?"


# A part that is only a question word ("... and when?", "... and why?", "in what time?") asks
# it of the first part's clause; the clause is what follows the first part's question phrase.
_BARE_PART = re.compile(
    r"^(?:(?:by|in|on|at|for|from)\s+)?(?:when|why|where|how|how (?:long|much|many|often)|"
    r"(?:what|which) (?:time|year|day|date|age))\s*\??$",
    re.IGNORECASE,
)
_ASKED_CLAUSE = re.compile(
    r"^(?:(?:by|in|on|at|for|from|to|with)\s+)?(?:how(?:\s+(?:much|many|long|far|old|often))?|"
    r"(?:what|which)(?:\s+[\w'’-]+){0,3}?|who|whom|when|where|why)\s+"
    r"(?P<clause>(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could)\b.+?)\s*\??$",
    re.IGNORECASE,
)


def _bare_completed(first: str, piece: str) -> str:
    """``piece`` asked of the first part's clause when it is only a question word: "why"
    after "When did Dame Alicia Markova retire from dancing" is "why did Dame Alicia Markova
    retire from dancing"; else ``piece`` as it is."""
    if not _BARE_PART.match(piece):
        return piece
    clause = _ASKED_CLAUSE.match(first)
    if clause is None:
        return piece
    return f"{piece.rstrip('? ')} {clause.group('clause')}"


def _multi_parts(question: str) -> list[str]:
    pieces = [p.strip(" ,;") for p in _PART_JOIN.split(question.strip()) if p.strip(" ,;?")]
    if len(pieces) < 2:
        return []
    pieces = [pieces[0], *(_bare_completed(pieces[0], p) for p in pieces[1:])]
    # A pronoun is put back as the first part's name only when that part names one thing: of
    # several ("Mahmoud Abbas", "Tel Aviv"), which one "it" is, its form does not say, and a
    # part that names nothing has no name to put back; the part keeps its pronoun and is
    # searched with the first part's names (``AnswerEngine._parts``).
    names = names_in(pieces[0])
    subject = names[0] if len(names) == 1 else None
    if _ASKS_PERSON.match(pieces[0]):
        # "Who is Southampton's new manager and whom does he replace?": "he" is the person the
        # first part asks for, not its subject; the part keeps its pronoun.
        subject = None
    # "Which Old Firm players were suspended and what were they punished for?": a first part
    # that asks for several things is what a later "they" points back to, not its name.
    several = asks_list(pieces[0])
    parts = []
    for i, piece in enumerate(pieces):
        piece = piece.rstrip("?. ") + "?"
        pronoun = _PRONOUNS.search(piece)
        if (
            i
            and subject
            and pronoun
            and not names_in(piece)
            and not (several and pronoun.group(1).lower() in _PLURAL_PRONOUNS)
        ):
            piece = _PRONOUNS.sub(lambda m: _put_back(m, subject), piece, count=1)
        parts.append(piece[0].upper() + piece[1:])
    # Each part must ask something of its own: at least one content word, or a pronoun that
    # points back ("and what does he say about it?").
    if any(
        len(content_terms(p)) < 1 and not (i and _PRONOUNS.search(p)) for i, p in enumerate(parts)
    ):
        return []
    return parts


def refers_back(part: str) -> bool:
    """Whether a later part of a question points back with a pronoun ("where is he based")."""
    return bool(_PRONOUNS.search(part))


def resolve_pronoun(part: str, name: str) -> str:
    """A later part with its first pronoun put back as the name an earlier part's answer gave:
    "Whom does he take over from?" after "Who did X appoint?" answered "Dave Collins"."""
    return _PRONOUNS.sub(lambda m: _put_back(m, name), part, count=1)


def _put_back(match: re.Match[str], name: str) -> str:
    """The name in a pronoun's place: "her" before a noun is "X's" ("her sentence"), "her"
    at the end of its clause is "X" ("what did the website charge her?")."""
    pronoun = match.group(1)
    if pronoun.lower() == "her" and not re.match(r"\s+[\w'’-]", match.string[match.end() :]):
        return name
    return _possessive(pronoun, name)


def _possessive(pronoun: str, subject: str) -> str:
    return f"{subject}'s" if pronoun.lower() in {"his", "its", "their", "her"} else subject


def plan_question(question: str) -> QuestionPlan:
    """The question's kind, its subject and any sub-questions, from its form."""
    question = " ".join(question.split())
    subject = subject_of(question)
    subs = comparison_parts(question)
    if subs:
        return QuestionPlan(kind="comparison", subject=subject, sub_questions=subs)
    if is_open(question):
        return QuestionPlan(kind="briefing", subject=subject, sub_questions=[])
    parts = _multi_parts(question)
    if len(parts) >= 2:
        return QuestionPlan(kind="multi_part", subject=subject, sub_questions=parts[:4])
    if asks_list(question):
        return QuestionPlan(kind="list", subject=subject, sub_questions=[])
    if _CHANGE.search(question):
        return QuestionPlan(kind="change", subject=subject, sub_questions=[])
    return QuestionPlan(kind="factoid", subject=subject, sub_questions=[])
