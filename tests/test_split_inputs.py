"""Plain indexers on one Elasticsearch store: one after the other, never mixed.

A user with a corpus spread over machines starts ``quotetrail index`` on each, every one
with its own part and no ``--shard``. Linking depends on what was linked before
(near-duplicate quotes, people named by surname alone), so indexers linking at once would
create the statements and speakers the others were creating (44 statements instead of 36
on disjoint halves). The indexers take the store's writer lease in turn (an Elasticsearch
document, ``store/writer_lease.py``): a second one says the store is busy and waits, then
links after the first, starting from the linker memory the first left. The store ends as
one run over all the parts would leave it, record for record; runs given the same inputs
at once end as one run too.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from indexing import CHECKPOINT, everything, fresh_es_stores, start_index, write_linked_news

from store.base import Store

# four runs of a 40-article corpus one after the other: minutes on a loaded machine
pytestmark = [pytest.mark.elasticsearch, pytest.mark.timeout(1800)]
BUSY = "quotetrail: the store is busy: another quotetrail index (pid"


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A 40-article corpus whose linking depends on order, split into two folders."""
    root = tmp_path_factory.mktemp("split")
    stories = sorted(write_linked_news(root / "corpus", articles=40).iterdir())
    folders = [root / "machine-1", root / "machine-2"]
    for number, story in enumerate(stories):
        folder = folders[number * len(folders) // len(stories)]
        folder.mkdir(exist_ok=True)
        shutil.copy(story, folder / story.name)
    return folders


@pytest.fixture(autouse=True)
def no_run_left_behind() -> Iterator[None]:
    """A failed story leaves no indexer running or stopped (SIGSTOP) behind."""
    yield
    while _running:
        process = _running.pop()
        if process.poll() is None:
            process.kill()
            process.wait()


_running: list[subprocess.Popen] = []


def start(paths: list[Path], env: dict[str, str], state: Path, **kw: Any) -> subprocess.Popen:
    process = start_index(paths, env, state, **kw)
    _running.append(process)
    return process


@pytest.fixture(scope="module")
def one_run(parts: list[Path], es_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The store one run over both parts leaves."""
    with fresh_es_stores(es_url, "split-one") as new:
        env, open_one = new()
        finished(start(parts, env, tmp_path_factory.mktemp("one-run")))
        return everything(open_one)


@pytest.fixture
def new_target(es_url: str) -> Iterator[Callable[[], tuple[dict[str, str], Callable[[], Store]]]]:
    with fresh_es_stores(es_url, "split") as new:
        yield new


def finished(process: subprocess.Popen) -> str:
    _, err = process.communicate(timeout=900)
    assert process.returncode == 0, err
    return err


def writing(process: subprocess.Popen, state: Path) -> None:
    """Wait until ``process`` has committed a batch: it is linking and writing."""
    deadline = time.monotonic() + 300
    while not (state / CHECKPOINT).exists():
        assert process.poll() is None, "the run ended before the others started"
        assert time.monotonic() < deadline, "no progress within 300 s"
        time.sleep(0.02)


def says(log: Path, text: str, process: subprocess.Popen) -> None:
    """Wait until ``process`` has written ``text`` to its stderr file ``log``."""
    deadline = time.monotonic() + 300
    while text not in log.read_text():
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)


def ended(process: subprocess.Popen, log: Path) -> str:
    process.wait(timeout=900)
    assert process.returncode == 0, log.read_text()
    return log.read_text()


def test_indexers_given_different_parts_end_with_the_store_of_one_run_over_all(
    parts: list[Path], one_run: dict, new_target: Callable[[], Any], tmp_path: Path
) -> None:
    env, open_split = new_target()
    first = start([parts[0]], env, tmp_path / "machine-1")
    writing(first, tmp_path / "machine-1")
    first.send_signal(signal.SIGSTOP)  # held mid-run, as a slow run would be
    log = tmp_path / "machine-2.err"
    with log.open("w") as err:
        second = start([parts[1]], env, tmp_path / "machine-2", stderr=err)
    says(log, BUSY, second)
    first.send_signal(signal.SIGCONT)
    finished(first)
    ended(second, log)
    split = everything(open_split)
    assert len(one_run["attributions"]) == 120
    assert len(split["statements"]) == len(one_run["statements"])
    assert split == one_run


def test_a_killed_indexer_keeps_the_store_until_it_is_run_again(
    parts: list[Path], one_run: dict, new_target: Callable[[], Any], tmp_path: Path
) -> None:
    env, open_split = new_target()
    first = start([parts[0]], env, tmp_path / "machine-1")
    writing(first, tmp_path / "machine-1")
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=60)
    log = tmp_path / "machine-2.err"
    with log.open("w") as err:
        second = start([parts[1]], env, tmp_path / "machine-2", stderr=err)
    says(log, "stopped before finishing; waiting for that command to be run again", second)
    err = finished(start([parts[0]], env, tmp_path / "machine-1"))  # the rerun
    assert "taking the store back" in err
    ended(second, log)
    assert everything(open_split) == one_run


def test_three_runs_of_the_same_inputs_at_once_end_as_one_run(
    parts: list[Path], one_run: dict, new_target: Callable[[], Any], tmp_path: Path
) -> None:
    env, open_three = new_target()
    first = start(parts, env, tmp_path / "machine-1")
    writing(first, tmp_path / "machine-1")
    first.send_signal(signal.SIGSTOP)
    others = []
    for k in (2, 3):
        log = tmp_path / f"machine-{k}.err"
        with log.open("w") as err:
            others.append((start(parts, env, tmp_path / f"machine-{k}", stderr=err), log))
    for process, log in others:
        says(log, BUSY, process)
    first.send_signal(signal.SIGCONT)
    finished(first)
    for process, log in others:
        ended(process, log)
    assert everything(open_three) == one_run



def test_indexers_given_overlapping_parts_end_with_the_store_of_one_run_over_all(
    parts: list[Path], new_target: Callable[[], Any], tmp_path: Path
) -> None:
    """A user who split the corpus by hand gave both machines the middle third: those
    articles are read twice, and the second reading finds people the first did not know
    yet (a surname alone, named in full only later). Each article keeps what it was linked
    to when first read, so the store is one run's, record for record."""
    stories = sorted([*parts[0].iterdir(), *parts[1].iterdir()])
    thirds = [tmp_path / "corpus" / f"part-{k}" for k in (1, 2, 3)]
    for number, story in enumerate(stories):
        folder = thirds[number * len(thirds) // len(stories)]
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(story, folder / story.name)
    env, open_one = new_target()
    finished(start(thirds, env, tmp_path / "one-run"))
    env, open_overlap = new_target()
    first = start(thirds[:2], env, tmp_path / "machine-1")
    writing(first, tmp_path / "machine-1")
    first.send_signal(signal.SIGSTOP)
    log = tmp_path / "machine-2.err"
    with log.open("w") as err:
        second = start(thirds[1:], env, tmp_path / "machine-2", stderr=err)
    says(log, BUSY, second)
    first.send_signal(signal.SIGCONT)
    finished(first)
    read_again = len(list(thirds[1].iterdir()))
    assert f"{read_again} unchanged" in ended(second, log)
    assert everything(open_overlap) == everything(open_one)
