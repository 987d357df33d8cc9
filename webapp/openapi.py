"""The OpenAPI document of ``/api/v1``, built by apispec from the marshmallow schemas and
the YAML in each view's docstring, and a plain HTML rendering of it at ``/api/docs``."""

from __future__ import annotations

import re
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.yaml_utils import load_operations_from_docstring
from flask import Blueprint, Flask, Response, current_app, jsonify, render_template

from schemas.fields import Span
from webapp import api_schemas, facet_filter, params, verdicts

docs = Blueprint("docs", __name__)

_RULE_ARG = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")
TAG_ORDER = ["search", "records", "writes"]
_COMPONENTS = (
    api_schemas.ErrorSchema,
    api_schemas.SearchResponseSchema,
    api_schemas.AttributionResponseSchema,
    api_schemas.ArticleResponseSchema,
    api_schemas.SpeakerResponseSchema,
    api_schemas.SpeakerStatementsSchema,
    api_schemas.OutletResponseSchema,
    api_schemas.SpeakerDirectorySchema,
    api_schemas.OutletDirectorySchema,
    facet_filter.FacetFilterSchema,
    api_schemas.StatementResponseSchema,
    api_schemas.CheckResponseSchema,
    api_schemas.ArticleInputSchema,
    api_schemas.OutcomeSchema,
    api_schemas.AcceptedSchema,
    api_schemas.DeleteResponseSchema,
    api_schemas.MergeResponseSchema,
    api_schemas.MergedSpeakerSchema,
    api_schemas.MovedAttributionSchema,
    params.MergeBody,
    params.CheckParams,
    api_schemas.UrlInputSchema,
    api_schemas.QueuedUrlSchema,
    verdicts.VerdictInput,
    verdicts.VerdictResponseSchema,
)


def _schema_name(schema: Any) -> str:
    cls = schema if isinstance(schema, type) else type(schema)
    name = cls.__name__.removesuffix("Schema") or cls.__name__
    if not isinstance(schema, type) and (schema.only or schema.exclude):
        name += "Partial"
    return name


def _with_error_responses(operations: dict[str, Any]) -> dict[str, Any]:
    """Expand an operation's ``errors: [404, ...]`` into responses carrying ErrorSchema, so
    the views' docstrings list the codes they answer instead of repeating the same block."""
    for operation in operations.values():
        for code in operation.pop("errors", []):
            operation.setdefault("responses", {})[code] = {
                "content": {"application/json": {"schema": "ErrorSchema"}}
            }
    return operations


def build_spec(app: Flask) -> dict[str, Any]:
    """Walk the app's ``/api/v1`` rules and collect each view's documented operations."""
    plugin = MarshmallowPlugin(schema_name_resolver=_schema_name)
    spec = APISpec(
        title="quotetrail API",
        version="1.0.0",
        openapi_version="3.0.3",
        plugins=[plugin],
        info={
            "description": (
                "Search quotes and claims by speaker and outlet, and trace their provenance: "
                "who said it, who relayed it, who published it, where it was first seen. "
                "Records are serialized by the project's schemas; writes need "
                "Authorization: Bearer <QUOTETRAIL_API_TOKEN>."
            )
        },
        servers=[{"url": "/"}],
    )
    plugin.map_to_openapi_type(Span, "array", None)
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    for schema in _COMPONENTS:
        spec.components.schema(_schema_name(schema), schema=schema)
    documented: dict[str, dict[str, Any]] = {}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/") or rule.endpoint.startswith("docs."):
            continue
        view = app.view_functions[rule.endpoint]
        operations = _with_error_responses(load_operations_from_docstring(view.__doc__ or ""))
        if operations:
            documented.setdefault(_RULE_ARG.sub(r"{\1}", rule.rule), {}).update(operations)

    def reading_order(item: tuple[str, dict[str, Any]]) -> tuple[int, str]:
        tags = [t for op in item[1].values() for t in op.get("tags", [])]
        return (min((TAG_ORDER.index(t) for t in tags if t in TAG_ORDER), default=9), item[0])

    for path, operations in sorted(documented.items(), key=reading_order):
        spec.path(path=path, operations=operations)
    return spec.to_dict()


def current_spec() -> dict[str, Any]:
    """Built once per app, on first request (all blueprints are registered by then)."""
    cached = current_app.extensions.get("quotetrail.openapi")
    if cached is None:
        cached = current_app.extensions["quotetrail.openapi"] = build_spec(current_app)
    return cached


@docs.get("/api/v1/openapi.json")
def openapi_json() -> Response:
    return jsonify(current_spec())


@docs.get("/api/docs")
def page() -> str:
    spec = current_spec()
    operations = [
        (path, method.upper(), op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
    ]
    return render_template(
        "api_docs.html",
        spec=spec,
        operations=operations,
        schemas=spec["components"]["schemas"],
    )
