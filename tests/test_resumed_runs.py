"""A resumed run ends with the same store as an uninterrupted one, record for record.

The corpus is one whose linking depends on what came before (near-duplicate quotes,
people named by surname alone), so an indexer that let records written after its last
checkpoint leak into the resumed run links some quotes to other statements or speakers.
Killed (SIGKILL, twice, at different points) or stopped (SIGTERM), then run again: the
articles, attributions, speakers, outlets and statements equal those of one clean run.
"""

from __future__ import annotations

import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from indexing import (
    CHECKPOINT,
    cli_environment,
    everything,
    fresh_es_stores,
    start_index,
    write_linked_news,
)

from store.base import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_linked_news(tmp_path_factory.mktemp("resumed") / "corpus", articles=40)


@pytest.fixture(params=["sqlite", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Any]]:
    """Makes (environment, opener) pairs naming a fresh, empty store of the engine."""
    if request.param == "elasticsearch":
        with fresh_es_stores(request.getfixturevalue("es_url"), "resume") as new:
            yield new
        return

    def new_sqlite() -> tuple[dict[str, str], Callable[[], Store]]:
        from store.sqlite import SqliteStore

        db = str(tmp_path / f"{uuid.uuid4().hex[:8]}.db")
        return cli_environment(QUOTETRAIL_DB=db), lambda: SqliteStore(db)

    yield new_sqlite


def index(corpus: Path, env: dict[str, str], state: Path) -> subprocess.Popen:
    return start_index([corpus], env, state)


def stop_after(process: subprocess.Popen, state: Path, commits: int, signum: int) -> None:
    """Send ``signum`` once the run has committed ``commits`` times (it is then mid-run)."""
    path = state / CHECKPOINT
    deadline = time.monotonic() + 120
    while not (path.exists() and len(path.read_text().splitlines()) > commits):
        assert process.poll() is None, "the run ended before it could be stopped"
        assert time.monotonic() < deadline, "no progress within 120 s"
        time.sleep(0.02)
    process.send_signal(signum)
    process.communicate(timeout=120)


@pytest.fixture
def reference(corpus: Path, target: Callable[[], Any], tmp_path: Path) -> dict[str, Any]:
    env, open_store = target()
    process = index(corpus, env, tmp_path / "reference")
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return everything(open_store)


@pytest.mark.parametrize(
    "stops",
    [
        pytest.param([(2, signal.SIGKILL), (5, signal.SIGKILL)], id="sigkill-twice"),
        pytest.param([(3, signal.SIGTERM)], id="sigterm"),
    ],
)
def test_a_run_stopped_and_resumed_ends_with_the_store_of_an_uninterrupted_run(
    corpus: Path,
    target: Callable[[], Any],
    reference: dict[str, Any],
    stops: list[tuple[int, int]],
    tmp_path: Path,
) -> None:
    env, open_store = target()
    state = tmp_path / "state"
    for commits, signum in stops:
        stop_after(index(corpus, env, state), state, commits, signum)
    process = index(corpus, env, state)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert "done before (resumed)" in err
    assert not (state / CHECKPOINT).exists()
    resumed = everything(open_store)
    assert len(resumed["attributions"]) == len(reference["attributions"]) > 100
    differing = [
        i for i, a in reference["attributions"].items() if resumed["attributions"].get(i) != a
    ]
    assert differing == []
    assert resumed == reference
