"""Appraisals: a speech act that judges a thing named by a common noun.

"The senator criticized the decision", "she praised the agreement", "he dismissed the
allegations", "they echoed the concerns": the speaker states a position on the thing the
object names (the decision is wrong, the agreement is good), which PolNeAR annotates as an
attribution with the noun phrase as its content (on PolNeAR train, 51% of such objects of
these verbs are annotated, against 8% of all other bare noun-phrase objects). The object of
these verbs is a content when it is a common noun phrase; a bare name or a pronoun ("blasted
Trump", "praised her") names a person or a law and states nothing (issue 11: one-word
"Trump" attributions; bench/noise_audit_labels.tsv "criticized + the name of a law").

Verbs that only name a topic ("discussed the economy", "mentioned the wall") are not
appraisals: a topic is no proposition.
"""

from __future__ import annotations

from spacy.tokens import Token

from indexer.extract.cues import family
from indexer.lexicon import wordset

# Verbs of speech that judge, defend or dismiss what their object names, or take up its
# claim ("echoed the concerns", "stressed the importance of ..."), by their base form: each
# stands for its inflections (`family`).
APPRAISING_VERBS = wordset(
    """criticize criticise praise denounce condemn blast slam mock tout hail applaud
    lament decry defend dismiss echo stress emphasize emphasise"""
)
_APPRAISING_FAMILIES = frozenset(family(w) for w in APPRAISING_VERBS)
_COMMON_NOUNS = frozenset(["NN", "NNS"])


def appraised_object(form: str, content: list[Token]) -> bool:
    """Is `content` (a verb's object phrase, its tokens) the thing `form` (the cue verb,
    any inflection, without a preposition) appraises: the verb is an `APPRAISING_VERBS`
    verb and the phrase's head is a common noun ("criticized the decision"), not a name,
    a pronoun or a number ("criticized Obamacare", "praised her")?"""
    if " " in form or family(form) not in _APPRAISING_FAMILIES or not content:
        return False
    inside = {t.i for t in content}
    heads = [t for t in content if t.head.i not in inside or t.head.i == t.i]
    return len(heads) == 1 and heads[0].tag_ in _COMMON_NOUNS
