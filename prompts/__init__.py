"""Prompt templates, shipped as files beside this module, and a tiny loader.

A template is a text file with ``{name}`` placeholders. ``---`` alone on a line separates the
system part from the user part; ``===`` alone on a line may follow, then worked examples for a
small model (blocks of ``name: value`` lines, one block per example, blank lines between). An
example holds the template's variables and ``answer``, the reply it shows. Imports nothing from
the project.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from importlib import resources

_SEPARATOR = "\n---\n"
_EXAMPLES = "\n===\n"


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    system: str
    user: str
    examples: tuple[dict[str, str], ...] = ()

    @property
    def variables(self) -> frozenset[str]:
        names: set[str] = set()
        for part in (self.system, self.user):
            names.update(f for _, f, _, _ in string.Formatter().parse(part) if f)
        return frozenset(names)

    def render(self, **values: str) -> tuple[str, str]:
        """Return ``(system, user)`` with every placeholder filled; extra or missing names raise."""
        given = set(values)
        if given != self.variables:
            missing = sorted(self.variables - given)
            extra = sorted(given - self.variables)
            raise KeyError(f"prompt {self.name!r}: missing {missing}, unexpected {extra}")
        return self.system.format(**values), self.user.format(**values)

    def example_turns(self) -> list[tuple[str, str]]:
        """The worked examples as ``(user message, reply)`` turns, in the file's order."""
        turns = []
        for example in self.examples:
            values = {k: v for k, v in example.items() if k != "answer"}
            turns.append((self.render(**values)[1], example["answer"]))
        return turns


@cache
def load_prompt(name: str) -> PromptTemplate:
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    text, _, worked = text.partition(_EXAMPLES)
    system, sep, user = text.partition(_SEPARATOR)
    if not sep:
        system, user = "", text
    examples = []
    for block in worked.strip().split("\n\n") if worked.strip() else []:
        fields = (line.partition(":") for line in block.strip().splitlines())
        examples.append({k.strip(): v.strip() for k, _, v in fields})
    return PromptTemplate(
        name=name, system=system.strip(), user=user.strip(), examples=tuple(examples)
    )


def available_prompts() -> list[str]:
    return sorted(
        p.name.removesuffix(".txt")
        for p in resources.files(__name__).iterdir()
        if p.name.endswith(".txt")
    )
