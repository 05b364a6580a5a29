"""Chunks: exact offsets, bounded size, breaks where the text breaks, optional overlap."""

from __future__ import annotations

from itertools import pairwise

import pytest

from retrieval.chunking import ArticleChunker, ChunkText

SENTENCES = [
    "The council met on Tuesday to discuss the new harbour plan.",
    "Mr. Jones said the cost had risen to 1.5 million pounds.",
    "Residents asked why the work would take three more years.",
    "The mayor replied that the contractor had gone bankrupt.",
    "A new tender will open in the spring, officials said.",
    "Fishermen welcomed the delay, saying the old quay still works.",
]


def article_text(paragraphs: int = 6) -> str:
    return "\n\n".join(
        " ".join(SENTENCES[(p + i) % len(SENTENCES)] for i in range(2 + p % 4))
        for p in range(paragraphs)
    )


def assert_offsets_exact(text: str, chunks: list[ChunkText]) -> None:
    for position, chunk in enumerate(chunks):
        assert chunk.position == position
        assert text[chunk.start : chunk.end] == chunk.text


@pytest.mark.parametrize("chunk_size", [120, 300, 600])
def test_every_chunk_is_the_exact_slice_of_the_text_and_no_longer_than_the_chunk_size(
    chunk_size: int,
) -> None:
    text = article_text(12)
    chunks = ArticleChunker(chunk_size, 0).split(text)
    assert len(chunks) > 1
    assert_offsets_exact(text, chunks)
    assert all(len(c.text) <= chunk_size for c in chunks)


def test_the_chunks_cover_every_word_of_the_text_in_order() -> None:
    text = article_text(10)
    chunks = ArticleChunker(200, 0).split(text)
    assert [c.start for c in chunks] == sorted(c.start for c in chunks)
    assert " ".join(c.text for c in chunks).split() == text.split()


def test_no_chunk_starts_or_ends_in_the_middle_of_a_word() -> None:
    text = article_text(12)
    for chunk in ArticleChunker(150, 40).split(text):
        assert chunk.start == 0 or not text[chunk.start - 1].isalnum()
        assert chunk.end == len(text) or not text[chunk.end].isalnum()


def test_a_paragraph_that_fits_is_never_cut() -> None:
    text = article_text(8)
    paragraphs = text.split("\n\n")
    chunk_size = max(len(p) for p in paragraphs) + 10
    chunks = ArticleChunker(chunk_size, 0).split(text)
    for paragraph in paragraphs:
        start = text.index(paragraph)
        assert any(c.start <= start and start + len(paragraph) <= c.end for c in chunks)


def test_a_long_paragraph_is_cut_between_sentences() -> None:
    paragraph = " ".join(SENTENCES * 3)
    chunks = ArticleChunker(200, 0).split(paragraph)
    assert len(chunks) > 3
    assert all(c.text.endswith(".") for c in chunks)
    assert all(c.text[0].isupper() for c in chunks)


def test_chunks_overlap_only_when_asked() -> None:
    text = " ".join(SENTENCES * 4)
    plain = ArticleChunker(200, 0).split(text)
    overlapping = ArticleChunker(200, 80).split(text)
    assert_offsets_exact(text, overlapping)
    assert all(b.start >= a.end for a, b in pairwise(plain))
    assert all(b.start < a.end for a, b in pairwise(overlapping))
    assert len(overlapping) > len(plain)


def test_a_repeated_paragraph_gets_the_offsets_of_its_own_occurrence() -> None:
    repeated = "Breaking: the bridge is closed."
    text = f"{repeated}\n\n{SENTENCES[0]}\n\n{repeated}"
    chunks = ArticleChunker(40, 0).split(text)
    assert_offsets_exact(text, chunks)
    assert [c.start for c in chunks if c.text == repeated] == [0, text.rindex(repeated)]


def test_a_short_text_is_one_chunk() -> None:
    assert ArticleChunker(600, 0).split("Just one line.") == [
        ChunkText(0, 0, len("Just one line."), "Just one line.")
    ]
