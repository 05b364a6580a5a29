"""A list question ("which players ...", "which three bodies ...", "what are the key themes
...") is answered by the sentence that lists the things it asks for, not by the sentence that
restates the question best.

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.lists import asked_count, asks_list, list_head, listed
from retrieval.questions import plan_question
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of

_INJURIES = _article(
    "Scotland have a string of fitness worries before Saturday's qualifier against Norway in "
    "Glasgow.\n\n"
    "Midfielders Tom Baird and Lewis Crane, plus striker Sam Doyle have ankle problems, while "
    "there are also doubts over keeper Ian Moffat (back).\n\n"
    'Manager Walter Ross said he would wait until Friday before naming his side. "We have a '
    'big squad and I am confident whoever plays will do the job," he said.\n\n'
    "Norway beat Scotland 2-1 when the sides last met in Oslo.",
    "Fitness doubts hit Scotland squad",
)

_RICH_LIST = _article(
    "The woman behind the Velvet Four musical Northern Lights has joined a list of "
    "British-based music millionaires.\n\n"
    "Producer Mary Hale, who developed Northern Lights with members of the Velvet Four, is at "
    "number 31 on the music rich list with a fortune of 60m.\n\n"
    "The list is topped by the heir of a late guitarist.",
    "Musical producer joins rich list",
    "rich",
)
_PREMIERE = _article(
    "The original stars of the Swedish pop quartet Velvet Four have reunited for the home "
    "premiere of the hit musical Northern Lights in Stockholm.\n\n"
    "It is the first time in almost 20 years that the four, Anna Lind, Bo Ekman, Carl Strom and "
    "Dagny Holm, have met in public.\n\n"
    "The show, which is based on the band's songs, has been staged in 14 cities, among them "
    "Oslo, Berlin, Madrid and Toronto.",
    "Velvet Four reunite for premiere",
    "premiere",
)


def test_a_list_question_is_answered_by_the_sentence_that_lists_the_players(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    service = _service_of(tmp_path, embedder, [_INJURIES])
    answer = service.ask(
        "Which Scotland players have ankle problems before the game against Norway?"
    )
    assert answer.plan is not None and answer.plan.kind == "list"
    # The lead restates the question ("a string of fitness worries") and names nobody.
    assert answer.status == "answered", answer.answer
    for name in ("Tom Baird", "Lewis Crane", "Sam Doyle"):
        assert name in answer.answer, answer.answer


def test_a_list_question_that_counts_is_answered_by_a_sentence_listing_that_many(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    service = _service_of(tmp_path, embedder, [_RICH_LIST, _PREMIERE])
    answer = service.ask(
        "Which four Velvet Four members reunited for the Swedish premiere of Northern Lights?"
    )
    assert answer.status == "answered", answer.answer
    # Four names, as the question counts; not the four cities the show has played in.
    for name in ("Anna Lind", "Bo Ekman", "Carl Strom", "Dagny Holm"):
        assert name in answer.answer, answer.answer


def test_a_list_is_read_from_the_question_s_form() -> None:
    for question, head in [
        ("Which three Welsh quangos were to be brought under assembly control?", "quango"),
        ("Which Wales players have hamstring concerns?", "player"),
        ("What ingredients does the formula for the perfect single call for?", "ingredi"),
        ("What are the key themes at the Cebit fair?", "theme"),
        ("Which next-generation games consoles are expected next year?", "consol"),
    ]:
        assert asks_list(question), question
        assert list_head(question) == head, question
        assert plan_question(question).kind == "list", question
    for question in [
        "Which company's shares rose most last year?",  # one thing: the most of all
        "What happens next for the club?",
        "Which bank was fined by the regulator?",
        "What percentage of votes did he get?",
        # The noun phrase ends at its verb: one figure, one crooner.
        "Which EU figure said ministers were naive to refuse the evidence?",
        "Which 1950s crooner is the new film about?",
    ]:
        assert not asks_list(question), question
    assert asked_count("Which three Welsh quangos were to be merged?") == 3
    assert asked_count("Which Wales players are injured?") is None


def test_the_parser_s_verb_ends_a_list_question_s_noun_phrase() -> None:
    # Any verb the parser tags ends the phrase once it has its noun, not only the past tenses
    # of a word list: one bookmaker, one coach, one commissioner, not the bets, the sprinters
    # or the talks after their verbs.
    for question in [
        "Which bookmaker stopped taking bets on the reality show over a suspected leak?",
        "Which former coach accompanied two Greek sprinters to their doping hearing?",
        "Which trade commissioner announced talks with the US on ending subsidies?",
    ]:
        assert list_head(question) is None, question
        assert not asks_list(question), question
    # Before its noun, a participle modifies it ("which two imprisoned bloggers").
    question = "Which two imprisoned Iranian bloggers is the press group campaigning for?"
    assert list_head(question) == "blogger", question
    assert plan_question(question).kind == "list", question


def test_a_list_is_names_joined_by_commas_and_and_or_a_series_of_three_phrases() -> None:
    question = "Which players have ankle problems?"
    assert listed("Tom Baird and Lewis Crane, plus Sam Doyle have ankle problems.", question) == 3
    assert listed("Mobiles, the digital home and broadband are key themes.", question) == 3
    # An aside between commas is not a list; nor is one name.
    assert listed("Mr Baird, 45, said the club, based in Leeds, would grow.", question) == 0
    assert listed("Tom Baird has an ankle problem.", question) == 0


_FAIR = _article(
    "Cebit, the world's largest hi-tech fair, has opened its doors in Hanover for a look at the "
    "latest technologies for homes and businesses.\n\n"
    "Music downloads, mobile television and home networks are key themes at the show.\n\n"
    "Organisers expect more than 6,000 exhibitors from 60 countries this year.",
    "Cebit opens in Hanover",
)


def test_a_list_in_the_lead_s_own_article_beside_the_noun_asked_answers(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    service = _service_of(tmp_path, embedder, [_FAIR])
    answer = service.ask("What are the key themes at the Cebit fair?")
    assert answer.status == "answered", answer.answer
    assert "Music downloads" in answer.answer and "home networks" in answer.answer, answer.answer
