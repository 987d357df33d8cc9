"""Candidate scoring stories: a reader searching quotetrail finds what people said, not what
markets watch; what the scorer finds mostly wrong is not stored, and the index run says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract import extract, nlp, scoring
from indexer.extract.attributions import candidates, layout
from quotetrail.cli import main

SPEECH = "The minister said the bridge would reopen in the spring."
ACTION = "Wall Street is watching the election."
NARRATION = "The council approved a budget that ensures the schools can hire teachers."


def _accept_all(form: str, pattern: str) -> float:
    return 1.0


def _best(sentence: str) -> float:
    """The scorer's highest probability among every candidate the constructions propose for
    `sentence` with no cue filter at all."""
    nlp.load()
    found = candidates(layout(sentence, None), _accept_all)
    assert found, f"the constructions propose nothing for {sentence!r}"
    return max(scoring.probability(cand, sentence) for cand in found)


def test_an_action_on_a_noun_phrase_is_no_candidate_at_all() -> None:
    nlp.load()
    assert candidates(layout(ACTION, None), _accept_all) == []


def test_the_scorer_ranks_a_reported_claim_above_narration_taken_for_speech() -> None:
    assert _best(SPEECH) > _best(NARRATION)


def test_an_action_is_not_stored_and_a_claim_is() -> None:
    assert not scoring.stored(extract(ACTION))[0]
    kept, _ = scoring.stored(extract(SPEECH))
    assert [a["content"] for a in kept] == ["the bridge would reopen in the spring"]


def test_a_missing_model_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scoring, "MODEL_PATH", tmp_path / "absent.json")
    scoring.model.cache_clear()
    try:
        with pytest.raises(scoring.ScorerMissing, match="absent.json"):
            scoring.model()
    finally:
        scoring.model.cache_clear()


def test_the_floor_stores_the_claim_and_drops_the_narration() -> None:
    found = extract(f"{SPEECH}\n\n{NARRATION}\n")
    assert len(found) == 2  # "ensures the schools can hire teachers" is proposed, then scored low
    kept, dropped = scoring.stored(found)
    assert [a["content"] for a in kept] == ["the bridge would reopen in the spring"]
    assert dropped == 1
    assert kept[0]["confidence"] >= scoring.STORE_FLOOR


def test_the_index_summary_counts_the_attributions_below_the_floor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "state" / "quotetrail.db"
    db.parent.mkdir()
    monkeypatch.setenv("QUOTETRAIL_DB", str(db))
    monkeypatch.delenv("ES_URL", raising=False)
    monkeypatch.delenv("QUOTETRAIL_STATE_DIR", raising=False)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text(f"{SPEECH}\n\n{NARRATION}\n", encoding="utf-8")
    status = main(["index", str(corpus), "--workers", "1"])
    err = capsys.readouterr().err
    assert status == 0, err
    assert "1 attributions written, 1 below the confidence floor dropped" in err
