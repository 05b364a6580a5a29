"""What happened is not answered by a figure or date someone only aims at (tenth session):
"hopes to finally become a member by early 2006" does not say when Ruritania joined, "intends
to ship three million" does not say how many were sold; a figure of something done stands,
also where the parser hangs it under an aim ("wants to expand abroad and sold 400 cars").

Real parts: spaCy's parse, MiniLM and an embedded Chroma store built from a written article.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.answer import gives_only_as_aim
from tests.retrieval.written import OTHER_STORIES as _OTHERS
from tests.retrieval.written import article as _article
from tests.retrieval.written import service_of as _service_of


def test_a_figure_or_date_governed_by_a_verb_of_intention_is_only_an_aim() -> None:
    assert gives_only_as_aim(
        "Sony says it intends to ship three million of the consoles by March 2005.",
        "How many consoles were sold in Europe in the first week?",
    )
    assert not gives_only_as_aim(
        "Sony shipped three million of the consoles by March 2005.",
        "How many consoles were sold in Europe in the first week?",
    )
    assert not gives_only_as_aim(
        "Mr Jacobsen tried at least twice to hack the network and took names and social "
        "security numbers of 400 customers, said a company spokesman.",
        "How many customers' details did the hacker take?",
    )
    assert not gives_only_as_aim(
        "The company wants to expand abroad and sold 400 cars in 2004.",
        "How many cars did the company sell in 2004?",
    )
    # A figure is the question's own only as a whole word: "200" is not in "2004".
    assert not gives_only_as_aim(
        "The firm sold 200 cars and hopes to sell 5,000 more.",
        "How many cars did the firm sell in 2004?",
    )
    # A question that asks for the aim itself is answered by it.
    assert not gives_only_as_aim(
        "Sony says it intends to ship three million of the consoles by March 2005.",
        "How many consoles does Sony plan to ship?",
    )


def test_when_did_it_join_is_not_answered_by_the_year_it_hopes_to_join(
    tmp_path: Path, embedder
) -> None:  # type: ignore[no-untyped-def]
    service = _service_of(
        tmp_path,
        embedder,
        [
            _article(
                "Talks on Ruritania's membership of the World Trade Organisation are making "
                "good progress, officials say.\n\nRuritania has been waiting for a decade to "
                "join the WTO and hopes to finally become a member by early 2006.",
                "Ruritania WTO talks progress",
                "wto",
            ),
            *_OTHERS,
        ],
    )
    answer = service.ask("When did Ruritania finally join the World Trade Organisation?")
    assert answer.status == "not_found", answer.answer
