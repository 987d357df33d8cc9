"""The extraction pool loads the extractor's tables once before forking its workers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# An article unlike the warm-up one: another speaker, a pronoun, a relay and a headline cue.
STORY = (
    "Harbour master Lena Okafor said the port would reopen in May. "
    '"The cranes are back," she told the Coast Gazette. Ferry fares, per the operator, '
    "will not rise."
)


def _extract_in_a_fresh_process(story: str, *, warmed: bool) -> list[dict]:
    script = (
        "import json, sys\n"
        "from indexer.extract import extract\n"
        "from indexer.extract.workers import warm_tables\n"
        f"{'warm_tables()' if warmed else 'pass'}\n"
        "print(json.dumps(extract(sys.argv[1])))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, story], capture_output=True, text=True, cwd=REPO, check=True
    )
    return json.loads(done.stdout)


def test_warming_the_tables_before_the_fork_changes_no_attribution():
    # fresh interpreters: without the warm-up, the story's extraction loads every table
    cold = _extract_in_a_fresh_process(STORY, warmed=False)
    assert {a["speaker"] for a in cold} >= {"Lena Okafor"}
    assert _extract_in_a_fresh_process(STORY, warmed=True) == cold


def test_the_english_word_list_is_read_before_the_fork_not_in_each_worker():
    # a worker that reads it itself pays about 40 ms of CPU, and keeps its own copy
    script = (
        "from indexer.extract.english_words import _nouns_and_adjectives as words\n"
        "from indexer.extract.workers import warm_tables\n"
        "warm_tables()\n"
        "print(words.cache_info().currsize, len(words()) > 10000)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.split() == ["1", "True"]
