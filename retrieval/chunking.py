"""Split an article into quotable chunks with exact character offsets."""

from __future__ import annotations

from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

# Paragraphs first, then lines, then sentences, then clauses: a chunk breaks where the text does.
_SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""]


@dataclass(frozen=True)
class ChunkText:
    position: int
    start: int
    end: int
    text: str


class ArticleChunker:
    def __init__(self, chunk_size: int = 600, chunk_overlap: int = 0) -> None:
        self._splitter = RecursiveCharacterTextSplitter(
            chunk_size=chunk_size,
            chunk_overlap=chunk_overlap,
            separators=_SEPARATORS,
            keep_separator="end",
            strip_whitespace=True,
        )

    def split(self, text: str) -> list[ChunkText]:
        """Chunks of ``text`` in order; each ``text[start:end] == chunk.text``."""
        chunks: list[ChunkText] = []
        cursor = 0
        for piece in self._splitter.split_text(text):
            start = text.find(piece, cursor)
            if start < 0:  # the splitter never rewrites text, but never trust an offset blindly
                start = text.find(piece)
                if start < 0:
                    continue
            end = start + len(piece)
            chunks.append(ChunkText(len(chunks), start, end, piece))
            # With overlap the next chunk may begin inside this one.
            cursor = start + 1
        return chunks
