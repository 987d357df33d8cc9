"""Schemathesis throws generated requests at every documented endpoint of the served spec:
whatever arrives, the API answers without a server error, with a documented status and
content type, and (for JSON) a body matching the documented schema. Bounded to a few
examples per operation to keep the run short."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from webapp_data import load_newsroom

from store.sqlite import SqliteStore
from webapp import create_app

_TMP = tempfile.TemporaryDirectory(prefix="qt-fuzz-")


def _app() -> Any:
    """An in-memory store with the newsroom; writes are disabled (no token), as by default."""
    st = SqliteStore(str(Path(_TMP.name) / "fuzz.db"))
    load_newsroom(st)
    return create_app(st, {"TESTING": True, "API_TOKEN": None})


APP = _app()
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors_and_responses_match_the_spec(case: Any) -> None:
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
