"""Checks answers of the fake forge against GitHub's REST description (@octokit/openapi).

usage: openapi_check.py <api.github.com.json> <answers.json>

answers.json is a list of {"method", "path" (the description's template), "status", "body"}.
Each body is validated against the response schema of that operation and status. The
description is OpenAPI 3.0, where `nullable: true` is a keyword of its own; it is rewritten as
JSON Schema's `"type": [..., "null"]` so a standard validator reads it.
Prints every failure and exits 1 if there was one.
"""
import json
import sys

from jsonschema import Draft202012Validator


def nullable(node):
    if isinstance(node, dict):
        node = {k: nullable(v) for k, v in node.items()}
        if node.get("nullable") is True:
            node.pop("nullable")
            kind = node.get("type")
            if isinstance(kind, str):
                node["type"] = [kind, "null"]
            elif kind is None:
                node = {"anyOf": [node, {"type": "null"}]}
        return node
    if isinstance(node, list):
        return [nullable(v) for v in node]
    return node


def main():
    description = json.load(open(sys.argv[1]))
    answers = json.load(open(sys.argv[2]))
    components = nullable(description["components"])
    failures = 0
    for answer in answers:
        operation = description["paths"][answer["path"]][answer["method"]]
        content = operation["responses"][answer["status"]]["content"]["application/json"]
        schema = dict(nullable(content["schema"]))
        schema["components"] = components
        errors = list(Draft202012Validator(schema).iter_errors(answer["body"]))
        for e in errors[:5]:
            failures += 1
            print(f'{answer["method"].upper()} {answer["path"]}: at {list(e.absolute_path)}: {e.message[:200]}')
        if not errors:
            print(f'ok {answer["method"].upper()} {answer["path"]}')
    sys.exit(1 if failures else 0)


main()
