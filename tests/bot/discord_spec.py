"""Discord's published OpenAPI description, used by the local Discord to check request bodies.

``../shared/discord/openapi.json`` is Discord's own OpenAPI 3.1 description of its REST API
(discord/discord-api-spec). Each request body the bot sends is validated against the schema of
its route with the ``jsonschema`` library (JSON Schema 2020-12, as OpenAPI 3.1 uses); a body
Discord would refuse gets Discord's answer: HTTP 400, code 50035 "Invalid Form Body", with the
errors nested by field.

One liberty, as Discord takes it: an integer is accepted where ``SnowflakeType`` says string
(discord.py sends ids as integers).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

SPEC_PATH = Path(__file__).resolve().parents[3] / "shared" / "discord" / "openapi.json"
INVALID_FORM_BODY = 50035


@dataclass(frozen=True)
class SpecRoute:
    method: str
    template: str
    pattern: re.Pattern[str]
    literal_parts: int
    validator: Draft202012Validator | None


@cache
def spec_document(path: Path = SPEC_PATH) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


@cache
def spec_routes(path: Path = SPEC_PATH) -> tuple[SpecRoute, ...]:
    document = spec_document(path)
    components = copy.deepcopy(document["components"])
    snowflake = components["schemas"]["SnowflakeType"]
    components["schemas"]["SnowflakeType"] = {
        "anyOf": [snowflake, {"type": "integer", "minimum": 0}]
    }
    routes = []
    for template, item in document["paths"].items():
        regex = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        literal = sum(1 for part in template.split("/") if part and not part.startswith("{"))
        for method, operation in item.items():
            if method == "parameters" or not isinstance(operation, dict):
                continue
            content = (operation.get("requestBody") or {}).get("content") or {}
            schema = (content.get("application/json") or {}).get("schema")
            validator = None
            if schema is not None:
                validator = Draft202012Validator({**schema, "components": components})
            routes.append(
                SpecRoute(method.upper(), template, re.compile(regex), literal, validator)
            )
    return tuple(routes)


def find_route(method: str, path: str) -> SpecRoute | None:
    """The spec's route for ``path`` (without /api/v10); the most literal one wins."""
    matches = [r for r in spec_routes() if r.method == method and r.pattern.fullmatch(path)]
    return max(matches, key=lambda r: r.literal_parts, default=None)


def _nest(errors: dict[str, Any], where: list[str | int], code: str, message: str) -> None:
    node = errors
    for key in where:
        node = node.setdefault(str(key), {})
    node.setdefault("_errors", []).append({"code": code, "message": message})


def body_errors(method: str, path: str, body: Any) -> dict[str, Any] | None:
    """Discord's 400 payload when ``body`` breaks the spec for this route; None when valid.

    A route the spec does not know is itself an error (Discord answers 404 there; the fake
    reports it the same way so no request goes unchecked).
    """
    route = find_route(method, path)
    if route is None:
        return {"message": f"404: route {method} {path} is not in Discord's API", "code": 0}
    if route.validator is None:
        return None
    found = sorted(route.validator.iter_errors(body), key=lambda e: list(e.absolute_path))
    if not found:
        return None
    errors: dict[str, Any] = {}
    for error in found:
        # anyOf/oneOf: name the branch that came closest, as Discord names the field.
        leaf = best_match([error])
        _nest(errors, list(leaf.absolute_path), "BASE_TYPE_INVALID", leaf.message[:300])
    return {"code": INVALID_FORM_BODY, "errors": errors, "message": "Invalid Form Body"}
