"""Checking a chat model spec before anything heavy is imported or loaded.

:func:`retrieval.llm.build_chat_model` builds the model; this module only tells, in one line and
in milliseconds, whether a spec can work at all: its form, the file it names, the integration
package and the API key a hosted provider needs. Imports nothing but the standard library.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from retrieval.errors import ConfigurationError

EXTRACTIVE = "extractive"
LOCAL = "local"

# Hosted providers whose LangChain integration reads its key from one environment variable.
API_KEY_VARIABLES = {
    "openai": "OPENAI_API_KEY",
    "anthropic": "ANTHROPIC_API_KEY",
    "groq": "GROQ_API_KEY",
    "mistralai": "MISTRAL_API_KEY",
    "fireworks": "FIREWORKS_API_KEY",
    "together": "TOGETHER_API_KEY",
    "deepseek": "DEEPSEEK_API_KEY",
    "xai": "XAI_API_KEY",
    "cohere": "COHERE_API_KEY",
    "perplexity": "PPLX_API_KEY",
}
# The module each provider's integration package installs, and the package to install.
_INTEGRATIONS = {
    "openai": ("langchain_openai", "langchain-openai"),
    "azure_openai": ("langchain_openai", "langchain-openai"),
    "anthropic": ("langchain_anthropic", "langchain-anthropic"),
    "ollama": ("langchain_ollama", "langchain-ollama"),
    "groq": ("langchain_groq", "langchain-groq"),
    "mistralai": ("langchain_mistralai", "langchain-mistralai"),
    "fireworks": ("langchain_fireworks", "langchain-fireworks"),
    "together": ("langchain_together", "langchain-together"),
    "deepseek": ("langchain_deepseek", "langchain-deepseek"),
    "xai": ("langchain_xai", "langchain-xai"),
    "cohere": ("langchain_cohere", "langchain-cohere"),
    "perplexity": ("langchain_perplexity", "langchain-perplexity"),
    "google_genai": ("langchain_google_genai", "langchain-google-genai"),
    "google_vertexai": ("langchain_google_vertexai", "langchain-google-vertexai"),
    "bedrock": ("langchain_aws", "langchain-aws"),
    "bedrock_converse": ("langchain_aws", "langchain-aws"),
    "huggingface": ("langchain_huggingface", "langchain-huggingface"),
}
SPEC_FORMS = (
    "provider:model (e.g. openai:gpt-4o-mini), openai-compatible:MODEL@URL, a .gguf path, "
    "local or extractive"
)


def check_chat_model_spec(spec: str) -> None:
    """Raise ``ConfigurationError`` (one line) when ``spec`` cannot name a usable chat model."""
    text = spec.strip()
    lowered = text.lower()
    if lowered in {EXTRACTIVE, LOCAL}:
        return
    if lowered.endswith(".gguf"):
        path = Path(text).expanduser()
        if not path.is_file():
            raise ConfigurationError(f"no GGUF model file at {path}")
        return
    provider, sep, rest = text.partition(":")
    if not sep or not rest.strip() or not provider.strip():
        raise ConfigurationError(f"unknown chat model {spec!r}: use {SPEC_FORMS}")
    if provider == "openai-compatible":
        model_name, at, base_url = rest.rpartition("@")
        if not at or not model_name or not base_url.startswith(("http://", "https://")):
            raise ConfigurationError(
                f"openai-compatible models are written openai-compatible:MODEL@URL, not {spec!r}"
            )
        return
    module, package = _INTEGRATIONS.get(
        provider, (f"langchain_{provider}", f"langchain-{provider}")
    )
    if importlib.util.find_spec(module) is None:
        raise ConfigurationError(
            f"the {provider} chat models need their integration: pip install {package}"
        )


def missing_api_key(spec: str, env_file_keys: dict[str, str] | None = None) -> str | None:
    """The environment variable a hosted ``spec`` needs and that is not set, else ``None``.

    ``env_file_keys`` are keys read from ``.env``; the caller exports them before the model is
    built, so they count as set.
    """
    provider = spec.strip().partition(":")[0]
    variable = API_KEY_VARIABLES.get(provider)
    if variable is None:
        return None
    if os.environ.get(variable, "").strip() or (env_file_keys or {}).get(variable, "").strip():
        return None
    return variable
