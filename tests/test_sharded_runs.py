"""Several indexers on one Elasticsearch store end with the store of one run.

A user with millions of articles starts ``quotetrail index CORPUS --shard K/N`` on N
machines at once. The corpus is one whose linking depends on what came before
(near-duplicate quotes, people named by surname alone): indexers that each linked their own
share would create the statements and speakers the others were creating. Whatever the
timing, the store ends equal, record for record (articles, attributions with their ids,
speakers, outlets, statements), to that of one ``quotetrail index CORPUS``; a shard killed
while linking and started again ends the same way.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from indexing import CHECKPOINT, REPO, everything, fresh_es_stores, start_index, write_linked_news

from indexer.sharding import Shard
from store.base import Store


@pytest.fixture(scope="module", params=["linked-news", "every-format"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Near-duplicate quotes and surname-only speakers in 40 text files; or the repository's
    fixtures: text, HTML, JSON, JSON Lines, feeds, WARC and gzip, syndicated copies."""
    if request.param == "every-format":
        return REPO / "fixtures"
    return write_linked_news(tmp_path_factory.mktemp("sharded") / "corpus", articles=40)


@pytest.fixture
def new_target(es_url: str) -> Iterator[Callable[[], tuple[dict[str, str], Callable[[], Store]]]]:
    """Makes (environment, opener) pairs naming a fresh, empty Elasticsearch store."""
    with fresh_es_stores(es_url, "shard") as new:
        yield new


def index(corpus: Path, env: dict[str, str], state: Path, *shard: str) -> subprocess.Popen:
    return start_index([corpus], env, state, *shard)


def finished(process: subprocess.Popen) -> str:
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    return err


@pytest.fixture(scope="module")
def reference(corpus: Path, es_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The store one uninterrupted run of the whole corpus leaves."""
    with fresh_es_stores(es_url, "shard-one") as new:
        env, open_store = new()
        finished(index(corpus, env, tmp_path_factory.mktemp("one-run")))
        return everything(open_store)


def differences(sharded: dict[str, Any], reference: dict[str, Any]) -> dict[str, list[str]]:
    """Per kind of record, the ids whose record differs (or exists on one side only)."""
    found = {}
    for kind in ("articles", "attributions", "speakers", "outlets", "statements"):
        ids = set(sharded[kind]) | set(reference[kind])
        found[kind] = sorted(i for i in ids if sharded[kind].get(i) != reference[kind].get(i))
    return found


@pytest.mark.elasticsearch
def test_three_concurrent_shards_end_with_the_store_of_one_run(
    corpus: Path, reference: dict[str, Any], new_target: Callable[[], Any], tmp_path: Path
) -> None:
    env, open_store = new_target()
    shards = [
        index(corpus, env, tmp_path / f"machine-{k}", "--shard", f"{k}/3") for k in (1, 2, 3)
    ]
    said = [finished(process) for process in shards]
    assert sum("linking every shard's articles" in err for err in said) == 1
    sharded = everything(open_store)
    assert len(reference["attributions"]) > 40
    assert len(sharded["statements"]) == len(reference["statements"])
    assert differences(sharded, reference) == dict.fromkeys(differences(reference, reference), [])
    assert sharded == reference
    store = open_store()
    assert list(store.es.indices.get(index=f"{store.prefix}-run-*")) == [], said  # removed
    store.close()


@pytest.mark.elasticsearch
def test_a_shard_killed_while_linking_and_started_again_ends_with_one_runs_store(
    corpus: Path, reference: dict[str, Any], new_target: Callable[[], Any], tmp_path: Path
) -> None:
    env, open_store = new_target()
    finished(index(corpus, env, tmp_path / "machine-1", "--shard", "1/2"))
    linking = index(corpus, env, tmp_path / "machine-2", "--shard", "2/2")
    checkpoint = tmp_path / "machine-2" / CHECKPOINT
    deadline = time.monotonic() + 300
    while not (checkpoint.exists() and len(checkpoint.read_text().splitlines()) > 2):
        assert linking.poll() is None, "the linking ended before it could be killed"
        assert time.monotonic() < deadline, "no linking progress within 300 s"
        time.sleep(0.02)
    linking.send_signal(signal.SIGKILL)
    linking.communicate(timeout=60)
    err = finished(index(corpus, env, tmp_path / "machine-2", "--shard", "2/2"))
    assert "done before (resumed)" in err
    assert everything(open_store) == reference


def test_a_shard_of_a_sqlite_store_is_refused_naming_the_engine(
    corpus: Path, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ES_URL"}
    env["QUOTETRAIL_DB"] = str(tmp_path / "quotetrail.db")
    process = index(corpus, env, tmp_path / "state", "--shard", "1/2")
    _, err = process.communicate(timeout=120)
    assert process.returncode == 2
    assert err.strip() == (
        "quotetrail: error: --shard needs an Elasticsearch store (set ES_URL): several "
        "indexers on one SQLite database are not supported, it is busy while one writes"
    )


@pytest.mark.parametrize("value", ["0/2", "3/2", "2", "a/b", "1/0"])
def test_a_shard_outside_one_to_n_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="expected K/N with 1 <= K <= N"):
        Shard.parse(value)


def test_every_input_belongs_to_exactly_one_shard_the_same_on_every_machine() -> None:
    names = [f"dump-{i:04d}.jsonl.gz" for i in range(400)]
    owners = {name: [k for k in range(1, 5) if Shard(k, 4).owns(name)] for name in names}
    assert all(len(found) == 1 for found in owners.values())
    counts = [sum(found == [k] for found in owners.values()) for k in range(1, 5)]
    assert min(counts) > 60  # a fair split
    assert [Shard(k, 4).owns("dump-0000.jsonl.gz") for k in range(1, 5)].count(True) == 1
