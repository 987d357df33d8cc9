""""She" is a woman the text has named: never a company whose name opens with a word that
is also a given name ("Heaven Sent Gaming"), and not a man's name the text gives no gender
for ("Devin Thurlow") when nothing else says who she is. An honest unresolved beats words
put in a man's or a company's mouth.
"""

from __future__ import annotations

from indexer.extract import extract


def _speaker_of(text: str, words: str) -> str | None:
    return next(r for r in extract(text) if words in r["content"])["speaker"]


def test_she_is_not_a_company_named_like_a_woman():
    text = (
        "Heaven Sent Gaming released its first comic in March, and the studio is hiring.\n\n"
        "Fans queued for hours outside the shop on Main Street.\n\n"
        "She said the second issue would follow in the autumn."
    )
    assert _speaker_of(text, "second issue") != "Heaven Sent Gaming"


def test_she_is_not_a_man_the_text_names_without_a_gender():
    text = (
        "The project drew in friends from college, among them Drew Cass and Devin "
        "Thurlow.\n\n"
        "She said the sketchbooks were the start of everything."
    )
    assert _speaker_of(text, "sketchbooks") not in ("Devin Thurlow", "Drew Cass")


def test_she_still_is_the_woman_just_named():
    text = (
        "Isabel Ruiz drew the first covers of the comic in a thick sketchbook.\n\n"
        "She said the sketchbooks were the start of everything."
    )
    assert _speaker_of(text, "sketchbooks") == "Isabel Ruiz"
