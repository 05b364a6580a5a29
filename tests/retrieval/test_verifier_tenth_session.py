"""Tenth session: wording the resources do not link, read from the sentence's own grammar: two
verbs with the same particle ('pump out' / 'send out'); a support verb and its noun for the
noun's verb ('came to a tragic end' / 'ended tragically'); 'not daunted' for 'undaunted' where
the parser's lemma is wrong; a counted noun said by another word of the same meaning ('one spot
above' / 'one place ahead'); a time word said by its synonym in the same place ('the last 100
metres' / 'the final 100 metres'), and a time word's opposite only in the same part of speech;
'ought to' as the hedge 'should' is; a verb of opinion's 'not' denies its clause. Each faithful
pair is beside an edit of the same construction that must still be refused. Pairs from the
development sets (ids) or written for the tests; the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify

# (claim, passage): faithful paraphrases the verifier must support
KEPT = {
    "v273 pump out / send out": (
        "Over a million computers on the net have been hijacked to attack websites and send "
        "out spam and viruses.",
        "More than one million computers on the net have been hijacked to attack websites and "
        "pump out spam and viruses.",
    ),
    "b097 flown back / sent back": (
        "Bombay's deputy police chief Bipin Bihari said Khan was being flown back to Norway on "
        "the first available flight.",
        "Bipin Bihari, deputy police chief in Bombay, said Khan was being sent back to Norway on "
        "the first available flight.",
    ),
    "j137 came to an end / ended": (
        "The band's development came to a tragic end when songwriter Kurt Cobain killed "
        "himself in April 1994.",
        "The band's development ended tragically when songwriter Kurt Cobain committed suicide "
        "in April 1994.",
    ),
    "cause an upset / upset": (
        "John Kirwan, Italy's coach, thinks his side can cause an upset against England.",
        "Italy coach John Kirwan believes his side can upset England.",
    ),
    "cause an upset at a place / upset": (
        "Italy caused an upset against England at Twickenham.",
        "Italy upset England at Twickenham.",
    ),
    # neg-raising: a verb of opinion's 'not' denies its clause (b238, shortened)
    "b238 believes ... not / does not believe": (
        "Tony Blair believes abortion should not be an election issue.",
        "Tony Blair does not believe abortion should be an election issue.",
    ),
    "j208 not daunted / undaunted": (
        "The confident 23-year-old is not daunted by the prospect of dealing with such weighty "
        "expectations, though.",
        "The confident 23-year-old is undaunted by the prospect of dealing with such weighty "
        "expectations however.",
    ),
    "p242 spot / place": (
        "Elvis Presley's latest re-release came in at number three, one spot above Wake Me Up "
        "by Girls Aloud.",
        "The latest Elvis Presley re-release entered the chart at number three, one place ahead "
        "of Girls Aloud's Wake Me Up.",
    ),
    "p189 loss / defeat": (
        "England's 1-0 loss to Spain on Wednesday was all over the front and back pages of the "
        "country's press on Thursday.",
        "England's 1-0 defeat to Spain on Wednesday dominated the back and front pages of the "
        "country's press on Thursday.",
    ),
    "p249 last / final": (
        "The athlete from Larne had to fend off a late challenge from Welshman Jimmy Watkins "
        "over the last 100 metres.",
        "The Larne athlete had to hold off a late challenge from Welshman Jimmy Watkins in the "
        "final 100 metres.",
    ),
    "u077 after / Former": (
        "Former Australian wing David Campese has told England to stop whingeing after their "
        "defeat by Ireland.",
        "Former Australian wing David Campese has told England to stop whingeing in the wake of "
        "their defeat to Ireland.",
    ),
    "j267 ought to / should": (
        "According to Ms Kelly, reforms ought to build on GCSEs and A-levels.",
        "Ms Kelly said reforms should build on GCSEs and A-levels.",
    ),
}

# (claim, passage): edits of the same constructions, which must not be supported
REFUSED = {
    # both phrases are WordNet idioms: their meanings are WordNet's, not the particle's
    "ruled out / carried out": (
        "The government has ruled out a rise in fuel duty.",
        "The government has carried out a rise in fuel duty.",
    ),
    "kicked off / finished off": (
        "The talks kicked off on Monday.",
        "The talks finished off on Monday.",
    ),
    # a preposition with its own object is no particle (h091)
    "promoted over / suspended over": (
        "A US airline attendant is fighting for her job after she was promoted over postings "
        "on her blog.",
        "A US airline attendant is fighting for her job after she was suspended over postings "
        "on her blog.",
    ),
    # the same particle on two verbs that are not near in meaning ('wave down' a helicopter)
    "shot down / waved down": (
        "Rebels shot down a helicopter.",
        "Rebels waved down a helicopter.",
    ),
    # the same particle on two opposite verbs
    "gave up / took up": (
        "He gave up the post of chairman in March.",
        "He took up the post of chairman in March.",
    ),
    # the support verb's subject must be the doer of the passage's verb
    "caused an upset, sides swapped": (
        "Italy caused an upset against England.",
        "England upset Italy.",
    ),
    # ... and is no mere link between two things the passage names ('at Twickenham')
    "caused an upset, sides swapped, a place": (
        "England caused an upset against Italy at Twickenham.",
        "Italy upset England at Twickenham.",
    ),
    "did not come to an end": (
        "The band's development did not come to an end when Kurt Cobain left.",
        "The band's development ended when Kurt Cobain left.",
    ),
    "believes / does not believe": (
        "Tony Blair believes abortion should be an election issue.",
        "Tony Blair does not believe abortion should be an election issue.",
    ),
    "does not believe / believes": (
        "Tony Blair does not believe abortion should be an election issue.",
        "Tony Blair believes abortion should be an election issue.",
    ),
    "daunted / undaunted": (
        "The confident 23-year-old is daunted by the prospect of dealing with such weighty "
        "expectations.",
        "The confident 23-year-old is undaunted by the prospect of dealing with such weighty "
        "expectations.",
    ),
    # units of measure are never said by another word (r041, d5070)
    "minutes / seconds": (
        "Gatlin won the closest 100m final in Games history with a career-best time of 9.85 "
        "minutes in Athens.",
        "Gatlin won the closest 100m final in Games history with a career-best time of 9.85 "
        "seconds in Athens.",
    ),
    "yards / metres": (
        "Rules introduced in 2002 demand that net cafes be at least 200 yards away from schools.",
        "Rules introduced in 2002 demand that net cafes be at least 200 metres away from schools.",
    ),
    # a counted noun is not said by a word its definition uses ('point', 'producer')
    "points / goals": (
        "Henry scored 30 points for Arsenal this season.",
        "Henry scored 30 goals for Arsenal this season.",
    ),
    "producers / films": (
        "The studio hired 40 producers last year.",
        "The studio hired 40 films last year.",
    ),
    "first / final": (
        "The athlete from Larne had to fend off a late challenge from Welshman Jimmy Watkins "
        "over the first 100 metres.",
        "The Larne athlete had to hold off a late challenge from Welshman Jimmy Watkins in the "
        "final 100 metres.",
    ),
    "before / after": (
        "David Campese has told England to stop whingeing before their defeat by Ireland.",
        "David Campese has told England to stop whingeing after their defeat by Ireland.",
    ),
    "will / should": (
        "According to Ms Kelly, reforms will build on GCSEs and A-levels.",
        "Ms Kelly said reforms should build on GCSEs and A-levels.",
    ),
    "ought to / does": (
        "According to Ms Kelly, the plan builds on GCSEs and A-levels.",
        "Ms Kelly said the plan ought to build on GCSEs and A-levels.",
    ),
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_faithful_wording_is_supported(name: str) -> None:
    claim, passage = KEPT[name]
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_an_edit_of_the_same_construction_is_refused(name: str) -> None:
    claim, passage = REFUSED[name]
    check = verify(claim, passage)
    assert check.verdict != "supported", check
