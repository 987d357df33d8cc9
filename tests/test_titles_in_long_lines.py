"""A work's title in quotation marks ('his book, "Make Your Kid a Millionaire,"') is a title,
not speech, however long the paragraph around it: a page that runs thousands of short
quotations on one line (a pasted transcript with its breaks lost) is read a stretch of the
line at a time, not whole for each quotation, and the title is judged the same.
"""

from __future__ import annotations

from indexer.extract.quotes import Quote, is_title

TITLE = '"Make Your Kid a Millionaire"'
SENTENCE = f"He wrote the book {TITLE} in 2002, his publisher said."
HEADLINE = f"Author Of {TITLE} Wins Big Prize"


def _judged(line: str, repeats: int) -> bool:
    filler = '"Blah blah," said Bob Smith. ' * repeats
    text = filler + line + " " + filler
    start = text.index(TITLE)
    return is_title(text, Quote(start, start + len(TITLE), 0, 0))


def test_a_title_in_a_sentence_is_a_title_in_a_short_or_a_huge_line():
    assert _judged(SENTENCE, 0) is True
    assert _judged(SENTENCE, 10_000) is True  # about 300 KB on one line


def test_a_headline_in_title_case_throughout_is_not_a_title():
    start = HEADLINE.index(TITLE)
    assert is_title(HEADLINE, Quote(start, start + len(TITLE), 0, 0)) is False


def test_speech_of_many_words_is_not_a_title():
    said = '"We Will Not Allow Our Skies To Become A Shooting Gallery For Anyone At All"'
    text = f"The minister said {said} on Friday."
    assert is_title(text, Quote(text.index(said), text.index(said) + len(said), 0, 0)) is False
