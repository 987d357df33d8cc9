"""What a person's name is made of, as news writing puts it before a quote.

"Republican Donald Trump", "Rival Hillary Clinton", "Conservative Leader Ray Dunmore",
"9/11 widow Terry Strada": party labels, descriptors and titles go to the role, the name is
what is left. Whether a word is a given name, and the gender it or an honorific tells, is
defined once in `indexer.extract.names` (``gender-guesser``, the first-name dictionary of Jörg
Michael's ``gender`` program, about 40,000 names from many countries); whether it is a common
word comes from the article itself (the word also appears in lower case).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from indexer.extract.names import PARTY_LABELS, describes, is_first_name
from indexer.lexicon import NAME_PARTICLES, wordset

# Party and political labels written before a name ("Republican Donald Trump"): the
# extractor's party labels and the parties of other countries' news.
AFFILIATIONS = PARTY_LABELS | wordset("labour independent green greens progressive bloc")
# Lower-case words inside a name ("Charles de Gaulle", "Ludwig van Beethoven").
PARTICLES = NAME_PARTICLES
# Words that make a mention a description of a speaker, not a name ("spokeswoman for X").
RELATIONS = wordset("for to of at with from")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_POSSESSIVE_WORD = re.compile(r"['’]s?$")


def is_description(text: str) -> bool:
    """Whether a person mention describes the speaker instead of naming them.

    "New York judge", "GOP nominee" (its head is a common noun), "Clinton's team" (a
    possessive with no name after it), "spokeswoman for Hillary Clinton" (a common noun
    related to a name): the named one is not the speaker.
    """
    toks = text.split()
    if not toks:
        return False
    words = [t.strip(",.;:") for t in toks]
    if words[-1][:1].islower() and words[-1].isalpha() and words[-1] not in PARTICLES:
        return True
    for i, word in enumerate(words[:-1]):
        if _POSSESSIVE_WORD.search(word) and word[:1].isupper():
            rest = words[i + 1 :]
            if not any(w[:1].isupper() for w in rest):
                return True
    for i, word in enumerate(words[1:-1], start=1):
        if word in RELATIONS and words[i - 1][:1].islower() and words[i + 1][:1].isupper():
            return not any(w[:1].isupper() for w in words[: i - 1])
    return False


def split_descriptors(
    tokens: list[str],
    is_common_word: Callable[[str], bool],
    is_other_name: Callable[[str], bool] = lambda words: False,
) -> tuple[list[str], list[str]]:
    """(descriptor tokens, name tokens) of a capitalised name.

    A leading token is a descriptor when it is an indefinite article ("A Maasgroep": an
    initial has its period), a party label or a number, when a given name
    follows it (before the surname) and it is not one but may describe someone
    (`names.describes`: "Rival", not "Nguyễn" or "Narendra"), or when it is a common word of the
    article and not a given name; ``is_other_name`` marks a leading run of words that names
    something else (an outlet: "MSNBC Chris Matthews", "Washington Post Trump"). The
    surname always stays.
    """
    for end in range(len(tokens) - 1, 0, -1):
        if is_other_name(" ".join(tokens[:end])):
            return tokens[:end], tokens[end:]
    start = 0
    while start < len(tokens) - 1:
        token = tokens[start]
        word = token.strip(".").casefold()
        follows = tokens[start + 1 : -1]
        if token in ("A", "An"):
            start += 1  # "A Maasgroep spokesperson": an article, never an initial
            continue
        if _INITIAL.match(token):
            break
        if word in AFFILIATIONS or not any(c.isalpha() for c in token):
            start += 1
            continue
        if is_first_name(token):
            break
        if (any(is_first_name(t) for t in follows) and describes(token)) or is_common_word(word):
            start += 1
            continue
        break
    return tokens[:start], tokens[start:]
