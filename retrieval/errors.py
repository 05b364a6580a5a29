"""Domain errors. Each carries a one-line message a person understands."""

from __future__ import annotations


class NewsbotError(Exception):
    """Base of every error newsbot shows to a person as a one-line message."""


class SourceError(NewsbotError):
    """A source (file, URL, feed, line) could not be read or made into an article."""


class FetchRefused(SourceError):
    """A URL was refused before or during fetching (private address, scheme, size, ...)."""


class ArticleNotFound(NewsbotError):
    """No stored article matches the given id, URL or path."""


class NotPermitted(NewsbotError):
    """The caller may not have newsbot do this (e.g. fetch a new URL, or read a local path)."""


class StoreUnavailable(NewsbotError):
    """The Chroma store cannot be reached or written."""


class ModelUnavailable(NewsbotError):
    """The chat model could not be built or called."""


class ModelTimeout(ModelUnavailable):
    """The chat model did not finish within its deadline (its generation was abandoned)."""


class ConfigurationError(NewsbotError):
    """A setting is missing or wrong."""
