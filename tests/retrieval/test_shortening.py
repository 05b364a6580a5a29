"""What counts as a shorter version of a sentence, and greedy decoding held to one."""

from __future__ import annotations

import numpy as np

from retrieval.shortening import Shortening, constrained_choice

SENTENCE = (
    "Shares in the carmaker, which employs 12,000 people in Britain, fell 4.5% on Tuesday "
    "after it cut its profit forecast."
)


def test_a_shorter_version_keeps_the_sentences_words_in_order_from_its_first() -> None:
    s = Shortening(SENTENCE)
    assert s.complete(b"Shares in the carmaker fell 4.5% on Tuesday.")
    assert s.complete(
        b"Shares in the carmaker fell 4.5% on Tuesday after it cut its profit forecast."
    )
    assert s.allows(b"Shares in the carmaker fell 4.")  # a figure written over two tokens
    assert not s.allows(b"Shares in the carmaker fell 5")  # a changed figure
    assert not s.allows(b"Shares in the carmaker fell 4.5% on Monday")  # a word not in it
    assert not s.allows(b"Shares fell in")  # out of order
    assert not s.allows(b"The carmaker")  # not from its first word
    assert not s.allows(b"The passage is:")  # meta-text
    assert not s.complete(b"Shares in the carmaker fell 4.5%")  # no full stop yet


def test_a_trailing_comma_ends_a_shorter_version_as_a_full_stop() -> None:
    s = Shortening(SENTENCE)
    assert s.complete(b"Shares in the carmaker.")
    assert not s.complete(b"Shares in the carmaker,.")
    assert not s.allows(b"Shares in the carmaker. fell")


def test_a_character_split_across_tokens_is_a_beginning() -> None:
    s = Shortening("The film took \u00a340m in its first weekend.")
    pound = "\u00a3".encode()
    assert s.allows(b"The film took " + pound[:1])
    assert s.complete(b"The film took " + pound + b"40m.")


def test_greedy_decoding_takes_the_best_token_that_keeps_a_shorter_version() -> None:
    s = Shortening(SENTENCE)
    pieces = {0: b"<end>", 1: b" in", 2: b" fell", 3: b" Monday", 4: b" Shares", 5: b" 5"}
    scores = np.array([0.0, 1.0, 2.0, 9.0, 4.0, 3.0], dtype=np.float32)

    def piece(t: int) -> bytes:
        return pieces[t]

    # Best first: " Monday" (not in the sentence), " Shares" (not again), " 5" (a figure it
    # does not hold); " fell" is the best that fits, beyond the two tried first.
    assert constrained_choice(scores, b"Shares in the carmaker", piece, [0], s, best_first=2) == 2
    assert constrained_choice(scores, b"Shares", piece, [0], s, best_first=2) == 2
    # A whole shorter version may end; one not yet whole may not.
    done = b"Shares in the carmaker fell 4.5% on Tuesday."
    scores[0] = 10.0
    assert constrained_choice(scores, done, piece, [0], s, best_first=2) == 0
    assert constrained_choice(scores, b"Shares in the", piece, [0], s, best_first=2) == 2


def test_a_shortening_keeps_every_figure_and_name_of_its_sentence_and_adds_none() -> None:
    from retrieval.shortening import carries_every_fact
    from retrieval.verifier import parse

    def keeps(sentence: str, shortening: str) -> bool:
        return carries_every_fact(parse(sentence), shortening)

    assert keeps(SENTENCE, "Shares in the carmaker fell 4.5% on Tuesday.") is False  # 12,000
    fair = (
        "Last month tickets sold out six weeks before the fair but the council said that all "
        "80,000 for the three-day show had gone."
    )
    # Every word the sentence's own, and false: the fair was not sold out six weeks before.
    assert not keeps(fair, "The fair was sold out six weeks before the three-day show.")
    assert not keeps("Volvo, owned by Geely, sold 500,000 cars.", "Volvo sold 500,000 cars.")
    assert not keeps("Shares fell sharply on Tuesday.", "Shares fell 5% on Tuesday.")  # added
    assert keeps(
        "Shares in the carmaker, which has struggled for months, fell 4.5% on Tuesday.",
        "Shares in the carmaker fell 4.5% on Tuesday.",
    )
    assert keeps(  # a name may change its ending; a figure in words stays in words
        "Russia's forces have retaken 24 settlements over the last five days, chief of the "
        "general staff Valery Gerasimov told the Kremlin leader.",
        "Russian forces have retaken 24 settlements over the last five days, Valery Gerasimov "
        "told the Kremlin leader.",
    )
