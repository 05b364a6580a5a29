"""Which sentences a summary chooses: the lede first, then the article's key facts."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from retrieval.compress import without_opening_connective
from retrieval.models import StoredArticle
from retrieval.summarize import (
    WEIGHTS,
    Summarizer,
    bullet_count,
    choose_sentences,
    lead_lines,
)
from retrieval.text import split_sentences

# A lede with few figures or names, then a body full of them: chosen for key facts alone,
# the lede loses to the figures; a person summarising the story would start from it.
ARTICLE = [
    "A small Welsh brewery has been bought by one of Europe's largest drinks groups.",
    "Heineken paid £42m for Brains, which employs 310 people at its Cardiff site.",
    "The deal values Brains at 14 times its 2004 profit of £3m, analysts at Panmure said.",
    "Brains sold 1.2 million pints in December, up 8% on 2003, chairman John Rhys said.",
    "Heineken bought Scottish & Newcastle's French arm for £1.1bn in 2003.",
    "Shares in Heineken rose 2% to 24.50 euros in Amsterdam on Monday.",
    "The Cardiff site opened in 1882 and brews 12 beers, among them SA and Dark.",
    "Unite, which represents 200 of the staff, welcomed the promise on jobs.",
]


def test_the_lede_opens_the_summary_even_when_later_sentences_carry_more_facts(
    embedder: Any,
) -> None:
    vectors = embedder.encode(ARTICLE)
    chosen = choose_sentences(ARTICLE, vectors, 3)
    assert chosen[0] == 0
    assert len(chosen) == 3


def test_without_the_lede_rule_the_figures_win(embedder: Any) -> None:
    # The case above is a real test of the rule: chosen for key facts alone, the lede is left out.
    vectors = embedder.encode(ARTICLE)
    assert 0 not in choose_sentences(ARTICLE, vectors, 3, replace(WEIGHTS, lede_first=False))


def test_a_lede_that_leans_on_a_heading_gives_way_to_the_first_sentence_that_stands_alone(
    embedder: Any,
) -> None:
    texts = ["Kick-off 1400 GMT", *ARTICLE[1:]]
    chosen = choose_sentences(texts, embedder.encode(texts), 3)
    assert chosen[0] == 1


def test_longer_articles_get_more_bullets() -> None:
    assert [bullet_count(n) for n in (9, 10, 24, 25)] == [3, 4, 4, 5]


# An article whose second sentence carries most of the key facts but opens with "However,", and
# whose fourth is a quotation full of figures whose speaker is named only in the sentence before.
CONNECTED = [
    "A Welsh brewery has agreed to be bought by one of Europe's largest drinks groups.",
    "However, Heineken will pay £42m for Brains, which employs 310 people in Cardiff and Swansea.",
    "The chairman of Brains, John Rhys, said the family had been approached in the autumn.",
    '"We sold 1.2 million pints in December, up 8% on 2003, and 40 pubs joined us in 2004."',
    "The brewery was founded in 1882 by Samuel Arthur Brain.",
]


# The fourth sentence opens with a word that does not lean back, but its "he" is a man the
# sentence never names: a reader of that bullet alone would not know who faces the charges.
CHARGED = [
    "A former chief executive of WorldCom has gone on trial in New York over an $11bn fraud.",
    "Bernard Ebbers, 63, denies overseeing the biggest accounting fraud in US history.",
    "Prosecutors say the firm hid $11bn of costs between 1999 and 2002 to meet forecasts.",
    "Among the nine charges he faces are conspiracy, securities fraud and false filings.",
    "WorldCom filed for bankruptcy in July 2002 and now trades as MCI.",
    "The trial in Manhattan is expected to last up to two months, lawyers said.",
]


# The fourth sentence carries more figures and names than any other, but "these credits" are
# the ones the sentence before it describes: alone, a reader cannot tell which credits.
CREDITS = [
    "China lent Russia $6bn to help it renationalise the Yugansk unit of oil group Yukos.",
    "The Kremlin said the money that Russian bank VEB lent Rosneft came from Chinese banks.",
    "Rosneft will receive $6bn in credits from China's CNPC under a deal signed in Moscow.",
    "According to Vedomosti, these credits would pay off $6bn Rosneft borrowed in 2004 from VEB.",
    "Yukos filed for bankruptcy in Houston in December 2004 to halt the Yugansk auction.",
    "Rosneft also agreed to sell CNPC up to 48 million tonnes of oil a year until 2010.",
]


def test_a_sentence_whose_these_points_back_is_never_a_bullet(embedder: Any) -> None:
    chosen = choose_sentences(CREDITS, embedder.encode(CREDITS), 5)
    assert 3 not in chosen
    assert len(chosen) == 5


# The fourth sentence ends a quotation the third opened: as a bullet it would state the
# council's words as fact, with a stray closing quotation mark.
QUOTED = [
    "Powys council has warned that 2,000 patients a year may lose hip operations at Hereford.",
    "Hereford County Hospital said patients from Powys would face waits of up to 18 months.",
    'Council leader Jane Evans said: "We cannot pay £4.2m more than the 2004 contract.',
    'The Welsh Assembly must give Powys £4.2m by April 2005 or 2,000 patients lose out."',
    "The hospital treated 2,300 patients from Powys in 2004, its chief executive David Rose said.",
    "The Assembly said it would meet council and hospital managers in Cardiff on Monday.",
]


def test_the_end_of_a_quotation_another_sentence_opened_is_never_a_bullet(embedder: Any) -> None:
    chosen = choose_sentences(QUOTED, embedder.encode(QUOTED), 5)
    assert 3 not in chosen
    assert len(chosen) == 5


def _article(sentences: list[str]) -> StoredArticle:
    return StoredArticle(
        article_id="t/1",
        title="Brewery bought",
        text=" ".join(sentences),
        content_hash="x",
        story_id="s",
    )


def test_a_sentence_leaning_back_only_by_its_connective_is_a_bullet_without_it(
    embedder: Any,
) -> None:
    summary = Summarizer(embedder, None, "extractive").summarize(_article(CONNECTED))
    texts = [p.text for p in summary.summary]
    short = "Heineken will pay £42m for Brains, which employs 310 people in Cardiff and Swansea."
    assert short in texts
    cited = summary.citations[summary.summary[texts.index(short)].citations[0] - 1]
    assert cited.quote == CONNECTED[1]  # the bullet still cites the whole sentence
    assert not any(t.startswith("However") for t in texts)


def test_a_quotation_whose_speaker_is_named_only_before_it_is_never_a_bullet(
    embedder: Any,
) -> None:
    texts = [without_opening_connective(t) for t in CONNECTED]
    chosen = choose_sentences(texts, embedder.encode(texts), 4)
    assert 3 not in chosen
    assert len(chosen) == 4


def test_a_sentence_with_a_he_it_never_names_is_never_a_bullet(embedder: Any) -> None:
    chosen = choose_sentences(CHARGED, embedder.encode(CHARGED), 5)
    assert 3 not in chosen
    assert len(chosen) == 5


def test_an_article_where_no_sentence_stands_alone_still_gives_a_lead() -> None:
    text = (
        "He said the bridge would stay closed until engineers had checked it for damage. "
        "They expect to reopen it within a fortnight, a council spokesman said on Monday."
    )
    sentences = split_sentences(text)
    assert [s.text for s in lead_lines(sentences)] == [s.text for s in sentences]


# A feature whose sub-headings the source glued to the next sentence's start.
HEADED = [
    "The Academy Awards have grown from a private dinner into a global television event.",
    "HOW IT ALL STARTED The first Academy Awards were handed out in 1929 at the Roosevelt Hotel.",
    "Just 250 guests attended the dinner in Los Angeles, with tickets at $5 each.",
    "The first film to win best picture was Wings, which starred Clara Bow.",
    "THE SHOW ALWAYS GOES ON Not even the Second World War halted the event in 1942.",
]


def test_a_bullet_leaves_out_a_sub_heading_glued_to_its_sentence(embedder: Any) -> None:
    summary = Summarizer(embedder, None, "extractive").summarize(_article(HEADED))
    texts = [p.text for p in summary.summary]
    short = "The first Academy Awards were handed out in 1929 at the Roosevelt Hotel."
    assert short in texts
    assert not any(word in t for t in texts for word in ("STARTED", "ALWAYS GOES"))
    cited = summary.citations[summary.summary[texts.index(short)].citations[0] - 1]
    assert cited.quote == HEADED[1]  # the bullet still cites the whole sentence


# The fourth sentence carries the most figures, but its "it" is the firm named two sentences
# before: alone, a reader cannot tell who released what.
RELEASED = [
    "Microsoft has warned of a serious flaw in its Windows operating system.",
    "The company urged its 400 million users to download a patch from its website.",
    "Security firm Secunia said the flaw was the most serious found in Windows in 2005.",
    "Last year, it released Service Pack 2, a $300m update for 250 million Windows XP users.",
    "Windows runs on nine in ten of the world's personal computers, analysts IDC say.",
    "Apple's Mac OS X and Linux were not affected by the flaw, Secunia said.",
]


def test_a_sentence_whose_it_the_sentence_never_names_is_never_a_bullet(embedder: Any) -> None:
    chosen = choose_sentences(RELEASED, embedder.encode(RELEASED), 5)
    assert 3 not in chosen
    assert len(chosen) == 5
