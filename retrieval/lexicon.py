"""Closed word classes of English that the claim verifier reasons with.

These are general grammar and news vocabulary, not lists fitted to any article: the negation and
hedging words of English, reporting verbs, comparison words, and pairs of opposite predicates as
news reports use them (gain/lose ground, rise/fall, win/lose, approve/reject ...). Words inside one
group of a pair are near-synonyms for the verifier (a paraphrase may trade one for another); a word
of one group put where the passage has a word of the other is a contradiction.

Everything is written as lemmas (the dictionary form spaCy's lemmatiser gives).
"""

from __future__ import annotations

# Each entry: (one side, the opposite side). Multi-word lemmas are joined with a space
# ("pull back") and matched on a verb plus its particle.
OPPOSITE_PREDICATES: list[tuple[frozenset[str], frozenset[str]]] = [
    (frozenset(s.split(",")), frozenset(o.split(",")))
    for s, o in (
        # ground, territory, positions
        (
            "retake,reclaim,recapture,regain,liberate,win back,take back",
            "lose,cede,surrender,abandon,give up,forfeit,relinquish",
        ),
        ("capture,seize,occupy,conquer,take", "lose,cede,surrender,release,free"),
        ("advance,push forward,push on,press on", "retreat,withdraw,pull back,fall back"),
        # contests, elections, cases
        ("win,beat,defeat,triumph,prevail", "lose,concede"),
        ("victory,win,triumph", "defeat,loss"),
        ("succeed,success,successful", "fail,failure,unsuccessful,flop"),
        ("convict,guilty", "acquit,clear,innocent"),
        # amounts, prices, markets
        (
            "rise,increase,grow,climb,gain,jump,soar,surge,rally,rebound,raise,boost,expand,"
            "go up,double,treble,lift,improve",
            "fall,decrease,decline,drop,shrink,slump,plunge,sink,slide,tumble,dip,cut,reduce,"
            "lower,contract,go down,halve,ease,worsen,slow",
        ),
        ("increase,rise,growth,gain,jump,surge,boost", "decrease,fall,decline,drop,cut,reduction"),
        ("profit,surplus,gain", "loss,deficit"),
        (
            "high,higher,highest,large,larger,largest,big,bigger,biggest,more,most,strong,stronger,"
            "up,above,over,top",
            "low,lower,lowest,small,smaller,smallest,less,fewer,least,weak,"
            "weaker,down,below,under,bottom",
        ),
        ("buy,purchase,acquire", "sell,divest,dispose"),
        ("import", "export"),
        ("borrow", "lend"),
        # decisions
        (
            "approve,pass,accept,adopt,endorse,ratify,back,support,uphold,sanction",
            "reject,veto,refuse,oppose,block,overturn,dismiss,turn down,vote down,throw out",
        ),
        (
            "allow,permit,authorise,authorize,legalise,legalize,lift",
            "ban,forbid,prohibit,bar,outlaw",
        ),
        ("confirm,admit,acknowledge", "deny,dispute,refute"),
        ("agree,accept", "disagree,refuse,decline"),
        ("include", "exclude"),
        ("legal,lawful", "illegal,unlawful"),
        ("praise,welcome,hail,applaud", "criticise,criticize,condemn,attack,denounce"),
        # beginnings and ends, comings and goings
        (
            "open,launch,start,begin,resume,introduce",
            "close,shut,end,stop,halt,suspend,scrap,cease",
        ),
        ("hire,recruit,employ,appoint", "fire,sack,dismiss,lay off"),
        ("join,enter", "leave,quit,exit,withdraw,resign"),
        ("arrive,come", "depart,leave,go"),
        ("release,free,pardon", "arrest,detain,jail,imprison"),
        ("attack,invade", "defend"),
        ("strengthen", "weaken"),
        ("majority", "minority"),
        ("positive,good,better,best", "negative,bad,worse,worst"),
        ("optimistic,confident,confidence,optimism", "pessimistic,doubtful,doubt,pessimism"),
        ("ally,friend", "enemy,foe,rival"),
        ("public", "private"),
        ("domestic", "foreign,international"),
        ("maximum", "minimum"),
        ("rich,wealthy", "poor"),
        ("old,older,oldest", "young,younger,youngest,new"),
        ("first", "last,final"),
        ("close,closer,near,nearer", "far,further,farther,distant"),
        ("speed up,accelerate,hasten", "slow down,slow,delay"),
    )
]

# Time order: a claim that puts an event on the other side of the passage's anchor is wrong.
TIME_OPPOSITES: list[tuple[frozenset[str], frozenset[str]]] = [
    (
        frozenset(
            "before,early,earlier,previous,previously,last,past,ago,yesterday,former,prior".split(
                ","
            )
        ),
        frozenset(
            "after,late,later,next,following,future,tomorrow,upcoming,coming,subsequent".split(",")
        ),
    ),
    (frozenset({"morning"}), frozenset({"evening", "night"})),
]

# Negation cues (spaCy marks 'not', "n't", 'never' as dep 'neg'; these catch the rest).
NEGATORS = frozenset("not n't never no none nobody nothing neither nor without".split())
# Verbs that make the action they govern not happen: "failed to retake", "denied seizing".
NEGATIVE_IMPLICATIVES = frozenset(
    "fail refuse deny decline neglect avoid reject cancel abandon stop prevent halt".split()
)

# Modal and hedging cues: the passage only says something may be so.
HEDGE_AUXILIARIES = frozenset("may might could would should can ought".split())
HEDGE_ADVERBS = frozenset(
    "possibly probably perhaps maybe likely unlikely reportedly allegedly apparently "
    "potentially supposedly seemingly almost".split()
)
# Verbs of intention and expectation, what is aimed at or foreseen (general English): the
# future-looking part of the hedging verbs (not "try", which tells of an attempt).
AIM_VERBS = frozenset(
    "expect plan hope aim seek intend want promise pledge vow predict forecast".split()
)
HEDGE_VERBS = AIM_VERBS | frozenset("propose consider threaten try attempt set due tip".split())
HEDGE_ADJECTIVES = frozenset("likely unlikely possible probable expected set due".split())

# Verbs (and 'according to') that attribute a statement to someone.
REPORTING_VERBS = frozenset(
    "say tell claim allege accord insist suggest hint argue believe think assert maintain "
    "contend report state warn add write announce estimate predict reckon signal indicate "
    "acknowledge admit confirm deny accuse quote dismiss refute dispute find conclude learn"
    "".split()
)
# Reporting verbs that deny what they report: 'dismissed reports that ...' is not 'confirmed'.
DENYING_REPORTS = frozenset("deny dismiss refute dispute reject".split())

# Verbs of opinion whose 'not' denies their clause ("neg-raising", general English grammar):
# 'does not believe it should' says 'believes it should not'.
NEG_RAISING_VERBS = frozenset("think believe expect suppose imagine reckon anticipate feel".split())

# Near-synonyms news writers trade for one another (a paraphrase may use any of a group).
SYNONYM_GROUPS: list[frozenset[str]] = [
    frozenset(g.split(","))
    for g in (
        "need,require",
        "say,tell,state,add",
        "show,reveal,indicate,suggest",
        "get,receive,obtain,gain,win",
        "help,aid,assist",
        "try,attempt,seek",
        "make,produce,create",
        "move,switch,shift,transfer",
        "ban,suspend,bar",
        "investigate,probe,examine,look into",
        "name,appoint,choose,select,pick",
        "quit,resign,step down,leave",
        "reach,hit",
        "expose,reveal,disclose,uncover",
        "dub,nickname,call,label",
        "seek,push for,demand,want",
        "hope,want,wish",
        "pick up,win,scoop,collect",
        "follow,come after",
        "win,claim,clinch,secure,take",
        "announce,unveil,reveal,disclose",
        "warn,caution",
        "plan,intend,aim",
        "decide,choose,opt",
        "buy,purchase,acquire",
        "stake,share,holding",
        "firm,company,group,business",
        "film,movie",
        "shares,stock",
        "rise,increase,grow,climb,gain,go up,jump",
        "fall,drop,decline,decrease,go down,slip",
        "plunge,slump,tumble,fall sharply,drop sharply",
        "cut,reduce,lower",
        "big,large,major",
        "small,little,minor",
        "begin,start,launch",
        "end,finish,conclude",
        "stop,halt,suspend",
        "capture,seize,take",
        "retake,recapture,reclaim,regain,win back,take back",
        "army,troops,forces,military",
        "soldier,troop,fighter",
        "region,area,territory,land",
        "country,nation,state",
        "chief,head,leader,boss",
        "president,leader",
        "minister,secretary",
        "election,vote,poll",
        "match,game,tie,clash,fixture",
        "title,crown,championship",
        "beat,defeat",
        "keep,maintain,retain",
        "continue,keep",
        "ignore,disregard",
        "death,die",
        "accuse,charge",
        "firing,dismissal",
        "postings,posts",
        "tariff,duty",
        "profit,earnings",
        "sales,revenue,turnover",
        "job,post,position",
    )
]

# Comparison of a quantity with a figure: the direction the claim and the passage give it.
MORE_THAN = frozenset("more over above exceed exceeding beyond least upwards plus".split())
LESS_THAN = frozenset("less fewer under below nearly almost near barely most short".split())
APPROXIMATELY = frozenset("about around roughly approximately some circa estimated".split())

MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december".split()
)
MONTHS = MONTH_NAMES | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# The calendar's names written out in full (no abbreviations such as "mar", "sat").
CALENDAR_NAMES = MONTH_NAMES | WEEKDAYS
DAY_WORDS = frozenset("today yesterday tomorrow tonight".split())
# 'last week', 'this summer', 'next year': a time relative to the report, compared as a whole.
RELATIVE_TIME_MARKERS = frozenset("last this next previous coming past".split())
TIME_UNITS = frozenset(
    "day week weekend fortnight month year season summer winter spring autumn decade century "
    "night morning evening afternoon quarter term".split()
)
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "half": 0.5,
    "quarter": 0.25,
    "third": 1 / 3,
    "once": 1,
    "twice": 2,
    "double": 2,
    "single": 1,
}
MULTIPLIERS = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
CURRENCY = {
    "£": "gbp",
    "pound": "gbp",
    "sterling": "gbp",
    "gbp": "gbp",
    "$": "usd",
    "dollar": "usd",
    "usd": "usd",
    "€": "eur",
    "euro": "eur",
    "eur": "eur",
    "¥": "jpy",
    "yen": "jpy",
    "rouble": "rub",
    "ruble": "rub",
    "yuan": "cny",
    "rupee": "inr",
}
PERCENT = frozenset({"%", "percent", "per cent", "pc", "percentage"})

# A personal pronoun's other cases and its possessives, to the subject form ("his" -> "he"), so
# that a party named by a pronoun is the same party in any case.
PRONOUN_BASE = {
    "him": "he",
    "his": "he",
    "her": "she",
    "hers": "she",
    "them": "they",
    "their": "they",
    "its": "it",
    "us": "we",
    "our": "we",
    "me": "i",
    "my": "i",
}
