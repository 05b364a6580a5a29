"""Reading a retrieved article whole for the sentence that answers a question.

Retrieval names the article a question is about, but the chunks it brings back are those most
like the question, and the sentence most like a question is often the article's lead, which
restates it ("Scotland beat Italy in Rome") and holds nothing of what is asked. The answer is a
sentence deeper in that says it in other words ("thrashed Italy 38-8"). So the article is read
sentence by sentence, as a reader of the classic comprehension tests does, and each sentence is
scored by what the question asks for rather than by its likeness to the whole question:

- whether it holds a thing of the kind asked (a figure, a name, a place, a date) that the
  question does not already give, and whether it holds it beside the question's own noun;
- the share of the question's remaining words it holds (IDF-weighted), names apart: what is
  left once the article has been found by its names;
- whether it says the question's verb;
- its likeness in meaning to the question, and whether it is the article's lead.

The weights are learned (``python -m bench reading_learn``) from the gold sentences of the
development question sets, each set scored with the weights fitted on the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.grounding import coverage, named_terms, question_terms
from retrieval.slots import Slot, holds_predicate, plainest, slot_strength
from retrieval.text import content_terms

# The features of one sentence, in the order of ``READING_WEIGHTS``.
FEATURES = (
    "kind",  # holds a thing of the kind asked that the question does not give
    "beside",  # ... beside the question's noun for it ("record label Sony BMG")
    "rest",  # IDF-weighted share of the question's words other than its names
    "names",  # IDF-weighted share of the question's names
    "verb",  # says the question's verb
    "semantic",  # cosine likeness to the question
    "lead",  # the article's first sentence
    "retrieved",  # in a chunk retrieval brought back
)


@dataclass(frozen=True)
class QuestionReading:
    """What a question asks, read once for all the sentences it is matched with."""

    question: str
    slot: Slot | None
    rest: list[str]  # its content terms other than names
    names: list[str]  # its names' stems
    weights: dict[str, float]  # IDF weights of its terms
    plainest: int  # the strongest hold a sentence can have of what it asks


def read_question(question: str, weights: dict[str, float], slot: Slot | None) -> QuestionReading:
    names = [t for t in named_terms(question) if t in set(question_terms(question))]
    rest = [t for t in question_terms(question) if t not in set(names)]
    return QuestionReading(question, slot, rest, names, weights, plainest(slot))


def sentence_features(
    q: QuestionReading, text: str, *, semantic: float, lead: bool, retrieved: bool
) -> list[float]:
    """The features of ``text`` as an answer to ``q`` (``FEATURES``)."""
    own = set(content_terms(text))
    strength = slot_strength(text, q.question, q.slot) if q.slot is not None else 0
    return [
        float(strength >= 1),
        float(strength >= 2 and q.plainest >= 2),
        coverage(q.rest, q.weights, own) if q.rest else 0.0,
        coverage(q.names, q.weights, own) if q.names else 0.0,
        float(holds_predicate(text, q.question)),
        semantic,
        float(lead),
        float(retrieved),
    ]


# Learned as a choice among the sentences of one article (a softmax over them, fitted to the
# development sets' gold sentences; bench/RESULTS.md, sixteenth session).
READING_WEIGHTS: tuple[float, ...] = (2.91, 1.47, 2.07, -0.10, 0.73, 2.27, -0.49, 0.67)


def reading_score(features: Sequence[float], weights: Sequence[float] = READING_WEIGHTS) -> float:
    """How well a sentence with ``features`` reads as the answer, against the other sentences
    of its article: the log-odds of choosing it over one scoring 0."""
    return sum(w * f for w, f in zip(weights, features, strict=True))
