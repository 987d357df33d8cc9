"""Schemathesis throws generated requests at every documented endpoint of the served spec,
with every check it has (``--checks all``: no server error, documented statuses, content
types, headers and bodies; schema-valid requests accepted and schema-violating ones
refused; 401 without the required credentials; 405 with ``Allow`` for undeclared methods;
stateful sequences following the spec's links), through its coverage, fuzzing and stateful
phases, as ``schemathesis run`` does it. Bounded to a few examples per operation."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from webapp_data import load_newsroom
from werkzeug.serving import make_server

from store.sqlite import SqliteStore
from webapp import create_app

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CONFIG = Path(__file__).with_name("schemathesis.toml")  # what the spec cannot say


@pytest.fixture(scope="module")
def spec_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The newsroom served on 127.0.0.1; writes disabled (no token), as by default."""
    folder = tmp_path_factory.mktemp("fuzz")
    st = SqliteStore(str(folder / "fuzz.db"))
    load_newsroom(st)
    app = create_app(st, {"TESTING": True, "API_TOKEN": None, "STATE_DIR": str(folder)})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/api/v1/openapi.json"
    finally:
        server.shutdown()
        thread.join(5)
        st.close()


def test_the_api_matches_its_spec_under_every_check(spec_url: str, tmp_path: Path) -> None:
    run = subprocess.run(
        [str(SCHEMATHESIS), "--config-file", str(CONFIG), "run", "--checks", "all",
         "--max-examples", "12", "--seed", "1", "--no-color", spec_url],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,  # its cache of found crashes stays out of the working tree
        env={**os.environ, "SCHEMATHESIS_TELEMETRY": "false"},
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
