"""Eleventh session: faithful paraphrases the hard checks refused on restructured sentences, each
beside an edit of the same construction that must still be refused. An acronym a text defines in
brackets ('General Motors (GM)') is an alias of the name; a place's adjective and the place, or
two names WordNet gives one sense ('Scottish' / 'Scotland', 'Britain' / 'UK'), are one entity;
'ex-' is 'former'. Pairs from the development sets (ids) or written for the tests; the real
parser."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify

# (claim, passage): faithful paraphrases the verifier must support
KEPT = {
    "t018 GM / General Motors (GM)": (
        "Fiat and GM have until midnight on 1 February to resolve a dispute over a possible "
        "takeover.",
        "Fiat and General Motors (GM) have until midnight on 1 February to settle a "
        "disagreement over a potential takeover.",
    ),
    "t266 IAEA / International Atomic Energy Agency (IAEA)": (
        "A spokesman for the IAEA said its present technology, being more than 20 years old, "
        "could allow key information to be overlooked.",
        "A spokesman for the International Atomic Energy Agency (IAEA) said its current "
        "technology could allow key information to be overlooked as it was more than 20 years "
        "old.",
    ),
    "t131 Scottish universities / universities in Scotland": (
        "The number of students from south of the border applying to Scottish universities has "
        "risen.",
        "A rise has been recorded in the number of students from south of the border applying "
        "to universities in Scotland.",
    ),
    "b128 Britain / the UK": (
        "Britain has welcomed India and Pakistan's decision to open a bus link across the "
        "ceasefire line that divides disputed Kashmir.",
        "The UK has welcomed the decision by India and Pakistan to open a bus link across the "
        "ceasefire line dividing the disputed region of Kashmir.",
    ),
    "t166 the former Labour MP / Ex-Labour MP": (
        "George Galloway, the former Labour MP, has called for the release of aid worker "
        "Margaret Hassan, who was kidnapped in Iraq.",
        "Ex-Labour MP George Galloway has appealed for the release of aid worker Margaret "
        "Hassan, kidnapped in Iraq.",
    ),
}

# (claim, passage): edits of the same constructions the verifier must not support
REFUSED = {
    "another acronym than the one defined": (
        "Fiat and GE have until midnight on 1 February to resolve a dispute over a possible "
        "takeover.",
        "Fiat and General Motors (GM) have until midnight on 1 February to settle a "
        "disagreement over a potential takeover.",
    ),
    "Welsh universities / universities in Scotland": (
        "The number of students from south of the border applying to Welsh universities has risen.",
        "A rise has been recorded in the number of students from south of the border applying "
        "to universities in Scotland.",
    ),
    "x106 Clinton / Bush (both presidents: no hypernym)": (
        "When Carson died, President Clinton led the public tributes.",
        'When Carson died, President Bush led the public tributes, saying the presenter "had a '
        'profound influence on American life and entertainment".',
    ),
    "b113 Kent / Essex (both counties)": (
        "Lord Hanningfield, leader of Kent County Council, said they were going to the High "
        "Court because they wanted a judge to rule there should be a proper inquiry.",
        "Lord Hanningfield, leader of Essex County Council, said they were going to the High "
        "Court because they wanted a judge to rule there should be a proper inquiry.",
    ),
    "y025 Indian / Asian": (
        "Stars have been added to the line-up for a TV special to raise money for victims of "
        "the Indian earthquake.",
        "Stars have been added to the line-up for a TV special to raise money for victims of "
        "the Asian earthquake.",
    ),
    "b182 American / English": (
        "It is based on the children's book by American writer Diana Wynne Jones.",
        "It is based on the children's book by English writer Diana Wynne Jones.",
    ),
    "the Labour MP / Ex-Labour MP": (
        "George Galloway, the Labour MP, has called for the release of aid worker Margaret Hassan.",
        "Ex-Labour MP George Galloway has appealed for the release of aid worker Margaret Hassan.",
    ),
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_faithful_paraphrase_is_supported(name: str) -> None:
    claim, passage = KEPT[name]
    check = verify(claim, passage)
    assert check.verdict == "supported", (name, check)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_edit_is_not_supported(name: str) -> None:
    claim, passage = REFUSED[name]
    check = verify(claim, passage)
    assert check.verdict != "supported", (name, check)
