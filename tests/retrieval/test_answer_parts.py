"""The parts of a multi-part question (ninth session): a part that points back with a pronoun is
searched with the first part's names (of several names, which one "it" is the question's form
does not say, so none is put in its place); a part is answered as its own form asks (a change
over time by the sentence giving both states); a sentence said for one part answers another
only by saying something that part asks, else the part is said to be unanswered; "who in the
cabinet welcomed ..." turns on "welcomed".

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.lists import asks_list
from retrieval.questions import plan_question
from retrieval.slots import asked_predicate
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of

_AUCTION = _article(
    "Maria Lopez, a 24-year-old nurse from Valencia, is selling her late grandmother's piano "
    "on a website to the highest bidder.\n\nShe said the piano had stood in the family home "
    "for sixty years.\n\nMs Lopez has received 41 bids so far, the largest of them "
    "2,300 euros.\n\nShe said she would use the money to pay for a midwifery course in "
    "Madrid.\n\nHer mother was at first surprised by the decision, she added.",
    "Nurse auctions family piano",
    "piano",
)
_SALES = _article(
    "Zentra Motors' sales have slumped over the past year, which the carmaker blames on a "
    "safety scandal.\n\nThe carmaker sold "
    "52,000 cars last year, down 41% from 88,000 a year earlier.\n\nThe company admitted in "
    "March that it had hidden defects in its brakes for a decade, which led to a recall of "
    "its best-selling model.",
    "Zentra sales slump",
    "zentra",
)
_CAMPAIGN = _article(
    "Former party spokesman Tom Reade will return to run the party's election campaign, the "
    "party has confirmed.\n\nMr Reade has often said he wanted a part in the poll.\n\nBoth "
    "Home Secretary Anna Price and Transport Secretary Colin Marsh have welcomed his return."
    "\n\nMr Reade left the party's headquarters in 2003.",
    "Reade returns to campaign",
    "reade",
)


def test_a_pronoun_after_several_names_is_kept_and_one_name_is_put_back() -> None:
    several = plan_question(
        "What did Pedro Alves say about the Lisbon bridge closure, and how many drivers did "
        "it delay?"
    )
    assert several.kind == "multi_part"
    # "it" is the closure, not "Pedro Alves Lisbon": the part keeps its pronoun.
    assert several.sub_questions[1] == "How many drivers did it delay?", several.sub_questions
    one = plan_question("What is Maria Lopez selling at auction, and what will she spend it on?")
    assert one.sub_questions[1] == "What will Maria Lopez spend it on?", one.sub_questions
    # "her" at the end of its clause is the person, not "Maria Lopez's".
    her = plan_question("What is Maria Lopez selling, and what fee did the website charge her?")
    assert her.sub_questions[1] == "What fee did the website charge Maria Lopez?", her


def test_a_part_that_asks_how_something_changed_is_answered_with_both_states(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(tmp_path, embedder, [_SALES, *_OTHERS])
    question = "How have Zentra Motors' sales changed over the past year, and what set that off?"
    assert plan_question(question).kind == "multi_part"
    answer = service.ask(question)
    assert answer.status == "answered", answer.answer
    assert "52,000" in answer.answer and "88,000" in answer.answer, answer.answer


def test_who_in_a_body_turns_on_the_verb_after_it() -> None:
    assert asked_predicate("Who in the cabinet welcomed Tom Reade back?") == "welcomed"
    assert asked_predicate("Who at the milk firm has been detained?") == "detained"


def test_who_in_the_cabinet_welcomed_him_is_answered_by_the_names_beside_the_verb(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(tmp_path, embedder, [_CAMPAIGN, *_OTHERS])
    answer = service.ask("Who in the cabinet welcomed Tom Reade back to the election campaign?")
    assert answer.status == "answered", answer.answer
    assert "Anna Price" in answer.answer, answer.answer


def test_a_sentence_said_for_one_part_does_not_answer_another_it_says_nothing_of(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(tmp_path, embedder, [_AUCTION, *_OTHERS])
    answer = service.ask(
        "What is Maria Lopez selling on the website, and what fee did the website charge her?"
    )
    assert answer.status == "answered", answer.answer
    assert "piano" in answer.answer, answer.answer
    # The sentence that answers the first part names the website but no fee or charge: the
    # second part is not silently taken as answered by it.
    assert answer.unanswered == ["What fee did the website charge Maria Lopez?"], answer.answer
    assert "The stored articles do not answer" in answer.answer, answer.answer


def test_which_before_a_verb_in_the_present_is_the_subject_not_a_list() -> None:
    # A part "which provides X" asks for one thing; "provides" is no plural noun.
    assert not asks_list("Which provides the city's drinking water?")
    assert asks_list("What features did the new handset have?")
    assert asks_list("Which countries send their waste to the plant?")


def test_a_pronoun_part_is_searched_with_the_first_part_s_names(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Lisbon's mayor Pedro Alves has defended the closure of the city's main bridge "
                "for repairs.\n\nMr Alves said the works could not wait another winter.",
                "Mayor defends bridge closure",
                "alves",
            ),
            _article(
                "The closure of Lisbon's main bridge delayed some 25,000 drivers on Monday, the "
                "city's traffic office said.\n\nMayor Pedro Alves apologised to commuters.",
                "Bridge closure snarls traffic",
                "bridge",
            ),
            _article(
                "Heavy snow delayed some 40,000 drivers on Monday, the traffic authority of "
                "Madrid said.\n\nSchools stayed open.",
                "Snow snarls Madrid traffic",
                "snow",
            ),
            *_OTHERS,
        ],
    )
    question = (
        "What did Pedro Alves say about the Lisbon bridge closure, and how many drivers did it "
        "delay?"
    )
    answer = service.ask(question)
    assert answer.status == "answered", answer.answer
    # "it" is the closure: the count is the one of the story the first part names.
    assert "25,000" in answer.answer and "40,000" not in answer.answer, answer.answer
