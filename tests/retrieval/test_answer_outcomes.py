"""A question about an event's outcome is answered only by a sentence that says the event
happened (eleventh session): "what did the tribunal rule" is not answered by "the dispute has
reached the tribunal", "if the judge rules ..." or "is deciding whether to appeal"; "did the
members approve the deal" not by "the deal still needs the members' approval". A sentence that
says it in the past or the perfect answers ("ruled", "has approved", "was found").

Real parts: spaCy's parse, MiniLM and an embedded Chroma store built from a written article.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.answer import outcome_verb, says_outcome
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_the_outcome_verb_is_read_from_the_question_s_grammar() -> None:
    assert outcome_verb("What did the tribunal rule in the salt case?") == "rule"
    assert outcome_verb("Did the members approve the merger?") == "approve"
    assert outcome_verb("Was the chairman found guilty of fraud?") == "find"
    # A question for a thing, for what someone said, for a reason, or with a light verb.
    assert outcome_verb("How much did the firm pay?") is None
    assert outcome_verb("What did the minister say about the merger?") is None
    # What someone promised or proposed is what they said, not an event that happened.
    assert outcome_verb("What did the minister promise in the manifesto?") is None
    assert outcome_verb("What did the committee propose for the fund?") is None
    assert outcome_verb("Why did the chairman resign?") is None
    assert outcome_verb("What did the chairman do next?") is None


def test_an_outcome_is_said_only_by_a_sentence_that_says_it_happened() -> None:
    question = "What did the tribunal rule in the salt case?"
    assert says_outcome("The tribunal ruled that the salt label may stay.", question)
    assert says_outcome("The tribunal has ruled in favour of the farmers.", question)
    assert not says_outcome("The salt case has reached the tribunal.", question)
    assert not says_outcome(
        "If the tribunal rules against them, the farmers will appeal.", question
    )
    assert not says_outcome("The tribunal will rule on the salt case next month.", question)
    deal = "Did the members approve the merger?"
    assert not says_outcome("The merger still needs the approval of the members.", deal)
    assert not says_outcome("The members are deciding whether to approve the merger.", deal)
    assert says_outcome("The members approved the merger on Monday.", deal)
    # A present passive reports the outcome ("is approved"); a progressive or an "is to" does not.
    assert says_outcome("The merger is approved by the members.", deal)
    assert says_outcome("The deal and the merger are approved.", deal)
    complete = "Did the firms complete the merger?"
    assert says_outcome("The merger is completed, the firms said.", complete)
    assert not says_outcome("The merger is being approved by the members.", deal)
    assert not says_outcome("The members are to approve the merger on Friday.", deal)
    assert not says_outcome("The members are approving the merger this week.", deal)
    assert not says_outcome("The tribunal is to rule on the salt case.", question)
    assert not says_outcome("The tribunal is ruling on the salt case today.", question)
    # No outcome asked: every sentence may speak to it.
    assert says_outcome("The salt case has reached the tribunal.", "How much salt is sold?")


def _salt_service(tmp_path: Path, embedder, ruling: str):  # type: ignore[no-untyped-def]
    return _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The sea salt case, a row over whether only Saltmarsh farmers may label their "
                f"salt as sea salt, has reached the Northern Trade Tribunal.\n\n{ruling}",
                "Sea salt row goes to trade tribunal",
                "salt",
            ),
            *_OTHERS,
        ],
    )


def test_what_did_the_tribunal_rule_is_not_answered_by_the_case_reaching_it(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _salt_service(
        tmp_path,
        embedder,
        "The farmers say the label protects a craft that is centuries old.",
    )
    answer = service.ask("What did the Northern Trade Tribunal rule in the sea salt case?")
    assert answer.status == "not_found", answer.answer


def test_what_did_the_tribunal_rule_is_answered_by_its_ruling(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _salt_service(
        tmp_path,
        embedder,
        "The Northern Trade Tribunal ruled on Tuesday that only Saltmarsh farmers may use "
        "the sea salt label.",
    )
    answer = service.ask("What did the Northern Trade Tribunal rule in the sea salt case?")
    assert answer.status == "answered", answer.answer
    assert "only Saltmarsh farmers may use" in answer.answer
