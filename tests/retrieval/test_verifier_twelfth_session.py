"""Twelfth session: faithful paraphrases the role, quantity, attribution and entity checks refused
for a misreading, each beside an edit of the same construction that must still be refused.

- A figure said of a party the other text's verb holds is no figure-owner swap: 'Liverpool won
  1-0' / 'an own goal gave Liverpool a 1-0 win', 'the South, which includes five Springboks' /
  'the South will be led by Gregan alongside five Springboks', or a phrase hung on 'says'
  rather than on the clause it reports.
- A number written with a hyphen is one figure ('Twenty-seven' is 27, not 7).
- A number word spelt with a capital before a name is part of the name ('three Six Nations
  defeats' counts defeats; 'Six' counts the name's nations).
- A sum of money counts its currency: the noun after it ('a £500m scheme' / 'a £500m
  initiative') is no unit of measure.
- A counted noun the other text has after its figure in another form ('quangos' / 'quango').
- A question set into the sentence ('will decide whether X') states nothing, so 'will rule on
  whether X' keeps it; X stated as fact is still refused.
- A speaker kept as the passive's agent ('are expected by the Alliance to' / 'the Alliance says
  it expects'), a pronoun speaker read through the verb of saying above it.
- Roles: a third-person pronoun and a name do not trade places ('Foxx ... his portrayal' /
  "Foxx's portrayal ... him"); 'A held talks with B' makes B one who held them; a name the
  claim puts in a slot where it also names the passage's rival in full is no swap ('Mr Blair's
  chancellor ... Britain's chancellor'; 'A, now deputy leader, and B were elected' where the
  passage's parser hangs 'and B' on the apposition); a verb with a particle is another deed than
  the bare verb ('left out' / 'leave'); the empty 'it' of 'it appeared X was' names no party;
  a participle with no 'have' is passive ('with the rest attributed to').
- An acronym the other text spells out in its words ('GDP' / 'gross domestic product'), a unit's
  short form defined in brackets ('megawatts (MW)') or one WordNet gives the unit's sense
  ('km' / 'kilometres').

Pairs from the development sets (ids) or written for the tests; the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify

# (claim, passage): faithful paraphrases the verifier must support
KEPT = {
    "j272 five Springboks of the South": (
        "George Gregan, one of four Wallabies, will captain the South, which also includes five "
        "Springboks and four All Blacks, among them captain Tana Umaga.",
        "The South will be led by George Gregan, one of four Wallabies, alongside five "
        "Springboks and four All Blacks including captain Tana Umaga.",
    ),
    "p209 despite two wins, on 'says' or on its clause": (
        "Despite two lacklustre wins so far, over Scotland and England, wing Christophe "
        "Dominici says France can win another Six Nations Grand Slam.",
        "Wing Christophe Dominici says France can claim another Six Nations Grand Slam despite "
        "two lacklustre wins so far against Scotland and England.",
    ),
    "v212 Twenty-two Maori formed the team": (
        "The 'New Zealand Native Team', made up of 22 Maori and four 'pakiha', played 107 "
        "matches in all in New Zealand, Australia and the UK.",
        "Twenty-two Maori and four 'pakiha' formed the 'New Zealand Native Team,' who played a "
        "total of 107 matches in New Zealand, Australia and the UK.",
    ),
    "b102 Twenty-seven": (
        "According to the trade weekly, after a fall in funding 27 British films were made in "
        "the UK last year, against 45 in 2003.",
        "Twenty-seven British films were made in the UK last year following a drop in funding, "
        "compared with 45 in 2003, according to the trade weekly.",
    ),
    "j216 three Six Nations defeats": (
        "With fly-half Jonny Wilkinson absent, Jason Robinson has captained the team through "
        "their first three Six Nations defeats.",
        "Jason Robinson has led the team during their opening three defeats in the Six Nations "
        "tournament, in the absence of fly-half Jonny Wilkinson.",
    ),
    "b188 a £500m scheme / initiative": (
        "The prime minister launched a £500m scheme so that school sports clubs in England can "
        "offer up to three hours a week of extra activity by 2010.",
        "The prime minister launched a £500m initiative to allow school sports clubs in England "
        "to provide up to three hours of extra activity a week by 2010.",
    ),
    "i245 three Welsh quangos": (
        "Last July it was announced that three Welsh quangos - education and training body "
        "Elwa, the Wales Tourist Board and the Welsh Development Agency - would come under "
        "assembly government control.",
        "It was announced last July that three Welsh quangos, education and training body Elwa, "
        "the Wales Tourist Board and the Welsh Development Agency, would be brought under "
        "assembly government control.",
    ),
    "p225 rule on whether / decide whether": (
        "The court will rule on whether makers of file-sharing software can ultimately be held "
        "liable for copyright infringement.",
        "The court will decide whether producers of file-sharing software can ultimately be "
        "held responsible for copyright infringement.",
    ),
    "u234 expected by the Alliance / the Alliance says it expects": (
        "Up to 4,000 supporters are expected by the Countryside Alliance to demonstrate against "
        "the hunting ban.",
        "The Countryside Alliance says it expects up to 4,000 supporters to demonstrate against "
        "the hunting ban.",
    ),
    "b096 GDP / gross domestic product": (
        "Agriculture, Ethiopia's main economic activity, makes up 45% of the country's GDP.",
        "Agriculture is the main economic activity in Ethiopia, representing 45% of gross "
        "domestic product.",
    ),
    "i183 MW / megawatts (MW)": (
        "China raised its generating capacity by 12.6% in 2004, to 440,700 MW.",
        "In 2004, China increased its generating capacity by 12.6% to 440,700 megawatts (MW).",
    ),
    "i219 80km / 80 kilometres": (
        "The pilot scheme in the Huaral Valley, 80km north of Lima, aims to give the "
        "6,000-strong community up-to-date information on agricultural market prices.",
        "The pilot scheme in the Huaral Valley, 80 kilometres north of the capital Lima, aims to "
        "offer the 6,000-strong community up-to-date information on agricultural market prices.",
    ),
    "a206 Foxx ... his portrayal / Foxx's portrayal ... him": (
        "Foxx has already won prizes at the Golden Globes, Baftas and Screen Actors Guild Awards "
        "for his portrayal of Ray Charles.",
        "Foxx's portrayal of Ray Charles has already seen him win prizes at the Golden Globes, "
        "Baftas and Screen Actors Guild Awards.",
    ),
    "p214 tipped by him / Wood tips his team-mates": (
        "Having won their first Triple Crown in 19 years last season, Wood's former team-mates "
        "are tipped by him to go one better.",
        "After claiming their first Triple Crown for 19 years last season, Wood tips his former "
        "team-mates to go one better.",
    ),
    "i250 'and B' hung on A's apposition, A in the slot too": (
        "Damian Hockney, now deputy leader of Veritas, and Peter Hulme-Cross were elected on the "
        "list system in 2004.",
        "Damian Hockney, now Veritas deputy leader, and Peter Hulme-Cross were elected in 2004 on "
        "the list system.",
    ),
    "j275 A and B held talks / A held talks with B": (
        "On Friday Mr Kennedy and Tony Blair held talks about government plans to put terror "
        "suspects under house arrest.",
        "Mr Kennedy held talks with Tony Blair on Friday over government plans to hold terror "
        "suspects under house arrest.",
    ),
    "j231 Mr Blair's chancellor, Britain's chancellor": (
        "In 2004 Gordon Brown, Mr Blair's chancellor, became Britain's longest-serving chancellor "
        "of modern times.",
        "Gordon Brown, chancellor of the exchequer under Mr Blair, became Britain's "
        "longest-serving chancellor of modern times in 2004.",
    ),
    "w003 the rival named in that slot by a word the parser reads as no name": (
        "Stuart is confident the Carrow Road outfit have a bright future, although Norwich are "
        "second-from-bottom in the Premiership.",
        "He joins Norwich with the Norfolk club second-from-bottom in the Premiership, but Stuart "
        "is confident that the Carrow Road outfit have a bright future.",
    ),
    "t226 left out / leave: two deeds": (
        "Baros denied suggestions that he had wanted to leave the Millennium Stadium before the "
        "match when he learned he had been left out of the starting line-up.",
        "Baros denied suggestions he wanted to leave the Millennium Stadium before the match "
        "upon learning of his omission from the starting line-up.",
    ),
    "i154 X appeared to be / it appeared X was": (
        "According to the BBC's home affairs correspondent Daniel Sandford, Mr Clarke appeared "
        "to be putting more emphasis on the possibility of deportation than his predecessor, "
        "David Blunkett.",
        "The BBC's home affairs correspondent, Daniel Sandford, said it appeared Mr Clarke was "
        "putting more emphasis on the possibility of deportation than his predecessor, David "
        "Blunkett.",
    ),
    "j225 were put down to / with the rest attributed to": (
        "About 95% of insurance claims were for natural catastrophes, and the rest were put down "
        "to man-made events.",
        "Some 95% of insurance claims were for natural catastrophes, with the rest attributed to "
        "made-made events.",
    ),
}

# (claim, passage, kind): edits of the same constructions that must stay refused
REFUSED = {
    "p097 squeeze firms out / squeezed out by firms": (
        "It said they often lack the resources, so they often squeeze bigger firms out of the "
        "market.",
        "It said they are often smaller than other companies and lack the resources, so are "
        "often squeezed out of the market by bigger firms.",
        "role",
    ),
    "v088 a title's 'We' traded with a name (s0570's kind)": (
        "Band Aid, the charity anthem inspired by the success of We Are The World, has been "
        "re-issued to raise money for Aids research and tsunami victims.",
        "We Are The World, the American charity anthem inspired by the success of Band Aid, has "
        "been re-issued to raise money for Aids research and tsunami victims.",
        "role",
    ),
    "s0570 African for South African, South African for African": (
        "At a dinner on Friday night, former African president Nelson Mandela backed Mr Brown's "
        "plan when he urged the finance chiefs to write-off South African debt.",
        "At a dinner on Friday night, former South African president Nelson Mandela backed Mr "
        "Brown's plan when he urged the finance chiefs to write-off African debt.",
        "role",
    ),
    "y042 DiCaprio and Unicef traded, the claim's 'and' misread": (
        "Actress Sandra Bullock pledged a sizable aid contribution to Unicef and actor Leonardo "
        "DiCaprio has donated $1m to The American Red Cross.",
        "Actress Sandra Bullock has donated $1m (£525,000) to The American Red Cross and actor "
        'Leonardo DiCaprio pledged a "sizable" aid contribution to Unicef.',
        "role",
    ),
    "Amicus / TGWU figures traded": (
        "Amicus has 1.2 million members and the TGWU has 800,000.",
        "Amicus has 800,000 members and the TGWU has 1.2 million.",
        "role",
    ),
    "one place behind / ahead (p082)": (
        "The latest Elvis Presley re-release, (Marie's The Name) His Latest Flame, entered the "
        "chart one place behind Girls Aloud's Wake Me Up.",
        "The latest Elvis Presley re-release, (Marie's The Name) His Latest Flame, entered the "
        "chart at number three, one place ahead of Girls Aloud's Wake Me Up.",
        "role",
    ),
    "Twenty-six for Twenty-seven": (
        "Twenty-six British films were made in the UK last year.",
        "Twenty-seven British films were made in the UK last year.",
        "quantity",
    ),
    "seven for Twenty-seven": (
        "Seven British films were made in the UK last year.",
        "Twenty-seven British films were made in the UK last year.",
        "quantity",
    ),
    "three Five Nations defeats for Six Nations": (
        "Jason Robinson has captained the team through their first three Five Nations defeats.",
        "Jason Robinson has led the team during their opening three defeats in the Six Nations "
        "tournament.",
        "quantity",
    ),
    "a $500m scheme for a £500m initiative": (
        "The prime minister launched a $500m scheme for school sports clubs in England.",
        "The prime minister launched a £500m initiative for school sports clubs in England.",
        "quantity",
    ),
    "held liable stated as fact for 'decide whether'": (
        "Makers of file-sharing software can ultimately be held liable for copyright infringement.",
        "The court will decide whether producers of file-sharing software can ultimately be "
        "held responsible for copyright infringement.",
        "attribution",
    ),
    "expected by another source": (
        "Up to 4,000 supporters are expected by the police to demonstrate against the hunting ban.",
        "The Countryside Alliance says it expects up to 4,000 supporters to demonstrate against "
        "the hunting ban.",
        "attribution",
    ),
    "GNP for gross domestic product": (
        "Agriculture, Ethiopia's main economic activity, makes up 45% of the country's GNP.",
        "Agriculture is the main economic activity in Ethiopia, representing 45% of gross "
        "domestic product.",
        "entity",
    ),
    "GW for megawatts (MW)": (
        "China raised its generating capacity by 12.6% in 2004, to 440,700 GW.",
        "In 2004, China increased its generating capacity by 12.6% to 440,700 megawatts (MW).",
        "quantity",
    ),
    "80 miles for 80 kilometres": (
        "The pilot scheme in the Huaral Valley, 80 miles north of Lima, aims to give farmers "
        "up-to-date information on agricultural market prices.",
        "The pilot scheme in the Huaral Valley, 80 kilometres north of the capital Lima, aims to "
        "offer farmers up-to-date information on agricultural market prices.",
        "quantity",
    ),
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_faithful_paraphrase_is_supported(name: str) -> None:
    claim, passage = KEPT[name]
    check = verify(claim, passage)
    assert check.verdict == "supported", (name, check)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_edit_of_the_same_construction_is_refused(name: str) -> None:
    claim, passage, kind = REFUSED[name]
    check = verify(claim, passage)
    assert check.verdict != "supported", (name, check)
    assert check.kind == kind, (name, check)
