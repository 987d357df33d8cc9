"""English common nouns and adjectives: whether a capitalised word before a name is a
description ("Rival", "Actress", "Dutch", "Orange County") or may be part of the name.

The word list is WordNet's index of nouns and adjectives as spaCy's English model ships it
for its rule lemmatizer (the model's ``lemmatizer/lookups`` table ``lemma_index``; the
pipeline itself runs without the lemmatizer, `indexer.extract.nlp.load`). Given names and
family names of other languages ("Nguyễn", "Narendra", "Mahamat", "Tracee") are not in it;
a few given names that are also English words ("Cassius", "Van") are.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Endings of demonyms written before a name ("Vermonter Bernie Sanders", "Kentuckian Rand
# Paul"), which WordNet lists only for countries and large regions ("Texan" is listed).
DEMONYM_ENDINGS = ("ian", "er", "ese", "ite")


@lru_cache(maxsize=1)
def _nouns_and_adjectives() -> frozenset[str]:
    """The lowercase lemmas of WordNet's noun and adjective index (about 78,000), read once
    per process from the installed English model's lemmatizer tables; empty when the model
    ships none (then no word counts as English here, and names are kept whole)."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    from indexer.extract.nlp import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            found = next(get_package_path(name).glob("*/lemmatizer/lookups"), None)
        except (ModuleNotFoundError, ImportError):
            continue
        if found is None:
            continue
        index = Lookups().from_disk(found).get_table("lemma_index")
        return frozenset(word for pos in ("noun", "adj") for word in index.get(pos, []))
    return frozenset()


def warm() -> None:
    """Read the word list now (about 40 ms of CPU): before forking workers, so that they
    share it instead of each reading it again."""
    _nouns_and_adjectives()


def is_english_word(word: str) -> bool:
    """Whether ``word`` (any case, a trailing "s" of a plural or "'s" aside) is an English
    noun or adjective, or a demonym ("Actress", "Rival", "Dutch", "Celebrities",
    "Kentuckian" -> True; "Nguyễn", "Narendra", "Mahamat" -> False)."""
    low = word.lower().strip(".,").removesuffix("'s").removesuffix("\u2019s")
    words = _nouns_and_adjectives()
    if low in words or low.removesuffix("s") in words or low.removesuffix("es") in words:
        return True
    if low.endswith("ies") and f"{low[:-3]}y" in words:
        return True
    return low.isascii() and low.endswith(DEMONYM_ENDINGS) and len(low) > 5


def written_as_demonym(word: str, text: str) -> bool:
    """Whether ``word``, written capitalised before a name in ``text`` ("Vermonter Bernie
    Sanders", "fellow Texan Ted Cruz"), is where its bearer is from rather than what they
    do: it ends like a demonym (`DEMONYM_ENDINGS`, or "-an": "Texan", "Iowan") and ``text``
    never writes it in lower case (a "teacher" or "developer" is written so somewhere).
    Raises nothing."""
    bare = word.strip(".,")
    if not bare[:1].isupper() or not bare.lower().endswith((*DEMONYM_ENDINGS, "an")):
        return False
    return not written_in_lower_case(bare.lower(), text)


@lru_cache(maxsize=4096)
def written_in_lower_case(word: str, text: str) -> bool:
    """Whether ``text`` writes the lower-case ``word`` (or its plural in "s") as a word.
    Remembered per word and text: a long article asks about the same few words often."""
    return re.search(rf"\b{re.escape(word)}s?\b", text) is not None
