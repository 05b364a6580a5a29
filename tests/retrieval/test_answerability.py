"""Whether the stored articles answer a question is judged by whether the evidence holds what
the question asks: a briefing's subject, the outcome a "what did X rule" question asks for.
An article close to the question that does not hold it is a near miss, and the answer is
``not_found``.

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of

_CHAT = _article(
    "Mobile operators expect chat services to drive the take-up of third-generation phones.\n\n"
    "Paid chat lines and dating services already earn carriers millions of pounds a year, "
    "analysts at the research firm Mobix said.\n\n"
    "The firm expects revenue from mobile chat to double by 2008.",
    "Chat to drive 3G phone sales",
)


def test_a_briefing_on_a_subject_no_article_names_is_not_found(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    service = _service_of(tmp_path, embedder, [_CHAT])
    # "chat" is not "ChatGPT": the subject is a name no stored article gives.
    answer = service.ask("Summarize the news about ChatGPT")
    assert answer.status == "not_found", answer.answer
    # The same store still briefs on what it holds.
    answer = service.ask("Summarize the news about mobile chat")
    assert answer.status == "answered", answer.answer
    assert "chat" in answer.answer, answer.answer


_PREVIEW = _article(
    "British number one Tom Hall will face France's Luc Morel in the first round of next week's "
    "Sydney Open.\n\n"
    "Hall, the ninth seed, has been troubled by a back injury but hopes to be fit in time.\n\n"
    "Morel reached the third round in Sydney last year.",
    "Hall draws Morel in Sydney",
)


def test_did_a_beat_b_is_not_answered_by_the_preview_of_their_match(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    service = _service_of(tmp_path, embedder, [_PREVIEW])
    # The article says who will play whom, not who won.
    answer = service.ask("Did Tom Hall beat Luc Morel at the Sydney Open?")
    assert answer.status == "not_found", answer.answer
    # What it does say is still answered.
    answer = service.ask("Who will Tom Hall face in the first round of the Sydney Open?")
    assert answer.status == "answered", answer.answer
    assert "Morel" in answer.answer, answer.answer


_ECONOMY = _article(
    "Loria's economy did better in 2004 than the year before, but deep reforms are needed to "
    "keep it growing, the International Monetary Fund has said.\n\n"
    "The IMF said the recovery came from rubber production, local manufacturing and "
    "rebuilding after the war.\n\n"
    "According to figures from the government, the country's output rose by 2% in 2004, after "
    "a 31% decline in 2003.\n\n"
    "The IMF urged the government to tackle corruption and to pay its civil servants on time.",
    "Lorian economy starts to grow",
)


def test_a_change_over_time_is_answered_with_both_states(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    service = _service_of(tmp_path, embedder, [_ECONOMY])
    answer = service.ask("How did Loria's economy do in 2004 compared with the year before?")
    assert answer.plan is not None and answer.plan.kind == "change"
    assert answer.status == "answered", answer.answer
    # Not only "did better": the figures of both years.
    assert "2%" in answer.answer and "31%" in answer.answer, answer.answer


_RUNNER = _article(
    "Ann Byrne will seek to regain her title at the Cork City Run on 9 April.\n\n"
    "The 35-year-old was beaten into fourth at last year's event, having won it a year "
    "earlier.\n\n"
    "Byrne, who is training in Spain, will also run for the Irish team at the world cross-country "
    "championships in March.",
    "Byrne commits to Cork race",
)


def test_both_states_are_read_from_the_lead_s_own_article_however_it_is_worded(
    tmp_path: Path,
    embedder,  # type: ignore[no-untyped-def]
) -> None:
    service = _service_of(tmp_path, embedder, [_RUNNER])
    answer = service.ask(
        "How did Ann Byrne do at the Cork City Run last year compared with the year before?"
    )
    assert answer.status == "answered", answer.answer
    # "The 35-year-old" names nobody, yet it is the sentence that tells both years.
    assert "fourth" in answer.answer and "won it" in answer.answer, answer.answer
