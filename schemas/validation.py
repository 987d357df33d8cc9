"""Loading untrusted records through the schemas with errors a person can act on."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError

from quotetrail.errors import RecordError as RecordError


def _child(value: Any, key: Any) -> Any:
    if isinstance(value, dict):
        return value.get(key)
    if isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
        return value[key]
    return None


def describe(error: ValidationError, data: Any) -> str:
    """Flatten marshmallow's nested messages into ``field (value): problem`` clauses."""
    parts: list[str] = []

    def walk(messages: Any, path: list[str], value: Any) -> None:
        if isinstance(messages, dict):
            for key, sub in messages.items():
                walk(sub, [*path, str(key)], _child(value, key))
        else:
            texts = messages if isinstance(messages, list) else [messages]
            shown = repr(value)
            if len(shown) > 60:
                shown = shown[:57] + "..."
            name = ".".join(path) or "record"
            parts.append(f"{name} ({shown}): {' '.join(str(t) for t in texts)}")

    walk(error.messages, [], data)
    return "; ".join(parts)


def load(schema: Schema, data: Any) -> dict[str, Any]:
    """Validate and deserialize one record, raising :class:`RecordError` on bad input."""
    if not isinstance(data, dict):
        raise RecordError(f"record: expected an object, got {type(data).__name__}")
    try:
        return schema.load(data)
    except ValidationError as error:
        raise RecordError(describe(error, data)) from None
