"""Figures said in other words, and edits said by words no opposite pair lists (sixteenth
session; verifier set 15's misses, read after its run). Sentences written for the tests.

A figure may be said by a noun that names a number ('the trio', 'a pair', 'decade-long'), as a
rank after 'number' ('world number four' for 'ranked fourth'), as a floor by a verb of exceeding
('topped 3.1 million' for 'more than 3.1 million'); 'every one of the five' counts no one, and
'5,000 more than three years earlier' bounds no three. And the edits: an adjective defined by
the opposite of a lexicon class ('sceptical': 'given to doubt', against 'confident'); a
preposition of several words ('in favour of' is 'for', against 'against'); a comparative the
parser tags a noun ('keener', against 'less keen'); a name read by the stem of a common word
('Boxing' of 'Boxing Day' by 'box office'); a plan stated as already so; a frame after 'which'
of a body that can speak ('the committee, which suspects that')."""

from __future__ import annotations

import pytest

from retrieval.verifier import verify


@pytest.mark.parametrize(
    "claim, passage",
    [
        # a noun that names a number
        (
            "The three attended a private screening in Leeds last week.",
            "Last week, the trio attended a private screening in Leeds.",
        ),
        (
            "The two now face long bans for missing the drugs tests.",
            "The pair now face lengthy bans for missing the drugs tests.",
        ),
        (
            "The ten-year freeze on council tax was ended in April.",
            "The decade-long freeze on council tax was ended in April.",
        ),
        # a rank after 'number'
        (
            "The world number four from Russia won in straight sets.",
            "The Russian, ranked fourth in the world, won in straight sets.",
        ),
        # a verb of exceeding says 'more than'
        (
            "Its sales topped 3.1 million cars last year.",
            "It sold more than 3.1 million cars last year.",
        ),
        # 'every one of' counts no one
        (
            "The film won every one of the five prizes it was nominated for.",
            "The film won all five of the prizes for which it was nominated.",
        ),
        # a difference bounds no figure: '5,000 more than three years earlier'
        (
            "The council closed 12,000 cases last year, 5,000 more than three years earlier.",
            "The council closed 12,000 cases last year, up 5,000 on three years ago.",
        ),
        # 'annually' is 'a year', no opposite of it
        (
            "The club has 4,000 members; their number is growing by 13% a year and the oldest "
            "is 97.",
            "The club has 4,000 members, a number that is growing by 13% annually, and its "
            "oldest member is 97.",
        ),
    ],
)
def test_a_figure_said_in_other_words_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # the noun names another number
        (
            "The three attended a private screening in Leeds last week.",
            "Last week, the quartet attended a private screening in Leeds.",
        ),
        # another rank
        (
            "The world number five from Russia won in straight sets.",
            "The Russian, ranked fourth in the world, won in straight sets.",
        ),
        # a verb of exceeding is no 'less than'
        (
            "Its sales topped 3.1 million cars last year.",
            "It sold just under 3.1 million cars last year.",
        ),
        # a figure after a determiner or adjective is no amount: the bound is the figure's
        (
            "The album is back in the top 40 less than nine years after its release.",
            "The album is back in the top 40 more than nine years after its release.",
        ),
        # an adjective defined by the opposite class
        (
            "Traders were confident that the latest reports heralded a deal.",
            "Traders were sceptical that the latest reports heralded a deal.",
        ),
        # a preposition of several words
        (
            "The appeal court ruled against the two file-sharing networks in August.",
            "The appeal court ruled in favour of the two file-sharing networks in August.",
        ),
        # a comparative the small parser tags a noun
        (
            "Voters are less keen on the plan than party members.",
            "Voters are keener on the plan than party members.",
        ),
        # a name read by the stem of a common word
        (
            "The film took $12m on Boxing Day alone, the highest takings on that day in box "
            "office history.",
            "The film took $12m on Christmas Day alone, the highest takings on that day in box "
            "office history.",
        ),
        # a plan stated as already so
        (
            "Listeners can already download the software from the website.",
            "Later this year listeners will be able to download the software from the website.",
        ),
        # a frame after 'which' of a body that can speak
        (
            "The minister lied to Parliament.",
            "The committee, which suspects that the minister lied to Parliament, will meet on "
            "Monday.",
        ),
    ],
)
def test_an_edit_said_in_other_words_is_not_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict != "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        ("Voters are keener on the plan than party members.",) * 2,
        (
            "Listeners will be able to download the software later this year.",
            "Later this year listeners will be able to download the software.",
        ),
        (
            "Traders were doubtful that the latest reports heralded a deal.",
            "Traders were sceptical that the latest reports heralded a deal.",
        ),
        (
            "The appeal court ruled in favour of the two networks in August.",
            "In August the appeal court ruled in favour of the two networks.",
        ),
    ],
)
def test_the_same_said_again_stays_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


@pytest.mark.parametrize(
    "claim, passage",
    [
        # a frame with no subject of its own is said by the subject of the verb it hangs off
        (
            "Mr Lee left the party last week, saying its leaders had ignored members.",
            "Mr Lee quit the party last week, claiming that its leaders had ignored members.",
        ),
        # ... or by the noun the parser hangs it off
        (
            "The director resigned in May, saying he had been misled by the board.",
            "The director left in May, claiming he had been misled by the board.",
        ),
    ],
)
def test_a_frame_kept_by_its_speaker_in_other_words_is_supported(claim: str, passage: str) -> None:
    check = verify(claim, passage)
    assert check.verdict == "supported", check


def test_a_frame_dropped_is_still_not_supported() -> None:
    check = verify(
        "Its leaders had ignored members.",
        "Mr Lee quit the party last week, claiming that its leaders had ignored members.",
    )
    assert check.verdict != "supported", check
