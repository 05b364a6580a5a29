"""Eleventh session: faithful paraphrases the hard checks refused on restructured sentences, each
beside an edit of the same construction that must still be refused. An acronym a text defines in
brackets ('General Motors (GM)') is an alias of the name; a place's adjective and the place, or
two names WordNet gives one sense ('Scottish' / 'Scotland', 'Britain' / 'UK'), are one entity;
'ex-' is 'former'. Pairs from the development sets (ids) or written for the tests; the real
parser.

Attribution and hedges said otherwise on both sides: 'According to X, ...' for '..., said X'
(the source read by the words' order after 'according to', which the parser often hangs off
the clause); a WordNet synonym keeps a frame ('unsure' / 'uncertain') or a verb of saying
('forecast' / 'predicted'); a hedge the claim keeps above its word however the parser hangs it
('has ordered X to pay' / 'X has been ordered to pay', 'thinking about raising' / 'considering
raising'); an adjective of ability for 'can' ('capable of qualifying', 'unable to make')."""

from __future__ import annotations

import pytest

from retrieval.verifier import _aliases_spelt_out, verify

# (claim, passage): faithful paraphrases the verifier must support
KEPT = {
    "t018 GM / General Motors (GM)": (
        "Fiat and GM have until midnight on 1 February to resolve a dispute over a possible "
        "takeover.",
        "Fiat and General Motors (GM) have until midnight on 1 February to settle a "
        "disagreement over a potential takeover.",
    ),
    "t266 IAEA / International Atomic Energy Agency (IAEA)": (
        "A spokesman for the IAEA said its present technology, being more than 20 years old, "
        "could allow key information to be overlooked.",
        "A spokesman for the International Atomic Energy Agency (IAEA) said its current "
        "technology could allow key information to be overlooked as it was more than 20 years "
        "old.",
    ),
    "t131 Scottish universities / universities in Scotland": (
        "The number of students from south of the border applying to Scottish universities has "
        "risen.",
        "A rise has been recorded in the number of students from south of the border applying "
        "to universities in Scotland.",
    ),
    "b128 Britain / the UK": (
        "Britain has welcomed India and Pakistan's decision to open a bus link across the "
        "ceasefire line that divides disputed Kashmir.",
        "The UK has welcomed the decision by India and Pakistan to open a bus link across the "
        "ceasefire line dividing the disputed region of Kashmir.",
    ),
    # 'the then MP' puts the MP in the past too
    "the then Labour MP / the former Labour MP": (
        "The then Labour MP called for the release of aid worker Margaret Hassan.",
        "The former Labour MP called for the release of aid worker Margaret Hassan.",
    ),
    "t166 the former Labour MP / Ex-Labour MP": (
        "George Galloway, the former Labour MP, has called for the release of aid worker "
        "Margaret Hassan, who was kidnapped in Iraq.",
        "Ex-Labour MP George Galloway has appealed for the release of aid worker Margaret "
        "Hassan, kidnapped in Iraq.",
    ),
    "a096 According to X / said X": (
        "According to market analyst Datamonitor, UK children aged 10 to 17 had an annual "
        "income of £775.",
        "Children in the UK between the ages of 10 and 17 had an annual income of £775, said "
        "market analyst Datamonitor.",
    ),
    "j061 According to X fronted / according to X": (
        "According to Swiss Re, a run of storms, typhoons and earthquakes made 2004 property "
        "insurers' costliest year on record.",
        "A string of storms, typhoons and earthquakes has made 2004 the most expensive year on "
        "record for property insurers, according to Swiss Re.",
    ),
    "t222 unsure / uncertain": (
        "After being dropped for the Carling Cup final, Liverpool forward Milan Baros is unsure "
        "whether he is still part of boss Rafa Benitez's plans.",
        "Liverpool forward Milan Baros is uncertain whether he remains part of boss Rafa "
        "Benitez's plans after being dropped for the Carling Cup final.",
    ),
    "t206 capable of qualifying / can qualify": (
        "Steve Finnan thinks the Republic of Ireland are capable of qualifying directly for the "
        "World Cup finals.",
        "Steve Finnan believes the Republic of Ireland can qualify directly for the World Cup "
        "finals.",
    ),
    "j132 unable to make / cannot make": (
        "Refunds will be given to anyone unable to make the concert.",
        "Anyone who cannot make the concert will be given a refund.",
    ),
    "t257 has ordered X to pay / X has been ordered to pay": (
        "The country's Supreme Court has ordered a Norwegian student who ran a website linking "
        "to downloadable MP3 files to pay compensation.",
        "A Norwegian student who ran a website which linked to downloadable MP3 files has been "
        "ordered to pay compensation by the country's Supreme Court.",
    ),
    "p221 thinking about raising / considering raising": (
        "Indonesia's government has confirmed that it is thinking about raising fuel prices by "
        "up to 30%.",
        "Indonesia's government has confirmed it is considering raising fuel prices by as much "
        "as 30%.",
    ),
    "not likely / unlikely (a hedge denied both ways)": (
        "India is not likely to be cowed by its newcomer status.",
        "India is unlikely to be cowed by its newcomer status.",
    ),
    "p266 the final quarter / the last three months (a unit counted by a figure)": (
        "In the final quarter of 2004, gross domestic product shrank by 0.1%.",
        "Gross domestic product fell by 0.1% in the last three months of 2004.",
    ),
    # two subjects told apart only on the claim's own verb: 'came third' is not 'settle'
    "t198 came third / took third (not 'settle for second')": (
        "British favourite Chris Lambert had to make do with second place, while Ireland's "
        "Paul Brizzel, the defending champion, came third.",
        "British favourite Chris Lambert had to settle for second place while defending "
        "champion Ireland's Paul Brizzel took third.",
    ),
    "v172 confident of winning / confident she can win": (
        "Sarah Claxton, the British hurdler, is confident of winning her first major medal at "
        "next month's European Indoor Championships in Madrid.",
        "British hurdler Sarah Claxton is confident she can win her first major medal at next "
        "month's European Indoor Championships in Madrid.",
    ),
}

# (claim, passage): edits of the same constructions the verifier must not support
REFUSED = {
    "another acronym than the one defined": (
        "Fiat and GE have until midnight on 1 February to resolve a dispute over a possible "
        "takeover.",
        "Fiat and General Motors (GM) have until midnight on 1 February to settle a "
        "disagreement over a potential takeover.",
    ),
    "Welsh universities / universities in Scotland": (
        "The number of students from south of the border applying to Welsh universities has risen.",
        "A rise has been recorded in the number of students from south of the border applying "
        "to universities in Scotland.",
    ),
    "x106 Clinton / Bush (both presidents: no hypernym)": (
        "When Carson died, President Clinton led the public tributes.",
        'When Carson died, President Bush led the public tributes, saying the presenter "had a '
        'profound influence on American life and entertainment".',
    ),
    "b113 Kent / Essex (both counties)": (
        "Lord Hanningfield, leader of Kent County Council, said they were going to the High "
        "Court because they wanted a judge to rule there should be a proper inquiry.",
        "Lord Hanningfield, leader of Essex County Council, said they were going to the High "
        "Court because they wanted a judge to rule there should be a proper inquiry.",
    ),
    "y025 Indian / Asian": (
        "Stars have been added to the line-up for a TV special to raise money for victims of "
        "the Indian earthquake.",
        "Stars have been added to the line-up for a TV special to raise money for victims of "
        "the Asian earthquake.",
    ),
    "b182 American / English": (
        "It is based on the children's book by American writer Diana Wynne Jones.",
        "It is based on the children's book by English writer Diana Wynne Jones.",
    ),
    "the Labour MP / Ex-Labour MP": (
        "George Galloway, the Labour MP, has called for the release of aid worker Margaret Hassan.",
        "Ex-Labour MP George Galloway has appealed for the release of aid worker Margaret Hassan.",
    ),
    # an age's 'old' or a 'then' of the clause does not put the MP in the past
    "the 62-year-old Labour MP / the former Labour MP, 62": (
        "The 62-year-old Labour MP has called for the release of aid worker Margaret Hassan.",
        "The former Labour MP, 62, has called for the release of aid worker Margaret Hassan.",
    ),
    "the Labour MP then called / the former Labour MP": (
        "The Labour MP then called for the release of aid worker Margaret Hassan.",
        "The former Labour MP has called for the release of aid worker Margaret Hassan.",
    ),
    "According to another source": (
        "According to market analyst Mintel, UK children aged 10 to 17 had an annual income of "
        "£775.",
        "Children in the UK between the ages of 10 and 17 had an annual income of £775, said "
        "market analyst Datamonitor.",
    ),
    # (the claim keeps every other word, so that only the dropped frame refuses it: 'is still
    # part' for 'remains part' was refused as a role swap, 'Liverpool' for 'Milan Baros')
    "the frame dropped": (
        "Liverpool forward Milan Baros remains part of boss Rafa Benitez's plans.",
        "Liverpool forward Milan Baros is uncertain whether he remains part of boss Rafa "
        "Benitez's plans.",
    ),
    "will qualify / can qualify": (
        "Steve Finnan thinks the Republic of Ireland will qualify directly for the World Cup "
        "finals.",
        "Steve Finnan believes the Republic of Ireland can qualify directly for the World Cup "
        "finals.",
    ),
    "is raising / considering raising": (
        "Indonesia's government has confirmed that it is raising fuel prices by up to 30%.",
        "Indonesia's government has confirmed it is considering raising fuel prices by as much "
        "as 30%.",
    ),
    "has paid / has been ordered to pay": (
        "A Norwegian student who ran a website which linked to downloadable MP3 files has paid "
        "compensation.",
        "A Norwegian student who ran a website which linked to downloadable MP3 files has been "
        "ordered to pay compensation by the country's Supreme Court.",
    ),
    # a hedge is no content word, yet 'likely' is not 'unlikely'
    "t027 very likely / very unlikely": (
        "Richard Jeffrey, chief economist at Bridgewell Securities, said it was very likely "
        "that the Bank of England would put rates up again this time around.",
        "Richard Jeffrey, chief economist at Bridgewell Securities, said it was very unlikely "
        "that the Bank of England would put rates up again this time around.",
    ),
    "p026 is likely to / is unlikely to": (
        "India, which attends the G7 meeting of seven leading industrialised nations on Friday, "
        "is likely to be cowed by its newcomer status.",
        "India, which attends the G7 meeting of seven leading industrialised nations on Friday, "
        "is unlikely to be cowed by its newcomer status.",
    ),
    # another unit of time in the place of the passage's
    "t240 by the autumn / by the summer": (
        "Test versions of the new program, called IE 7, are due to be released by the autumn.",
        "Test versions of the new program, called IE 7, are due to be released by the summer.",
    ),
    "b144 the last couple of weeks / months": (
        "He said the chairman had worked really hard in the last couple of weeks to try to do "
        "deals.",
        "He said the chairman has worked really hard in the last couple of months to try to do "
        "deals.",
    ),
    "t122 £3bn a month / a year (WordNet defines one unit by the other)": (
        "The agreement by the G8 group of wealthy nations would save affected countries £3bn a "
        "month, he said.",
        "The agreement by the G8 group of wealthy nations would save affected countries £3bn "
        "pounds a year, he said.",
    ),
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_faithful_paraphrase_is_supported(name: str) -> None:
    claim, passage = KEPT[name]
    check = verify(claim, passage)
    assert check.verdict == "supported", (name, check)


# the verdict and the kind each edit gets (run on the real parser): a `not_found` where the rule
# under test reads a `contradicted` would hide that the rule stopped deciding
EXPECTED = {
    "another acronym than the one defined": ("contradicted", "entity"),
    # 'Welsh' is in no form in the passage: not said, not denied
    "Welsh universities / universities in Scotland": ("not_found", "entity"),
    "x106 Clinton / Bush (both presidents: no hypernym)": ("contradicted", "entity"),
    "b113 Kent / Essex (both counties)": ("contradicted", "entity"),
    "y025 Indian / Asian": ("contradicted", "entity"),
    "b182 American / English": ("contradicted", "entity"),
    # a role no longer held, told as held: not said (`_dropped_bygone`)
    "the Labour MP / Ex-Labour MP": ("not_found", "date"),
    "the 62-year-old Labour MP / the former Labour MP, 62": ("not_found", "date"),
    "the Labour MP then called / the former Labour MP": ("not_found", "date"),
    "According to another source": ("contradicted", "entity"),
    "will qualify / can qualify": ("not_found", "hedge"),
    "is raising / considering raising": ("not_found", "hedge"),
    "has paid / has been ordered to pay": ("not_found", "attribution"),
    # 'likely' / 'unlikely': the word denied, reported as a negation
    "t027 very likely / very unlikely": ("contradicted", "negation"),
    "p026 is likely to / is unlikely to": ("contradicted", "negation"),
    "t240 by the autumn / by the summer": ("contradicted", "date"),
    "b144 the last couple of weeks / months": ("contradicted", "date"),
    "t122 £3bn a month / a year (WordNet defines one unit by the other)": ("contradicted", "date"),
    # 'uncertain whether' dropped: a frame of likelihood, not said (`frames.dropped_frames`)
    "the frame dropped": ("not_found", "hedge"),
}
# refused, but not by the rule under test: only that it is not supported is asserted
NOT_PINNED: set[str] = set()


def test_every_edit_is_pinned_or_said_not_to_be() -> None:
    assert set(EXPECTED) | NOT_PINNED == set(REFUSED)
    assert not set(EXPECTED) & NOT_PINNED


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_edit_is_not_supported(name: str) -> None:
    claim, passage = REFUSED[name]
    check = verify(claim, passage)
    assert check.verdict != "supported", (name, check)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_edit_gets_the_rules_verdict_and_kind(name: str) -> None:
    claim, passage = REFUSED[name]
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == EXPECTED[name], (name, check)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Analysts said a rate rise was likely.", "Analysts said a rate rise was unlikely."),
        ("Analysts said a rate rise was unlikely.", "Analysts said a rate rise was likely."),
    ],
)
def test_likely_for_unlikely_is_a_negation(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert (check.verdict, check.kind) == ("contradicted", "negation"), check


def test_a_defined_name_is_spelt_out_as_written() -> None:
    """The name an acronym stands for is put in as it is written, not read as a replacement
    template: a backslash in it ('Acme\\Beta Corp') is no escape (re.sub raised on it)."""
    claim, passage = _aliases_spelt_out(
        "AC made a profit.", "Acme\\Beta Corp (AC) made a profit, said AC."
    )
    assert claim == "Acme\\Beta Corp made a profit."
    assert passage == "Acme\\Beta Corp (AC) made a profit, said Acme\\Beta Corp."
    claim, passage = _aliases_spelt_out("AB rose.", "Alpha Beta\\1 (AB) rose.")
    assert claim == "Alpha Beta\\1 rose."
