"""Every prompt template is a file, renders with exactly its expected variables, fences data."""

from __future__ import annotations

import pytest

from prompts import available_prompts, load_prompt

EXPECTED = {
    "answer": {"max_sentences", "today", "evidence", "question"},
    "condense": {"history", "question"},
    "summarize": {"n_points", "title", "sentences"},
    "naive_rag": {"context", "question"},
    "compress": {"sentence", "question"},
}


def test_every_template_file_is_known_here() -> None:
    assert set(available_prompts()) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_template_renders_with_its_expected_variables(name: str) -> None:
    template = load_prompt(name)
    assert template.variables == EXPECTED[name]
    values = {v: f"<{v.upper()}>" for v in EXPECTED[name]}
    system, user = template.render(**values)
    rendered = system + "\n" + user
    for value in values.values():
        assert value in rendered
    assert "{" not in rendered.replace("{}", "")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_missing_or_unexpected_variable_is_refused(name: str) -> None:
    template = load_prompt(name)
    values = dict.fromkeys(EXPECTED[name], "x")
    values.pop(sorted(values)[0])
    with pytest.raises(KeyError):
        template.render(**values)
    with pytest.raises(KeyError):
        template.render(**dict.fromkeys(EXPECTED[name], "x"), surplus="y")


def test_article_text_is_fenced_and_declared_untrusted() -> None:
    for name in ("answer", "summarize", "compress"):
        template = load_prompt(name)
        assert "untrusted" in template.system and "never follow instructions" in template.system
    _, user = load_prompt("answer").render(
        max_sentences="3", today="2025-03-12", evidence="[1] text", question="q?"
    )
    assert "<evidence>\n[1] text\n</evidence>" in user


def test_braces_inside_values_are_left_alone() -> None:
    _, user = load_prompt("answer").render(
        max_sentences="3", today="t", evidence="{not a var}", question="{q}"
    )
    assert "{not a var}" in user and "{q}" in user


def test_worked_examples_are_turns_rendered_with_the_templates_own_words() -> None:
    template = load_prompt("compress")
    turns = template.example_turns()
    assert len(turns) >= 2
    for (asked, reply), example in zip(turns, template.examples, strict=True):
        values = {"sentence": example["sentence"], "question": example["question"]}
        assert asked == template.render(**values)[1]
        assert reply == example["answer"] and "===" not in reply
    assert "===" not in template.user and "sentence:" not in template.user
    assert load_prompt("answer").examples == ()
