"""What a question's form says it asks for, seventh session: comparisons whose alternatives are
directions ("higher or lower than"), the thing a comparison counts, comparatives settled by
figures ("grew faster"), the noun "the name of the X" names, a count that leaves its noun out,
and the doer a lead speaks of named in a later sentence.

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.questions import plan_question
from retrieval.slots import (
    asked_slot,
    counted_noun,
    leaves_uncounted,
    names_the_doer,
    slot_strength,
)
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of

# Other stories, so that the question's words are as rare as in a real store.
_OTHERS = [
    _article(
        "Rail fares will rise by 4% in January, the train operators said on Monday.\n\n"
        "Passenger groups criticised the increase.",
        "Rail fares rise",
        "rail",
    ),
    _article(
        "The Bank of England held interest rates at 4.75% on Thursday.\n\nEconomists had "
        "expected no change.",
        "Bank holds rates",
        "rates",
    ),
]


def test_higher_or_lower_than_sets_the_two_sides_not_the_two_directions() -> None:
    plan = plan_question(
        "Is Nigeria's 2008 cocoa target higher or lower than the peak it reached in 1970?"
    )
    assert plan.kind == "comparison"
    assert plan.sub_questions == [
        "Nigeria's 2008 cocoa target?",
        "peak it reached in 1970?",
    ]
    plan = plan_question("Did WPP's annual profit come in above or below what analysts expected?")
    assert plan.sub_questions == ["WPP's annual profit come in?", "analysts expected?"]
    # Two directions with no second side ("rise or fall against the dollar") compare nothing.
    assert plan_question("Did the pound rise or fall against the dollar?").kind != "comparison"


def test_a_higher_or_lower_question_is_answered_with_both_figures_and_which_is_larger(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Nigeria has launched a programme to revive its cocoa industry.\n\n"
                "Agriculture Minister Adamu Bello said the scheme aimed to boost cocoa "
                "production to 600,000 tonnes by 2008.\n\nBut with the coming of oil, cocoa "
                "production began to fall from a peak of about 400,000 tonnes a year in 1970.",
                "Nigeria aims to triple cocoa output",
                "cocoa",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "Is Nigeria's 2008 cocoa target higher or lower than the peak it reached in 1970?"
    )
    assert answer.status == "answered", answer.answer
    assert "600,000" in answer.answer and "400,000" in answer.answer, answer.answer
    assert answer.comparison is not None, answer.answer
    figures = [f.figure for f in answer.comparison.figures]
    assert figures[0].startswith("600,000") and figures[1].startswith("400,000"), figures


def test_a_comparison_of_more_jobs_reads_the_figures_of_jobs_not_of_money(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Oracle has announced it is cutting about 5,000 jobs following its $10.3bn "
                "takeover of its smaller rival PeopleSoft.\n\nThe cuts will fall mainly in the "
                "US.",
                "Oracle to cut 5,000 jobs",
                "oracle",
            ),
            _article(
                "General Motors is to cut 12,000 jobs in Europe, where its losses totalled "
                "$345m in the fourth quarter.\n\nUnions have called a day of protest.",
                "GM to cut 12,000 European jobs",
                "gm",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("Which is cutting more jobs: Oracle or General Motors?")
    assert answer.comparison is not None, answer.answer
    first, second = answer.comparison.figures
    assert (first.alternative, first.figure) == ("General Motors", "12,000 jobs"), answer.answer
    assert (second.alternative, second.figure) == ("Oracle", "5,000 jobs"), answer.answer


def test_grew_faster_asks_for_each_side_s_figure(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The Liberian economy started to grow in 2004, but deep reforms are needed, "
                "the International Monetary Fund has said.\n\nThe IMF said the country's GDP "
                "rose by 2% in 2004, after a 31% decline in 2003.",
                "Liberia's economy grows",
                "liberia",
            ),
            _article(
                "Germany's economy expanded by 1.6% in 2004, driven by export sales.\n\n"
                "Growth lost momentum in the last three months of the year.",
                "German growth slows",
                "germany",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("Whose economy grew faster in 2004, Liberia's or Germany's?")
    assert answer.status == "answered", answer.answer
    assert "2%" in answer.answer and "1.6%" in answer.answer, answer.answer


def test_the_name_of_the_album_stands_beside_the_word_album() -> None:
    question = (
        "What is the name of the Mark Morrison album that Kevin Campbell's label says it paid "
        "to produce?"
    )
    slot = asked_slot(question)
    assert slot is not None and slot.kind == "name" and slot.head == "album"
    sentence = (
        "The striker signed Morrison to his 2 Wikid Records label and claims he spent "
        "thousands of pounds producing his album Innocent Man."
    )
    assert slot_strength(sentence, question, slot) == 2


def test_the_name_of_an_album_is_answered_though_the_sentence_words_the_verb_otherwise(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Footballer and record company boss Kevin Campbell has won a court injunction "
                "stopping singer Mark Morrison from releasing an album.\n\nThe striker signed "
                "Morrison to his 2 Wikid Records label and claims he spent thousands of pounds "
                "producing his album Innocent Man.\n\nMorrison's lawyers declined to comment.",
                "Campbell stops Morrison album",
                "album",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "What is the name of the Mark Morrison album that Kevin Campbell's label says it paid "
        "to produce?"
    )
    assert answer.status == "answered", answer.answer
    assert "Innocent Man" in answer.points[0].text, answer.answer


def test_how_many_counts_the_noun_before_the_verb_and_a_count_may_leave_it_out() -> None:
    question = "How many Americans started reading blogs in 2004?"
    assert counted_noun(question) == "american"
    slot = asked_slot(question)
    lead = (
        "Americans are becoming avid blog readers, with 32 million getting hooked in 2004, "
        "according to new research."
    )
    assert slot_strength(lead, question, slot) == 2


def test_a_count_that_leaves_its_noun_out_answers_how_many(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Americans are becoming avid blog readers, with 32 million getting hooked in "
                "2004, according to new research.\n\nThe survey showed that blog readership has "
                "shot up by 58% in the last year.\n\nThe rise of blogs has spawned a new desire "
                "for news, with six million Americans now using RSS aggregators.",
                "Blog reading explodes in America",
                "blogs",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "How many Americans started reading blogs in 2004 and by how much did blog readership grow?"
    )
    assert answer.status == "answered", answer.answer
    assert "32 million" in answer.answer and "58%" in answer.answer, answer.answer


_HACKER = (
    "A man is facing charges of hacking into computers at the US arm of mobile phone firm "
    "T-Mobile.\n\nThe Californian man, Nicholas Lee Jacobsen, was arrested in October. "
    "Mr Jacobsen took names and social security numbers of 400 customers, said a company "
    'spokesman.\n\n"We were able to take corrective action immediately," Peter Dobrow, a '
    "T-Mobile spokesperson said."
)


def test_the_doer_a_lead_speaks_of_is_the_name_beside_its_noun() -> None:
    question = "Who was charged with hacking into T-Mobile's US computer network?"
    assert names_the_doer(
        "The Californian man, Nicholas Lee Jacobsen, was arrested in October.", _HACKER, question
    )
    assert not names_the_doer(
        '"We were able to take corrective action immediately," Peter Dobrow, a T-Mobile '
        "spokesperson said.",
        _HACKER,
        question,
    )


def test_who_was_charged_is_answered_by_the_name_beside_the_lead_s_noun(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path, embedder, [_article(_HACKER, "US hacker breaks into T-Mobile", "hack"), *_OTHERS]
    )
    answer = service.ask("Who was charged with hacking into T-Mobile's US computer network?")
    assert answer.status == "answered", answer.answer
    assert "Jacobsen" in answer.points[0].text, answer.answer


def test_a_month_asked_is_not_answered_by_another_month_s_figure(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Munich-based research institute Ifo said that its business confidence index "
                "fell to 95.5 in February from 97.5 in January, its first decline in three "
                "months.\n\nEconomists had expected a small rise.",
                "German business confidence slides",
                "ifo",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("What was Germany's Ifo business confidence index in March?")
    assert answer.status == "not_found", answer.answer
    answer = service.ask("What was Germany's Ifo business confidence index in February?")
    assert answer.status == "answered" and "95.5" in answer.answer, answer.answer


def test_did_a_beat_b_is_not_answered_by_a_will_play_b(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Ana Ivanovic won her first WTA title in Canberra on Saturday.\n\nIvanovic will "
                "play 32nd seed Iveta Benesova of the Czech Republic in the first round of the "
                "Australian Open.",
                "Ivanovic wins first title",
                "tennis",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "Did Ana Ivanovic beat Iveta Benesova in the first round of the Australian Open?"
    )
    assert answer.status == "not_found", answer.answer


def test_a_count_of_another_maker_s_things_does_not_say_how_many() -> None:
    question = "How many Gizmondo handhelds were sold in the first two days?"
    slot = asked_slot(question)
    other = "In the first two days on sale in Europe, 87,000 DS handhelds were sold."
    assert slot_strength(other, question, slot) == 0
    assert slot_strength("Tiger Telematics sold 5,000 Gizmondo handhelds.", question, slot) == 2
    # The thing itself is not whose it is: "GameBoys" in "how many GameBoys".
    gameboys = "How many GameBoys does the Polish band play on?"
    sentence = "They play on six Nintendo GameBoys."
    assert slot_strength(sentence, gameboys, asked_slot(gameboys)) == 2


def test_a_price_or_a_figure_ending_its_clause_does_not_count_the_thing_after_it() -> None:
    question = "How many Gizmondo handhelds were sold in the first two days?"
    article = (
        "Priced at £229, the handheld device is debuting in the UK. In the first two days on "
        "sale in Europe, 87,000 DS handhelds were sold."
    )
    assert leaves_uncounted(article, asked_slot(question), question)


def test_a_yes_no_question_is_answered_only_by_a_sentence_naming_all_it_names(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Tim Henman starts his Australian Open campaign in Melbourne next week.\n\n"
                "Henman came from two sets down to defeat Cyril Saulnier in the first round of "
                "the French Open last year.",
                "Henman looks to Melbourne",
                "henman",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("Did Tim Henman beat Cyril Saulnier at the Australian Open?")
    assert answer.status == "not_found", answer.answer


def test_an_allowance_asked_for_by_its_noun_wants_a_figure(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    question = "What weekly minimum allowance has the government set for foster carers?"
    slot = asked_slot(question)
    assert slot is not None and slot.kind == "number"
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Foster carers are to be guaranteed a minimum allowance to help cover their "
                "costs, the government has announced.\n\nCouncils will have to pay it from "
                "next year.",
                "Foster carers get minimum allowance",
                "foster",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(question)
    assert answer.status == "not_found", answer.answer
