"""Appraisals: a speech act that judges a thing named by a common noun.

"The senator criticized the decision", "she praised the agreement", "he dismissed the
allegations", "they echoed the concerns": the speaker states a position on the thing the
object names (the decision is wrong, the agreement is good), which PolNeAR annotates as an
attribution with the noun phrase as its content (on PolNeAR train, 51% of such objects of
these verbs are annotated, against 8% of all other bare noun-phrase objects). So is the
object of a preposition by which a speech act takes a stance: "railed against the influence
of super PACs", "complained about his microphone", "warned against foreign hackers" (the
influence is corrupting, the microphone was faulty, the hackers are a threat). The object
is a content when it is a common noun phrase; a bare name or a pronoun ("blasted Trump",
"praised her", "railed against Obamacare") names a person or a law and states nothing
(issue 11: one-word "Trump" attributions; bench/noise_audit_labels.tsv "criticized + the
name of a law"). The verb classes are `cue_types.APPRAISING_VERBS` and
`cue_types.STANCE_PREPOSITIONS` (Levin's judgement, complain and advise verbs).

Verbs that only name a topic ("discussed the economy", "mentioned the wall", "spoke about
her childhood") are not appraisals: a topic is no proposition. Nor is the object of an
action ("imposed sanctions", "unveiled a plan"): no speech act judged it.
"""

from __future__ import annotations

from spacy.tokens import Token

from indexer.extract.cues import speech_act_class

_COMMON_NOUNS = frozenset(["NN", "NNS"])


def appraised_object(form: str, content: list[Token]) -> bool:
    """Is `content` (the tokens of a verb's object phrase, or of its preposition's) the thing
    `form` (the cue verb, any inflection, with that preposition if any) appraises: `form` is
    a judging verb or a verb with the preposition of a stance (`cues.speech_act_class`:
    "criticized", "railed against") and the phrase's head is a common noun ("criticized the
    decision", "warned against foreign hackers"), not a name, a pronoun or a number
    ("criticized Obamacare", "praised her")?"""
    if speech_act_class(form) is None or not content:
        return False
    inside = {t.i for t in content}
    heads = [t for t in content if t.head.i not in inside or t.head.i == t.i]
    return len(heads) == 1 and heads[0].tag_ in _COMMON_NOUNS
