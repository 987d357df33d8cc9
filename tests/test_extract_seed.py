"""Acceptance: the seed article (../shared/seed) yields exactly the hand-annotated attributions.

See ../shared/seed/EXPECTED.md: 12 attributions with kind, canonical speaker, cue and relaying
outlet; nothing from the page boilerplate or the outlet's own narration.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract import extract
from indexer.read.boilerplate import clean_body

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "article.txt"


@pytest.fixture(scope="module", autouse=True)
def _seed_present() -> None:
    """The seed article lives in ../shared (read-only, never copied in): its absence is a
    broken checkout, not a reason to skip."""
    assert SEED.exists(), f"the shared seed article is absent ({SEED} not found)"


# (start of content, kind, acceptable speakers, cue, via outlets)
EXPECTED = [
    (
        "they were there to liberate their countrymen",
        "indirect",
        [["Freedom of Russia Legion"]],
        "said",
        [],
    ),
    (
        "the groups were acting independently",
        "indirect",
        [["Andriy Yusov"], ["spokesperson for Ukraine's military intelligence"]],
        "said",
        [],
    ),
    (
        "they were launching a joint attack across Russia's borders",
        "indirect",
        [["Freedom of Russia Legion", "Siberian Battalion"]],
        "said",
        ["The Telegraph"],
    ),
    (
        "\u201cWe are not coming to kill, erase, or punish,",
        "direct",
        [["Freedom of Russia Legion"]],
        "said",
        ["Kyiv Post"],
    ),
    (
        "\u201cWe come to live, to liberate you from poverty",
        "direct",
        [["Freedom of Russia Legion"]],
        "continued",
        ["Kyiv Post"],
    ),
    (
        "a third group, the Russian Volunteer Corps also took part in the attacks",
        "indirect",
        [["Andriy Yusov"]],
        "told",
        ["Channel 24"],
    ),
    ("the attacks weren't directed by Ukraine", "indirect", [["Andriy Yusov"]], "said", []),
    (
        "\u201cOn the territory of the Russian Federation, they act absolutely autonomously",
        "direct",
        [["Andriy Yusov"]],
        "said",
        [],
    ),
    (
        "they had responded to three different attacks in Belgorod",
        "indirect",
        [["Russian Ministry of Defense"], ["Russia's defense ministry"]],
        "said",
        ["TASS"],
    ),
    (
        "Russian forces managed to repel the attackers",
        "indirect",
        [["Russian Ministry of Defense"], ["Russia's defense ministry"]],
        "told",
        ["TASS"],
    ),
    (
        "responsibility for an attack near Terebreno village, in Belgorod",
        "indirect",
        [["Freedom of Russia Legion"]],
        "claimed",
        [],
    ),
    (
        "it had destroyed a Russian troop stronghold and left landmines",
        "indirect",
        [["Freedom of Russia Legion"]],
        "claimed",
        ["Reuters"],
    ),
]


def _plain(text: str) -> str:
    return text.replace("\u2019", "'").lower()


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cleaned(seed_text):
    return clean_body(seed_text)


@pytest.fixture(scope="module")
def attributions(cleaned):
    return extract(cleaned.body)


def _find(attributions, start):
    wanted = _plain(start)
    for att in attributions:
        content = _plain(att["content"])
        if content.startswith(wanted) or content.startswith("that " + wanted):
            return att
    return None


def test_the_article_facts_come_from_its_structure(cleaned):
    assert cleaned.published == "2024-05-23"
    assert cleaned.original_outlet == "Business Insider"
    assert "Leave a Reply" in cleaned.removed
    for line in ("Leave a Reply", "Your email address", "Read the original", "May 23, 2024"):
        assert line not in cleaned.body


def test_all_twelve_attributions_with_kind_speaker_cue_and_outlet(attributions):
    for start, kind, speakers, cue, via in EXPECTED:
        att = _find(attributions, start)
        assert att is not None, f"missing attribution: {start!r}"
        assert att["kind"] == kind, (start, att["kind"])
        assert att["cue"] == cue, (start, att["cue"])
        speaker = _plain(att["speaker"] or "")
        assert any(all(_plain(name) in speaker for name in names) for names in speakers), (
            start,
            att["speaker"],
        )
        assert att["via_outlets"] == via, (start, att["via_outlets"])
    assert len(attributions) == len(EXPECTED)


def test_speaker_details_roles_types_and_media(attributions):
    yusov = _find(attributions, "the attacks weren't directed by Ukraine")
    assert yusov["speaker_type"] == "person"
    assert "spokesperson for Ukraine" in yusov["speaker_role"].replace("\u2019", "'")
    statement = _find(attributions, "\u201cWe are not coming to kill")
    assert statement["medium"] == "video statement"
    assert statement["speaker_type"] in ("group", "organization")
    ministry = _find(attributions, "Russian forces managed to repel the attackers")
    assert ministry["speaker_type"] == "organization"
    assert ministry["speaker_text"] == "The ministry"


def test_spans_point_at_the_text_given(cleaned, attributions):
    body = cleaned.body
    for att in attributions:
        assert " ".join(body[s:e] for s, e in att["content_spans"]) == att["content"]
        assert body[slice(*att["cue_span"])] == att["cue"]
        assert body[slice(*att["speaker_span"])] == att["speaker_text"]
        assert 0.0 <= att["confidence"] <= 1.0


def test_narration_and_boilerplate_are_not_attributions(seed_text):
    raw = extract(seed_text)
    boilerplate_start = seed_text.index("Read the original article")
    for att in raw:
        assert att["content_spans"][0][0] < boilerplate_start
        assert "attacked their" not in att["content"]
    assert len(raw) == len(EXPECTED)
