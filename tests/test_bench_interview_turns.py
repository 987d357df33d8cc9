"""A developer running the interview bench without GUM in ``../shared`` is told which folder
is missing, not shown "0/0" figures that look like a result."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "interview_turns.py"
_spec = importlib.util.spec_from_file_location("interview_turns", SCRIPT)
assert _spec is not None and _spec.loader is not None
interview_turns = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(interview_turns)


def test_the_interview_bench_names_the_missing_gum_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "gum" / "conllu"
    monkeypatch.setattr(interview_turns, "GUM", missing)
    monkeypatch.setattr(sys, "argv", ["interview_turns.py"])
    with pytest.raises(SystemExit) as stopped:
        interview_turns.main()
    assert str(missing) in str(stopped.value.code)
