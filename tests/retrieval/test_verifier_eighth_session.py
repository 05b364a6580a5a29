"""Faithful restructured paraphrases the hard checks refused until the eighth session, each kept
by reading the sentence rather than by loosening a threshold; beside each, the edit of its kind
that must still be caught. Sentences written for the tests or taken from development sets (the
ids say which); the real parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify

# (claim, passage): a faithful paraphrase the verifier must support
KEPT = {
    # negation: a negative pronoun denies its verb
    "nothing announced": (
        "Mr Gates announced nothing about the next Xbox console.",
        "Mr Gates made no announcement about the next Xbox console.",
    ),
    # negation: 'no money' is one denial, not two
    "no money": (
        "The firm said it would make no money on the project.",
        "The firm said it would not make any money on the project.",
    ),
    # negation: 'no longer' denies its verb
    "no longer": (
        "He said such programs could no longer be put into neat little boxes.",
        "He said such programs cannot be put into neat little boxes.",
    ),
    # negation: a prefix denies what 'not' denies (set 8, b255)
    "unwilling": (
        "The survey found that 43% were unwilling to give out personal information online.",
        "The survey found that 43% were not willing to give out personal information online.",
    ),
    # negation said without a negating word balances one said with it (set 7 p199, set 6 u240)
    "undecided": (
        "The champion has still not made up her mind whether to compete in Madrid.",
        "The champion is still undecided about whether to compete in Madrid.",
    ),
    "rather than": (
        "Mr Brown said he would borrow only to invest, not for day-to-day spending.",
        "Mr Brown said he would borrow only to invest, rather than for day-to-day spending.",
    ),
    # 'say sorry' is an apology, not a report (hand h085)
    "say sorry": (
        "The Belgian sports minister in the doping row says he will not say sorry for his "
        "allegations against her.",
        "The Belgian sports minister at the centre of the doping row says he will not apologise "
        "for making allegations against her.",
    ),
    # what denied reports report is denied, whichever way round the sentence goes
    "denied reports": (
        "Reports that the minister is preparing to resign have been denied by the government.",
        "The government has denied reports that the minister is preparing to resign.",
    ),
    # roles: a relative pronoun is the noun it stands for (set 6, u114)
    "in which": (
        "The fight, in which Gallagher lost two front teeth, led the band to abandon their "
        "German tour.",
        "Gallagher lost two front teeth in the fight, which led to the band abandoning their "
        "German tour.",
    ),
    # roles: a date the parser hangs on a noun is no side (set 8, b247)
    "date on a noun": (
        "On Monday 6 December bass player Nicky Wire will join Phil Jupitus on his morning show.",
        "Bass player Nicky Wire will join Phil Jupitus on his morning show on Monday 6 December.",
    ),
    # roles: the party named on both sides has not changed sides (set 8, b080)
    "owner and doer": (
        "Google's revenues reached $805.9m in the three months to September.",
        "Small ads helped Google reach revenues of $805.9m in the three months to September.",
    ),
    # roles: 'take place' for 'be held': 'place' is a word of the verb, no party
    "take place": (
        "The festival will take place on 20 August at Hylands Park.",
        "The festival will be held at Hylands Park on 20 August.",
    ),
    # roles: 'the amount of dollars' is the dollars (set 6, u229)
    "amount of": (
        "Central banks may reduce the dollars they keep in their reserves.",
        "Central banks may cut the amount of dollars they hold in their reserves.",
    ),
    # attribution: 'tell the story of' reports no statement (set 6, u050)
    "tell the story": (
        "Oxford schoolchild Lyra Belacqua is the subject of the award-winning trilogy.",
        "The award-winning trilogy - Northern Lights, The Subtle Knife and The Amber Spyglass - "
        "tell the story of Oxford school child Lyra Belacqua.",
    ),
    # attribution: the occasion of an announcement is not what was announced (set 7, p247)
    "adjunct of a report": (
        "At the glittering ceremony at The Savoy, Patrick Stewart announced the award.",
        "The award was announced by Patrick Stewart during the glittering ceremony at The Savoy.",
    ),
    # attribution: the claim's 'is understood to', set inside another clause (set 8, b169)
    "is understood to": (
        "He is out of contract in May, but Brownsword is understood to be unwilling to pay more.",
        "He is out of contract in May but it is understood that Brownsword is unwilling to pay "
        "more.",
    ),
    # attribution: the passage's passive frame in other words (set 7, p231)
    "allowed to": (
        "Only companies at least 51% Russian-owned will be allowed to bid.",
        "Only firms at least 51% Russian-owned will be permitted to bid.",
    ),
    # frames kept in other words: a verb of saying (set 7, p193), a hedge (set 8, b145)
    "noted": (
        "It said it would study the ruling but noted the controls are no longer in place.",
        "It said it would study the ruling, but pointed out the controls were no longer in place.",
    ),
    "probably": (
        "Symbian said the spread of Skulls would probably be limited.",
        "Symbian said that the spread of Skulls was likely to be limited.",
    ),
    # 'so mad ... that he threw it': what came of it, no frame (set 6, u024)
    "so that": (
        "A man got so angry with his laptop that he threw it in the lavatory.",
        "A man became so mad with his laptop that he threw it in the lavatory.",
    ),
    # hedges: two verbs joined share the hedge (set 8, b103)
    "joined verbs": (
        "The chancellor is expected to raise the stamp duty threshold and to freeze petrol duty.",
        "The chancellor is expected to freeze petrol duty and raise the stamp duty threshold.",
    ),
    # hedges: the hedge in other words (set 6, u039)
    "weighing up": (
        "Volkswagen is weighing up building a car factory in India.",
        "Volkswagen is considering building a car factory in India.",
    ),
    # hedges: 'are thought to be' for 'an estimated', and 'at least' read past 'an estimated'
    "thought to be": (
        "There are thought to be at least five million blogs on the web.",
        "There are at least an estimated five million blogs on the web.",
    ),
    # comparisons: 'as many as' is an upper bound, as 'up to' is
    "as many as": (
        "Unions fear that up to 300 jobs could move to London.",
        "Unions fear that as many as 300 jobs could move to London.",
    ),
    # the quality swap test leaves qualities said of the same things alone
    "qualities kept": (
        "Mr Stowell said gangs were turning to computer crime because the rates of return were "
        "very high and the risks of being caught were low.",
        "Mr Stowell said organised crime gangs were turning to computer crime because the risks "
        "of being caught were low and the rates of return were very high.",
    ),
    # development pairs whose own parse the rules had to read
    "b265 no longer": (
        "Pete Simpson, who heads Clearswift's threat laboratory, said such programs could no "
        "longer be put into the neat little boxes of the past.",
        '"You cannot put them in to the neat little box that you used to," said Pete Simpson, '
        "head of the threat laboratory at security firm Clearswift.",
    ),
    "b080 owner and doer": (
        "Google's revenues reached $805.9m in the three months to September, helped by its small "
        "adverts.",
        "These small ads helped Google reach revenues of $805.9m for the three months to "
        "September.",
    ),
    "u229 amount of": (
        "Concerns that central banks may reduce the dollars they keep in their foreign reserves "
        "have pushed the US currency down against major currencies.",
        "The US dollar has dropped against major currencies on concerns that central banks may "
        "cut the amount of dollars they hold in their foreign reserves.",
    ),
    "p247 adjunct of a report": (
        "At the glittering ceremony at The Savoy on Sunday night, Timothy Spall handed Leigh his "
        "statuette, while Patrick Stewart announced Staunton's award.",
        "Leigh was presented with his winner's statuette by Timothy Spall and Staunton's award "
        "was announced by Patrick Stewart, during the glittering ceremony at The Savoy on Sunday "
        "night.",
    ),
    "u024 so that": (
        "This last category includes a man who got so angry with his malfunctioning laptop that "
        "he threw it in the lavatory and flushed a couple of times.",
        "This last category includes the case of a man who became so mad with his malfunctioning "
        "laptop that he threw it in the lavatory and flushed a couple of times.",
    ),
    # a verb joined to a hedge word does not take the hedge for its own
    "v165 wants and says": (
        "Labour says it wants to keep the property-based tax but reform it to make it fairer, and "
        "says councils have scope to become more efficient.",
        "Labour says it wants to retain the property-based tax but reform it to make it fairer "
        "and says there is scope for councils to become more efficient.",
    ),
}

# (claim, passage, kind): the edit of each kind beside a kept paraphrase, still caught
CAUGHT = {
    # a frame of saying is kept in other words only by the same speaker
    "d5038 another speaker": (
        "He said he was surprised as much because, not too long ago, computer gaming was a fad.",
        "He said he was surprised as much because, not too long ago, many people thought "
        "computer gaming was a fad.",
        "attribution",
    ),
    # a joined verb with a time of its own does not take the first verb's hedge
    "s0510 will for expects": (
        "But without the Otoku marketing spend it would have made a profit - and will move into "
        "the black in 2006.",
        "But without the Otoku marketing spend it would have made a profit - and expects to move "
        "into the black in 2006.",
        "hedge",
    ),
    # 'telling the truth' reports no statement of the claim's own (set 8, b013)
    "b013 telling the truth": (
        "Howard Flight was sacked for telling the truth.",
        "Liberal Democrat chairman Matthew Taylor said: \"Whilst I disagree with Howard Flight's "
        'views, it seems extraordinary to sack somebody for telling the truth."',
        "attribution",
    ),
    # a passive 'admitted' (let in) is no verb of saying the claim may add (set 3, z037)
    "z037 admitted for barred": (
        "The show's director Richard Eyre issued a warning earlier in the week that the show was "
        "unsuitable for children under seven, while under-threes are admitted.",
        "The show's director Richard Eyre issued a warning earlier in the week that the show was "
        "unsuitable for children under seven, while under-threes are barred.",
        "predicate",
    ),
    "money affirmed": (
        "The firm said it would make money on the project.",
        "The firm said it would not make any money on the project.",
        "negation",
    ),
    "willing": (
        "The survey found that 43% were willing to give out personal information online.",
        "The survey found that 43% were not willing to give out personal information online.",
        "negation",
    ),
    "will say sorry": (
        "The Belgian sports minister in the doping row says he will say sorry for his "
        "allegations against her.",
        "The Belgian sports minister at the centre of the doping row says he will not apologise "
        "for making allegations against her.",
        "negation",
    ),
    "likely dropped": (
        "Symbian said the spread of Skulls was limited.",
        "Symbian said that the spread of Skulls was likely to be limited.",
        "hedge",
    ),
    "expected dropped": (
        "The chancellor will raise the stamp duty threshold and freeze petrol duty.",
        "The chancellor is expected to freeze petrol duty and raise the stamp duty threshold.",
        "hedge",
    ),
    "considering dropped": (
        "Volkswagen is building a car factory in India.",
        "Volkswagen is considering building a car factory in India.",
        "hedge",
    ),
    "estimated dropped": (
        "There are at least five million blogs on the web.",
        "There are at least an estimated five million blogs on the web.",
        "hedge",
    ),
    "more than as many as": (
        "Unions fear that more than 300 jobs could move to London.",
        "Unions fear that as many as 300 jobs could move to London.",
        "comparison",
    ),
    # set 8, b257: the one rank each text gives
    "second for third": (
        "Depardieu made 3.35m euros in 2004, putting him second in the chart.",
        "Despite starring in five films in 2004, Depardieu made 3.35m Euros (£2.31m) putting him "
        "third place in the chart.",
        "comparison",
    ),
    # set 8, b015: two qualities traded between two things
    "qualities traded": (
        "Mr Stowell said gangs were turning to computer crime because the risks of being caught "
        "were high and the rates of return low.",
        "Mr Stowell said organised crime gangs were turning to computer crime because the risks "
        "of being caught were low and the rates of return were very high.",
        "predicate",
    ),
    "qualities traded, second clause cut short": (
        "Gangs turn to computer crime because the risks are high and the returns low.",
        "Gangs turn to computer crime because the risks are low and the returns are very high.",
        "predicate",
    ),
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_a_restructured_paraphrase_is_supported(name: str) -> None:
    claim, passage = KEPT[name]
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize("name", sorted(CAUGHT))
def test_the_edit_beside_it_is_caught(name: str) -> None:
    claim, passage, kind = CAUGHT[name]
    check = verify(claim, passage)
    assert check.verdict != "supported" and check.kind == kind, check


def test_a_rank_the_passage_gives_is_supported() -> None:
    claim = "Depardieu made 3.35m euros in 2004, putting him third in the chart."
    passage = (
        "Despite starring in five films in 2004, Depardieu made 3.35m Euros (£2.31m) putting "
        "him third place in the chart."
    )
    assert verify(claim, passage).verdict == "supported"
