"""The composition root: the one place that builds settings, store, models and services."""

from __future__ import annotations

import logging
from typing import Any

from retrieval.answer import AnswerEngine
from retrieval.digest import DigestBuilder
from retrieval.embeddings import build_embeddings
from retrieval.fetch import SafeFetcher
from retrieval.lexical import LexicalRanker
from retrieval.llm import EXTRACTIVE, build_chat_model
from retrieval.search import HybridRetriever
from retrieval.service import NewsService
from retrieval.settings import EngineSettings
from retrieval.store import ArticleStore
from retrieval.summarize import Summarizer

log = logging.getLogger(__name__)


def build_service(
    settings: EngineSettings,
    *,
    with_model: bool = True,
    embedder: Any | None = None,
    chat_model: Any | None = None,
    parallel: int = 1,
) -> NewsService:
    """Build the engine. ``with_model=False`` skips loading the chat model (ingest, search).

    ``embedder`` and ``chat_model`` let a caller that already holds them (tests, benchmarks)
    share them between services. ``parallel``: how many answers a local model may write at
    once (the bot passes ``DISCORD_ENGINE_WORKERS``; each costs one more llama context).
    """
    embedder = embedder if embedder is not None else build_embeddings(settings.embeddings)
    store = ArticleStore(settings, embedder)
    lexical = LexicalRanker(
        store,
        settings.lexical_index_path,
        # Embedded, no other process can write to the store: nothing to catch up on.
        catch_up_every_s=settings.lexical_catch_up_s if settings.chroma_url else 0.0,
    )
    retriever = HybridRetriever(store, embedder, lexical)
    spec = settings.chat_model if with_model else EXTRACTIVE
    if chat_model is not None:
        model_name = getattr(chat_model, "newsbot_name", type(chat_model).__name__)
    else:
        key = settings.openai_compatible_api_key
        chat_model, model_name = build_chat_model(
            spec,
            timeout_s=settings.model_timeout_s,
            api_key=key.get_secret_value() if key else None,
            parallel=parallel,
        )
    return NewsService(
        store=store,
        retriever=retriever,
        answers=AnswerEngine(retriever, embedder, lexical, chat_model, model_name),
        summarizer=Summarizer(embedder, chat_model, model_name),
        digests=DigestBuilder(store),
        fetcher=SafeFetcher(settings),
        embeddings_name=getattr(embedder, "name", settings.embeddings),
    )
