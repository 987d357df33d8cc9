""""She" is a woman the text has named: never a company whose name opens with a word that
is also a given name ("Heaven Sent Gaming", "Faith Publishing"). An honest unresolved beats
words put in a company's mouth.
"""

from __future__ import annotations

import pytest

from indexer.extract import extract


def _speaker_of(text: str, words: str) -> str | None:
    return next(r for r in extract(text) if words in r["content"])["speaker"]


@pytest.mark.parametrize(
    "company", ["Heaven Sent Gaming", "Faith Ames Publishing", "Grace Lee Studios"]
)
def test_she_is_not_a_company_named_like_a_woman(company):
    text = (
        f"{company} released its first comic in March, and the team is hiring.\n\n"
        "Fans queued for hours outside the shop on Main Street.\n\n"
        "She said the second issue would follow in the autumn."
    )
    assert _speaker_of(text, "second issue") != company


def test_she_still_is_the_woman_just_named():
    text = (
        "Isabel Ruiz drew the first covers of the comic in a thick sketchbook.\n\n"
        "She said the sketchbooks were the start of everything."
    )
    assert _speaker_of(text, "sketchbooks") == "Isabel Ruiz"
