"""Cue types: was it said, written, thought, or is it what a piece of evidence shows?

Every attribution is one of `schemas.attribution.CUE_TYPES`:

- ``writing``: a written medium ("said in a statement", "in a letter", "posted on X") or a
  writing verb (wrote, tweeted, posted, emailed), or a document as the source ("according
  to a letter");
- ``evidence``: a report, poll, study or data as the source ("a poll found", "data show",
  "according to the report");
- ``thought``: a verb of belief, hope, wish or fear (believes, hopes, wants, fears), or an
  adjective of stance with a clause ("confident that ...");
- ``speech``: everything else (said, told, added, insisted, denied, a transcript turn).

The word lists below are the rule; a medium (`outlets.medium`) decides before the verb.
"""

from __future__ import annotations

from spacy.tokens import Token

from indexer.lexicon import wordset

WRITING_VERBS = wordset(
    """write wrote written writes writing tweet tweets tweeted tweeting post posts posted
    posting email emails emailed text texts texted blog blogs blogged publish publishes
    published pen penned sign signed"""
)
# Media and documents that carry written words: "in a statement", "according to a letter".
WRITTEN_MEDIA = wordset(
    """statement statements letter letters email emails memo memos release op-ed column
    editorial post posts tweet tweets blog filing filings note notes message messages
    document documents affidavit complaint lawsuit petition notice"""
)
# Words that make a written-sounding medium a spoken one: "in her opening statement" to a
# jury, "an oral statement", "a televised address".
SPOKEN_QUALIFIERS = wordset("opening closing oral verbal spoken televised")
THOUGHT_VERBS = wordset(
    """believe believes believed believing think thinks thought thinking hope hopes hoped
    hoping want wants wanted wanting fear fears feared fearing wish wishes wished expect
    expects expected feel feels felt worry worries worried doubt doubts doubted suspect
    suspects suspected wonder wonders wondered assume assumes assumed intend intends
    intended"""
)
# Adjectives of certainty, hope or fear that take a "that" clause after a linking verb:
# "officials are confident that ...", "she remained adamant that ..." (a stance: thought).
STANCE_ADJECTIVES = wordset(
    """confident adamant certain sure convinced optimistic hopeful pessimistic skeptical
    sceptical afraid worried fearful"""
)
# Speech acts that judge what their object names ("criticized the decision", "derided the
# deal as toothless"), by base form (each stands for its inflections: `cues.family`): the
# verbs of words among Levin's judgement verbs (Levin 1993, class 33; VerbNet 3.3
# judgment-33), without those that are acts rather than words (fine, punish, reward,
# sanction, prosecute), and the verbs of taking up or stressing a claim the corpus shows
# ("echoed the concerns", "stressed the importance of ..."). `appraisals` decides which of
# their objects are contents; the cue type is speech.
APPRAISING_VERBS = wordset(
    """criticize criticise praise denounce condemn blast slam mock tout hail applaud
    lament decry defend dismiss echo stress emphasize emphasise deride ridicule lambaste
    lambast castigate chastise censure chide rebuke reprimand reproach scold upbraid berate
    excoriate disparage denigrate belittle vilify revile pillory assail bemoan extol laud
    commend acclaim"""
)
# Speech acts whose prepositional object is what the speaker takes a position on, by base
# form and preposition ("complained about his microphone", "warned against hackers",
# "railed against the influence of super PACs"): Levin's complain verbs (1993, class 37.8;
# VerbNet 3.3 complain-37.8, frame "NP V PP.topic": "Ellen complained about the
# situation"), advise verbs (class 37.9; VerbNet advise-37.9-1, "NP V PP.topic" with
# against/about and of: "Ellen warned against skating on thin ice"), verbs of speaking out
# whose WordNet sense is a verb of communication (rail, inveigh: "complain bitterly"; argue
# for, plead for) and the demand of "call for" (`contents.PROPOSITION_OBJECT_FORMS`). A
# verb of talking ("spoke about", "discussed", "mentioned") names a topic, not a position:
# not here (issue 11: a content is a proposition; bench/noise_audit_labels.tsv "topic of a
# talk"), nor "spoke against", whose object is as often a backdrop as a position.
STANCE_PREPOSITIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        wordset("complain grumble gripe grouse moan whine bitch bellyache kvetch"),
        wordset("about of"),
    ),
    **dict.fromkeys(wordset("boast brag"), wordset("about of")),
    "object": wordset("to"),
    **dict.fromkeys(wordset("warn caution"), wordset("against about of")),
    **dict.fromkeys(wordset("admonish advise counsel"), wordset("against")),
    **dict.fromkeys(wordset("rail inveigh"), wordset("against")),
    "argue": wordset("for against"),
    "call": wordset("for"),
    "plead": wordset("for"),
}
# Sources whose findings are evidence rather than someone's words.
EVIDENCE_SOURCES = wordset(
    """report reports poll polls polling study studies survey surveys data research analysis
    analyses figures statistics census audit audits review estimate estimates records
    projections model models findings investigation inquiry assessment evaluation
    experiment trial trials test tests index forecast video videos footage photo photos
    photograph photographs image images recording recordings"""
)
# Verbs by which a thing, not a person, makes a claim ("History suggests ...").
GENERALISING_VERBS = wordset(
    """show shows showed shown suggest suggests suggested demonstrate demonstrates
    demonstrated prove proves proved teach teaches taught"""
)
# A bare mass noun before an evidence verb is the writer's generalisation, not a source:
# "Experience shows that ...", "History suggests ..." (unless it names evidence: "Data show").
_BARE_NOUN_TAGS = ("NN",)


def cue_type(cue: Token | None, source: Token | None, medium: str | None) -> str:
    """The cue type of an attribution from its cue verb, its source's head and its medium
    ("video statement", "post on X"); no cue (a transcript turn, a label) is speech."""
    if (
        medium
        and (medium.startswith("post ") or medium.split()[-1] in WRITTEN_MEDIA)
        and medium.split()[0] not in SPOKEN_QUALIFIERS
    ):
        return "writing"
    word = cue.lower_ if cue is not None else ""
    head = source.lower_ if source is not None else ""
    if word in WRITING_VERBS or head in WRITTEN_MEDIA:
        return "writing"
    if head in EVIDENCE_SOURCES:
        return "evidence"
    if word in THOUGHT_VERBS or word in STANCE_ADJECTIVES:
        return "thought"
    return "speech"


def writers_generalisation(cue: Token | None, source: Token | None) -> bool:
    """ "Experience shows that closed pools rarely reopen": a generalising verb whose subject
    is a bare singular common noun (no article, no modifier) that names no evidence is the
    writer speaking, no attribution."""
    if cue is None or source is None or cue.lower_ not in GENERALISING_VERBS:
        return False
    return (
        source.tag_ in _BARE_NOUN_TAGS
        and source.lower_ not in EVIDENCE_SOURCES
        and not any(True for _ in source.children)
    )
