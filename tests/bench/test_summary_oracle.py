"""The oracle of sentence choice (``bench/summary_oracle.py``) scores as rouge-score does and
finds the best subset."""

from __future__ import annotations

import itertools

from rouge_score import rouge_scorer

from bench.summary_oracle import Tokens, best_of_size, best_subset, lcs_length, rouge_l

SENTENCES = [
    "Irish shares have risen to a record high, with investors persuaded by low inflation.",
    "The ISEQ index closed up 23 points to 6661.89 on Thursday.",
    "Analysts said the mood was cautious across the region.",
    "Allied Irish Banks touched a five year peak while Bank of Ireland shares rose.",
    "The weather in Dublin was mild for the time of year.",
]
REFERENCE = (
    "Irish shares closed at a record high, with the ISEQ index up 23 points to 6661.89. "
    "Allied Irish Banks reached a five-year peak."
)


def _lcs(a: list[int], b: list[int]) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = (
                table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
            )
    return table[-1][-1]


def test_the_bit_parallel_lcs_agrees_with_the_textbook_one() -> None:
    tokens = Tokens()
    texts = [*SENTENCES, REFERENCE, "", "a a a b", "b a b a a"]
    for x, y in itertools.product(texts, repeat=2):
        a, b = tokens(x), tokens(y)
        assert lcs_length(a, b) == _lcs(a, b), (x, y)


def test_rouge_l_is_the_one_rouge_score_gives() -> None:
    scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)
    tokens = Tokens()
    for summary in [" ".join(SENTENCES[:3]), SENTENCES[1], " ".join(SENTENCES[3:])]:
        expected = scorer.score(REFERENCE, summary)["rougeL"].fmeasure
        assert abs(rouge_l(tokens(summary), tokens(REFERENCE)) - expected) < 1e-9


def test_the_oracle_finds_the_best_subset_within_the_budget() -> None:
    tokens = Tokens()
    ids = [tokens(s) for s in SENTENCES]
    reference = tokens(REFERENCE)
    score, combo = best_subset(ids, reference, max_sentences=3)
    brute = max(
        (rouge_l([t for i in c for t in ids[i]], reference), c)
        for k in (1, 2, 3)
        for c in itertools.combinations(range(len(ids)), k)
    )
    assert (score, combo) == brute
    assert combo == (0, 1, 3)  # the sentences the reference was written from
    words = [len(s.split()) for s in SENTENCES]
    _, short = best_subset(ids, reference, max_sentences=3, max_words=25, words=words)
    assert sum(words[i] for i in short) <= 25
    assert short and set(short) < {0, 1, 3}


def test_swapping_one_sentence_at_a_time_reaches_the_best_pair_here() -> None:
    tokens = Tokens()
    ids = [tokens(s) for s in SENTENCES]
    reference = tokens(REFERENCE)

    def value(picked: list[int]) -> float:
        return rouge_l([t for i in picked for t in ids[i]], reference)

    best = max(itertools.combinations(range(5), 2), key=lambda c: value(list(c)))
    assert best_of_size(2, list(range(5)), value, [[2, 4]]) == list(best)
