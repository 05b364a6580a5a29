"""The quality benchmark's own scoring: a right answer in another article's words is right."""

from __future__ import annotations

import json

from bench.harness import QA_DEV
from bench.quality import Question

# politics/112 reports Blunkett's resignation in its own words; the gold is politics/206's.
OTHER_ARTICLES_WORDS = (
    "Mr Blunkett resigned as Home Secretary on Wednesday after an inquiry uncovered an e-mail "
    "showing a visa application by Mrs Quinn's former nanny had been speeded up. [1]"
)


def _question(qid: str, path: str = "qa_calibration.jsonl") -> Question:
    for line in (QA_DEV.parent / path).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == qid:
            return Question.from_record(record)
    raise AssertionError(f"{qid} not in {path}")


def test_q081_accepts_the_reason_as_another_article_words_it() -> None:
    for path in ("qa_calibration.jsonl", "qa_dev.jsonl"):
        assert _question("q081", path).answered_by(OTHER_ARTICLES_WORDS)


def test_q081_still_wants_both_the_visa_and_the_nanny() -> None:
    question = _question("q081")
    assert not question.answered_by("David Blunkett resigned as home secretary on Wednesday. [1]")
    assert not question.answered_by("He was investigated over his former lover's nanny. [1]")
