"""A factoid's answer holds a thing of the kind asked for, by the parser's entity types: a lead
that restates the question ("a defence minister has said") or names other things (the firm's
pits across the counties) gives way to the sentence of its article that names a person for
"who is the chief executive", "which minister".

Real parts throughout: MiniLM, spaCy's small pipeline and an embedded Chroma store built from
a few written articles.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.entities import asked_class, asked_types, class_entities, new_entities
from retrieval.slots import asked_slot
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_who_is_the_chief_executive_asks_for_a_person_the_question_does_not_name() -> None:
    question = "Who is the new chief executive running Northfield Mining after its losses grew?"
    types = asked_types(question, asked_slot(question))
    assert types == frozenset({"PERSON"})
    assert new_entities(
        "The Leeds company, led by new chief executive Martin Holloway, hopes to return to "
        "profit next year.",
        question,
        types,
    ) == ["Martin Holloway"]
    # The question's own names are not what it asks for.
    assert new_entities("Northfield Mining said its losses grew.", question, types) == []


def test_a_lead_restating_which_minister_gives_way_to_the_sentence_naming_one(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Farmers should accept that subsidies for hill sheep will be cut by a fifth "
                "next year, a farming minister has said.\n\nFigures released last month "
                "showed that hill farm incomes had fallen for a third year running.\n\n"
                "Margaret Dunlop said the savings would go to woodland planting and flood "
                "schemes.\n\nThe National Farmers Union called the cut a betrayal of upland "
                "communities.",
                "Hill farm subsidies to be cut",
                "farms",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "Which farming minister said farmers should accept cuts to hill sheep subsidies?"
    )
    assert answer.status == "answered", answer.answer
    assert "Margaret Dunlop" in answer.answer, answer.answer


def test_the_verb_s_noun_beside_a_name_says_who_scored(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Goals from Peter Lindqvist and Marco Ferreira gave Dunmore a scrappy 2-0 "
                "victory at Harbour Park on Sunday.\n\nIt ended Harbour's 14-game unbeaten run "
                "at home and gave Dunmore manager Alan Reid his first win at the ground.\n\n"
                "Harbour had rarely looked troubled until their keeper let a long drive slip "
                "through his hands.\n\nThe home side now trail Dunmore by three points.",
                "Dunmore win at Harbour Park",
                "derby",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("Who scored Dunmore's second goal in their derby win at Harbour Park?")
    assert answer.status == "answered", answer.answer
    assert "Marco Ferreira" in answer.answer, answer.answer


def test_a_campaign_named_beside_its_noun_answers_what_it_was_called(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "More than 50,000 people downloaded the screensaver that the web portal Kestrel "
                "Online offered to flood junk mail servers.\n\nKestrel Online has shut down "
                "the campaign, saying it had done its job of starting a debate on spam.\n\n"
                "Kestrel Online's Clean Inbox Now campaign began in early October but its "
                "methods proved controversial.\n\nCritics said the tool encouraged vigilante "
                "attacks.",
                "Kestrel ends anti-spam screensaver",
                "spam",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "What was Kestrel Online's abandoned anti-spam screensaver campaign called?"
    )
    assert answer.status == "answered", answer.answer
    assert "Clean Inbox Now" in answer.answer, answer.answer


def test_the_question_s_phrase_beside_a_new_name_answers_which_green_msp(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "The Green Party is concerned hundreds of tenants may not be able to vote in "
                "Dundee's harbour tax referendum.\n\nDundee City Council is to ballot residents "
                "on plans to charge ships entering the harbour.\n\nBut Green MSP Fiona "
                "Halliday fears people left off the council's edited electoral register may "
                "lose out.\n\nThe council said all households would receive a ballot paper.",
                "Greens fear harbour vote gap",
                "harbour",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "Which Green MSP is worried that tenants could miss out on voting in Dundee's harbour "
        "tax referendum?"
    )
    assert answer.status == "answered", answer.answer
    assert "Fiona Halliday" in answer.answer, answer.answer


def test_what_illness_is_answered_by_the_sentence_naming_the_illness_and_one_of_its_kind(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Former Welsh Office minister Sir Gareth Pryce has died at a Cardiff hospice, "
                "his family has announced.\n\nSir Gareth, 74, served under three prime "
                "ministers and later chaired the Severn Bridge trust.\n\nThe former "
                "Conservative MP for Monmouth died after a long illness diagnosed as "
                "Parkinson's.\n\nTributes were paid by members of all parties.",
                "Former minister Sir Gareth Pryce dies",
                "obituary",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask(
        "What illness did former Welsh Office minister Sir Gareth Pryce die after?"
    )
    assert answer.status == "answered", answer.answer
    assert "Parkinson's" in answer.answer, answer.answer


def test_how_much_does_it_cost_wants_a_sum_of_money_not_another_figure(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "A ten megabit broadband service has been launched by internet provider "
                'Skylark Net.\n\n"Our ten megabit broadband service is 20 times faster than '
                'most broadband services a month after launch," said Mr Pardew.\n\nIt comes '
                "with a steep £34.99 monthly price tag.\n\nSkylark Net said take-up had beaten "
                "its hopes.",
                "Skylark Net launches faster broadband",
                "broadband",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("How much a month does Skylark Net's ten megabit broadband service cost?")
    assert answer.status == "answered", answer.answer
    # The sum leads: the sentence of another figure ("20 times faster") does not.
    assert "£34.99" in answer.answer.split("[1]")[0], answer.answer


def test_a_name_beside_the_verb_s_noun_outranks_a_manager_named_in_a_closer_sentence(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    # The closest sentence names a person (the manager) but does not say who scored; the rule
    # that refuses such a name gives way to the sentence naming scorers beside "goals".
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Dunmore's derby win at Harbour Park ended the home side's unbeaten run and "
                "gave Dunmore manager Alan Reid his first derby win at Harbour Park.\n\nGoals "
                "from Peter Lindqvist and Marco Ferreira gave Dunmore a scrappy derby victory at "
                "Harbour Park.\n\nHarbour "
                "had rarely looked troubled until their keeper let a long drive slip through "
                "his hands.\n\nThe home side now trail Dunmore by three points.",
                "Dunmore win the derby at Harbour Park",
                "derby",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("Who scored Dunmore's second goal in their derby win at Harbour Park?")
    assert answer.status == "answered", answer.answer
    assert "Marco Ferreira" in answer.answer.split("[1]")[0], answer.answer


def test_a_name_the_sentence_calls_one_of_the_class_asked_outranks_another_name_of_that_type() -> (
    None
):
    question = "Which 1960s crooner is Daniel Hart's new film Blue Hour about?"
    assert asked_class(question) == "crooner"
    # "singer Tommy Vale": named as a singer, a kind of crooner; the film's stars are people
    # too, but the sentence does not call them crooners.
    assert class_entities(
        "Hart, a double Bafta winner, has long been fascinated by the story of singer Tommy Vale.",
        question,
        frozenset({"PERSON"}),
        "crooner",
    ) == ["Tommy Vale"]
    assert (
        class_entities(
            "Film stars Daniel Hart and Lucy Fenwick attended the London premiere of new film "
            "Blue Hour in Soho on Monday.",
            question,
            frozenset({"PERSON"}),
            "crooner",
        )
        == []
    )


def test_which_crooner_is_answered_by_the_sentence_naming_a_singer_not_the_premiere_s_stars(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Film stars Daniel Hart and Lucy Fenwick attended the London premiere of new "
                "film Blue Hour in Soho on Monday.\n\nThe film was shot over twelve weeks in "
                "Dublin and Belfast last year.\n\nHart, a double Bafta winner, has long been "
                "fascinated by the story of singer Tommy Vale.\n\nBlue Hour opens in cinemas "
                "across the country next month.",
                "Stars at Blue Hour premiere",
                "premiere",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("Which 1960s crooner is Daniel Hart's new film Blue Hour about?")
    assert answer.status == "answered", answer.answer
    # The sentence that names the crooner leads; the premiere's lead is its context.
    assert "Tommy Vale" in answer.points[0].text, answer.answer


def test_a_former_chief_executive_is_not_named_as_the_new_one() -> None:
    question = "Who is the new chief executive of UK Coal?"
    people = frozenset({"PERSON"})
    # "former chief executive Richard Budge": named as one who was, not is, chief executive.
    assert (
        class_entities(
            "Spindler replaces former chief executive Richard Budge, who stepped down in March.",
            question,
            people,
            "executive",
        )
        == []
    )
    assert class_entities(
        "Spindler replaces former chief executive Richard Budge, who stepped down in March.",
        "Who was the former chief executive of UK Coal?",
        people,
        "executive",
    ) == ["Richard Budge"]
    # An "as" phrase and a predicate noun name the holder as one of the class.
    for sentence in (
        "UK Coal has appointed Gerry Spindler as its new chief executive.",
        "Gerry Spindler is the new chief executive of UK Coal.",
        "Gerry Spindler was named chief executive in May.",
    ):
        assert class_entities(sentence, question, people, "executive") == ["Gerry Spindler"]


def test_who_is_the_new_chief_executive_is_led_by_the_appointment_not_the_predecessor(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "UK Coal has appointed Gerry Spindler as its new chief executive.\n\n"
                "The mining group reported that its losses had deepened to £51.6m last year."
                "\n\nSpindler replaces former chief executive Richard Budge, who stepped down "
                "in March after the company's results disappointed investors.\n\nUK Coal "
                "operates 15 deep and surface mines across the Midlands and the North.",
                "UK Coal appoints new chief executive",
                "coal",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("Who is the new chief executive?")
    assert answer.status == "answered", answer.answer
    # The appointment leads; the predecessor's sentence does not come first.
    assert "Gerry Spindler" in answer.points[0].text, answer.answer
    assert "Budge" not in answer.points[0].text, answer.answer
