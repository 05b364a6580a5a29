"""The answer engine judges a question answered by the kind of thing it asks for: an age for
"how old", a figure beside the thing "how many" counts, a name in a sentence that says the verb
of "who did it". A figure or a name of something else close by does not answer.

Real parts throughout: MiniLM and an embedded Chroma store built from a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.slots import asked_slot, slot_strength
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_how_old_wants_an_age_not_a_date(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Jon Keller, head of the team behind the first Orion computer, has died.\n\n"
                "Mr Keller was diagnosed in December 2004 with cancer and died on 26 February "
                "at his home in California.\n\nHe later founded a software company.",
                "Orion computer pioneer dies",
            )
        ],
    )
    answer = service.ask("How old was Jon Keller when he died?")
    # "December 2004" and "26 February" are figures, not an age.
    assert answer.status == "not_found", answer.answer


def test_an_age_answers_how_old(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Comedian Cyril Baxter has died at his home in Jersey, his family said on "
                "Tuesday.\n\nBaxter, who was 91, presented the show for 30 years.",
                "Comedian Baxter dies",
            )
        ],
    )
    answer = service.ask("How old was Cyril Baxter when he died?")
    assert answer.status == "answered", answer.answer
    assert "91" in answer.answer, answer.answer


def test_a_figure_of_another_thing_does_not_say_how_many(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    # The article speaks of British nationals but never counts them; its figures count soldiers
    # and months.
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "France has played a lead role in peacekeeping in Ivory Coast after President "
                "Gbagbo broke an 18-month ceasefire, bombing rebel positions and killing nine "
                "French soldiers.\n\nThe prime minister's spokesman said: \"There are British "
                'nationals in Ivory Coast and we are making the usual contingency plans."\n\n'
                "British troops are on standby in case they need to help evacuate UK citizens "
                "from Ivory Coast.",
                "UK troops on standby in Ivory Coast",
            )
        ],
    )
    answer = service.ask("How many British nationals were evacuated from Ivory Coast?")
    assert answer.status == "not_found", answer.answer


def test_how_many_is_answered_by_the_figure_beside_the_thing_counted(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "A Polish band that makes music on GameBoy consoles has released its first "
                "album, priced at 40 zloty.\n\nThe band's four members play on six specially "
                "modified GameBoys, linked to a mixing desk.\n\nThey have toured Germany.",
                "GameBoy band releases album",
            )
        ],
    )
    answer = service.ask("How many GameBoys does the Polish GameBoy band play on?")
    assert answer.status == "answered", answer.answer
    assert answer.points[0].text.startswith("The band's four members play on six"), answer.answer


def test_who_did_it_is_not_answered_by_a_name_in_a_sentence_without_the_verb(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    # The manager praised the side; nothing says who scored. (Other stories make the question's
    # words as rare as in a real store.)
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Manchester United's Alex Ferguson has praised his players' gutsy performance "
                "in the 1-0 win at Aston Villa.\n\nThe win lifts United to third in the table, "
                "five points behind the leaders.",
                "Ferguson praises gutsy United",
            ),
            _article(
                "Chelsea extended their lead at the top of the Premiership with a 2-0 win over "
                "Everton on Sunday.\n\nFrank Lampard scored both goals.",
                "Chelsea extend lead",
                "chelsea",
            ),
            _article(
                "Rail fares will rise by 4% in January, the train operators said on Monday.\n\n"
                "Passenger groups criticised the increase.",
                "Rail fares rise",
                "rail",
            ),
            _article(
                "The Bank of England held interest rates at 4.75% on Thursday.\n\nEconomists "
                "had expected no change.",
                "Bank holds rates",
                "rates",
            ),
        ],
    )
    answer = service.ask("Who scored Manchester United's winner in their 1-0 win at Aston Villa?")
    assert answer.status == "not_found", answer.answer


def test_the_measure_a_question_asks_for_is_read_from_its_form() -> None:
    # "How fast", "what score", "in what time" ask for a figure as "how much" does.
    for question, sentence in (
        ("How fast is the new broadband service?", "It runs at 8 megabits per second."),
        ("What was the aggregate score against Heerenveen?", "Newcastle won 4-2 on aggregate."),
        ("In what time did she win the race?", "She won in two minutes 35.39 seconds."),
    ):
        slot = asked_slot(question)
        assert slot is not None and slot.kind == "number", question
        assert slot_strength(sentence, question, slot) > 0, question
        assert slot_strength("The service was launched on Monday.", question, slot) == 0


def test_a_later_part_s_pronoun_is_the_name_the_first_part_s_answer_gave(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Harbour Rowing has ended its search for a new performance director by "
                "appointing psychologist Dana Colvin.\n\nColvin, who worked with the national "
                "teams at two Olympics, takes over from Max Jowett.\n\nThe club also named a "
                "new chairman in January.",
                "Colvin named performance director",
            )
        ],
    )
    answer = service.ask(
        "Who did Harbour Rowing appoint as performance director and whom does he take over from?"
    )
    assert answer.status == "answered", answer.answer
    assert not answer.unanswered, answer.answer
    by_part = {p.part: p.text for p in answer.points}
    assert "Dana Colvin" in by_part[0] and "Max Jowett" in by_part[1], answer.answer


def test_two_parts_asking_for_a_date_are_not_both_answered_by_a_sentence_with_one(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The Orbit handheld is the successor to the hugely successful Pocket console and "
                "went on sale in Japan on 2 December.\n\nIts maker has announced a media "
                "adapter that will let the Orbit play films and music in Japan.\n\nThe "
                "handheld has sold well since its launch.",
                "Orbit TV adapter announced",
            ),
            _article(
                "Rail fares will rise by 4% in January, the train operators said on Monday.\n\n"
                "Passenger groups criticised the increase.",
                "Rail fares rise",
                "rail",
            ),
        ],
    )
    question = (
        "When will the Orbit's media adapter be available in Japan, and when did the Orbit go on "
        "sale there?"
    )
    answer = service.ask(question)
    # The one date answers the part it is about; the other is said plainly to be unanswered.
    assert answer.unanswered == ["When will the Orbit's media adapter be available in Japan?"], (
        answer.answer
    )
    assert [p.part for p in answer.points] == [1], answer.answer
    assert "2 December" in answer.points[0].text, answer.answer


def test_the_verb_a_question_turns_on_is_the_one_after_want_to_or_thought_to() -> None:
    from retrieval.grounding import predicate_term
    from retrieval.slots import asked_predicate

    question = "How much cocoa does Nigeria want to be producing by 2008?"
    assert predicate_term(question) == "producing"
    assert asked_predicate(question) == "producing"
    assert asked_predicate("How many fans were thought to have attended the final?") == "attended"


def test_a_figure_in_the_year_asked_answers_though_worded_unlike_the_question(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The government of Ghana is hoping to triple cocoa production over the next "
                "three years with the launch of an ambitious development programme.\n\n"
                "Ghana is currently the world's second-largest cocoa producer.\n\nCocoa was the "
                "main export product of Ghana during the 1960s.\n\nThe agriculture minister said "
                "the scheme aimed to boost production from an expected 180,000 tonnes this year "
                "to 600,000 tonnes by 2008.",
                "Ghana to triple cocoa production",
            )
        ],
    )
    answer = service.ask("How much cocoa does Ghana want to be producing by 2008?")
    assert answer.status == "answered", answer.answer
    assert "600,000 tonnes" in answer.points[0].text, answer.answer


def test_a_count_beside_the_thing_counted_answers_though_worded_unlike_the_question(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The Snowpeak Film Festival is held in the mountain resort of Alder Creek.\n\n"
                "Some 45,000 people are estimated to have descended on this small ski town "
                "for the festival.\n\nNow in its tenth year, the festival continues to grow."
                "\n\nSmaller festivals take place during the same week in Alder Creek.",
                "Snowpeak festival opens",
            )
        ],
    )
    answer = service.ask(
        "Roughly how many people are thought to have come to Alder Creek for this year's "
        "Snowpeak festival?"
    )
    assert answer.status == "answered", answer.answer
    assert "45,000 people" in answer.points[0].text, answer.answer


def test_another_year_s_count_or_a_figure_of_another_thing_does_not_say_how_many(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    # The year asked has only export revenue; the tonnes are another country's, in 1970.
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Nigeria is hoping to triple cocoa production over the next three years.\n\n"
                "With the coming of oil, production began to fall from a peak of about 400,000 "
                "tonnes a year in 1970.\n\nAt the same time Ghana, the world's second largest "
                "cocoa exporter, announced revenues from the industry had risen.\n\nThe country "
                "saw more than $1.2bn-worth of the beans exported during 2003-04.",
                "Nigeria plans cocoa revival",
            )
        ],
    )
    answer = service.ask("How many tonnes of cocoa did Ghana produce in 2003-04?")
    assert answer.status == "not_found", answer.answer


def test_what_time_asks_for_a_time_with_its_unit_or_of_the_day() -> None:
    for question in (
        "What time did Maria Lind run to win the 3000m in Oslo?",
        "What British record time did Ann Kerr set over 60m hurdles?",
        "At what time will the polls close?",
    ):
        slot = asked_slot(question)
        assert slot is not None and slot.kind == "number" and slot.time, question
    question = "What time did Maria Lind run to win the 3000m in Oslo?"
    slot = asked_slot(question)
    assert slot_strength("Lind crossed the line in eight minutes 41.20 seconds.", question, slot)
    assert slot_strength("Polls close at 10pm.", question, slot)
    # The race's distance and the year are figures, not a time.
    assert not slot_strength("Lind won the 3000m in 2005.", question, slot)
    # A decade or an age is no time; a decimal with "s" and a number word with its unit are.
    assert not slot_strength("Lind first won in Oslo in the 1990s.", question, slot)
    assert not slot_strength("Her coach, now in his 80s, watched Lind win.", question, slot)
    assert slot_strength("Lind won the 60m in 7.12s.", question, slot)
    assert slot_strength("Lind won with thirteen minutes to spare.", question, slot)
    # "How many times" counts; it asks for no time.
    assert not asked_slot("How many times has Lind won in Oslo?").time  # type: ignore[union-attr]


def test_what_time_did_she_run_is_answered_by_the_sentence_giving_her_time(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Maria Lind won the 3000m at the Oslo Indoor meeting on Saturday, beating a "
                "strong field of Kenyan and Ethiopian runners.\n\nThe 24-year-old hit the front "
                "with two laps to go.\n\nShe ran the last lap alone and crossed the line in eight "
                "minutes 41.20 seconds, ahead of Kenya's Ruth Ngeno.\n\nLind now heads to the "
                "European Indoor Championships in Madrid.",
                "Lind wins 3000m in Oslo",
            )
        ],
    )
    answer = service.ask("What time did Maria Lind run to win the 3000m in Oslo?")
    assert answer.status == "answered", answer.answer
    assert "41.20 seconds" in answer.answer, answer.answer
