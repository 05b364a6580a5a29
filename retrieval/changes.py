"""Whether a sentence tells a change over time: the thing asked at two times.

"How has X changed since ...", "how did X do this year compared with the year before" is
answered by a sentence that gives both states: two figures with a move between them ("rose by
2% in 2004, after a 31% decline in 2003", "fell to 95.5 in February from 97.5 in January"), or
a state with the earlier one named ("beaten into fourth at last year's event, having won it a
year earlier", "previously, passengers could claim between 150 and 300 euros").

Everything here is the sentence's form (figures, places in an order, words of movement and of
an earlier time); nothing is fitted to a set of questions.
"""

from __future__ import annotations

import re

from retrieval.grounding import quantities_in

_EARLIER = re.compile(
    r"\b(?:previously|formerly|earlier|before|ago|up from|down from|from|compared with|"
    r"compared to|against|after an?|having|last (?:year|month|week|season|time)|"
    r"the (?:year|month|week|season) before|the previous (?:year|month|quarter|week|season)|"
    r"a year (?:earlier|before)|same (?:period|quarter|month) (?:last|a) year|year-on-year|"
    r"year on year)\b",
    re.IGNORECASE,
)
_MOVE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|grew|grow(?:s|n|ing|th)?|"
    r"increas(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|declin(?:e|ed|es|ing)|jump(?:ed|s)?|"
    r"dropp(?:ed|ing)|drops?|slid|slump(?:ed|s)?|climb(?:ed|s)?|soar(?:ed|s)?|plung(?:e|ed)|"
    r"doubled|halved|cut|raised|reduced|lost|gained|promot(?:ed|ion)|replac(?:ed|es))\b",
    re.IGNORECASE,
)
_ORDINAL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)


def states_told(sentence: str) -> int:
    """How plainly ``sentence`` tells a change: 2 when it gives two figures (or places) with a
    move or an earlier time between them; 1 when it gives one with the earlier time named, or
    a move from an earlier time; else 0."""
    states = len(quantities_in(sentence)) + len(_ORDINAL.findall(sentence))
    earlier = bool(_EARLIER.search(sentence))
    move = bool(_MOVE.search(sentence))
    if states >= 2 and (earlier or move):
        return 2
    if (states >= 1 and earlier) or (earlier and move):
        return 1
    return 0
