"""Sources: who a cue's subject is, and which characters name them.

Decides the subject of a cue verb (looking through "and added", "saying", "responded by
saying", "issued a statement saying", "was quoted by X as saying", past a question put to
the subject: "Gonzalez, asked whether ..., said ...", and taking it back from an outlet it
was misparsed as an apposition of: "According to Reuters, the contractor, Mara Quist, has
warned ..."),
the coarse shape of a source (name, pronoun, common noun, none) and the source span: the
subject's phrase without the content's characters, cut to the contiguous run around the
subject's head.
"""

from __future__ import annotations

from spacy.tokens import Token

from indexer.extract import second_hand
from indexer.extract.cues import STATEMENT_CUE, reliability
from indexer.extract.spans import Spans, after_dateline, covers, in_dateline
from indexer.extract.tokens import reporters_conjunct
from indexer.lexicon import wordset

SUBJECTS = ("nsubj", "csubj", "expl")
SPEAKING_NOUN_DEPS = frozenset(["nsubj", "nsubjpass", "attr", "appos", "conj"])
# "The Financial Times quoted X as saying ...": verbs whose object says the words.
QUOTING_VERBS = frozenset(["quoted", "quotes", "quote", "quoting", "cited", "cites", "citing"])


def reporter(cue: Token) -> Token | None:
    """ "Calder said that Whitaker privately told her ...", "Reuters reported that Governor
    Whitaker said ...": the subject of the reporting verb whose clause the cue's clause is
    (a cue-lexicon verb before it, `cues.reliability`), who relays the cue's words; None when
    the cue is its sentence's own statement."""
    head = cue.head
    if cue.dep_ != "ccomp" or head.i > cue.i or reliability(head.lower_, "ccomp") is None:
        return None
    return subject(head)


def subject(verb: Token) -> Token | None:
    """The subject of a cue verb (`_subject`); a dateline parsed as the subject never speaks
    ("SELM, Nov 27 (CPA) - The Karsk central bank ... warned": the bank; "PORT ELLERY, Nov.
    24 /PRWire/ -- Halvern Pharmaceuticals ... announced": the company, `after_dateline`),
    None when no subject follows the dateline."""
    found = _subject(verb)
    if found is None or not in_dateline(found):
        return found
    return after_dateline(found)


def _subject(verb: Token) -> Token | None:
    """The subject of a cue verb, looking through "and added", "saying", "went on to say",
    "are likely to say" (a verb coordinated with a reported clause's verb goes on with the
    reporter when its tense is the reporter's: "acknowledged that the candidate has given
    paid speeches but declined to list them", `tokens.reporters_conjunct`); the object a
    complement's verb puts before it acts it ("led Republicans to say ...",
    `object_controller`); a participle ending a
    reported clause is its reporter's ("Ames said the plan had failed, arguing that ...":
    Ames argues, `_reporters_participle`); a
    participle on a noun that is not an object is that noun's ("Clinton, speaking on radio,
    said ...", "a petition calling for ...": the noun speaks); the subject before a question
    put to it answers ("Okafor, asked if he would resign, said ...": Okafor, and the
    participle "asked" has none, `interposed_participle`); the one "quoted as saying";
    None for an expletive ("It is said ...") or a passive without agent. A finite main verb
    the parser left with no subject takes the noun phrase stranded right before it
    (`stranded_subject`)."""
    if _asked_of(verb) or interposed_participle(verb):
        return None
    answering = None
    if not any(c.dep_ in (*SUBJECTS, "nsubjpass") for c in verb.children):
        answering = _interposed_subject(verb)
    if answering is not None:
        return answering
    if (stranded := stranded_subject(verb)) is not None:
        return stranded
    if (quoted := quoted_speaker(verb)) is not None:
        return quoted  # "'...,' Calder quoted Whitaker as saying": Whitaker's words
    if (named := named_in_the_act(verb)) is not None:
        return named  # "footage of Hillary Clinton asking ...": Clinton asks
    tok = verb
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if len(subjects) > 1:  # "A spokesperson, Andriy Yusov told": an apposition misparsed
            subjects = [c for c in subjects if not in_dateline(c)] or subjects
            named = [c for c in subjects if c.tag_ in ("NNP", "NNPS")]
            return (named or subjects)[-1]
        for child in tok.children:
            if child.dep_ in SUBJECTS:
                if child.dep_ == "csubj" and (aside := _subject_before_aside(child)) is not None:
                    return aside  # "Sally Ward, quoting the late Bob Hawke, told ...": Ward
                return None if child.dep_ == "expl" else child
            if child.dep_ == "nsubjpass":
                # "Rahman is said to have told aides ...": hearsay, but his telling
                hearsay = tok.i == verb.head.i and second_hand.hedge(verb) is not None
                return child if _active_conjunct(verb, tok) or hearsay else None
            if child.dep_ == "agent":
                return next((o for o in child.children if o.dep_ == "pobj"), None)
        if (inverted := _inverted_object(tok)) is not None:
            return inverted
        for child in tok.children:
            if (relayed := relayed_subject(child)) is not None:
                return relayed
        if _next_statement(tok) or reporters_conjunct(tok):
            tok = tok.head.head  # "said that the country would leave ... and suggested ..."
        elif (reporter := _reporters_participle(tok)) is not None:
            tok = reporter
        elif tok.dep_ == "acl" and tok.tag_ == "VBG" and _speaking_noun(tok.head):
            return tok.head
        elif (controller := object_controller(tok)) is not None:
            return controller  # "The delay led Republicans to say ...": Republicans say it
        elif (absolute := absolute_subject(tok)) is not None:
            return absolute  # "Talks collapsed, with the secretary, Ann Hart, accusing ...": Hart
        elif (sibling := _previous_conjunct(tok)) is not None:
            tok = sibling  # "A announced ..., but B termed it "..." and said ...": B says it
        elif tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.tag_.startswith("VB"):
            tok = tok.head
        elif (
            tok.dep_ == "xcomp" and tok.head.dep_ == "acomp" and tok.head.head.tag_.startswith("VB")
        ):
            tok = tok.head.head  # "voters are more likely to say ..."
        elif tok.dep_ == "pcomp" and (quoted := _quoted_as_saying(tok)) is not None:
            return quoted  # "The Financial Times quoted Gareth Pryce as saying ..."
        elif tok.dep_ == "pcomp" and tok.head.head.tag_.startswith("VB"):
            tok = tok.head.head  # "responded by saying that ..."
        elif tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj"):
            # "issued a statement saying ...": the issuer speaks
            tok = next((a for a in tok.head.ancestors if a.tag_.startswith("VB")), None)
            if tok is None:
                return None
        else:
            return None
    return None


# Dependencies through which a noun phrase ending right before a subjectless verb hangs off
# the phrase the parser attached it to ("At Boca West, ..., Jay DiPietro, the club's
# president, suggested": DiPietro an apposition of "West").
_STRANDED_PATH = frozenset(["appos", "conj", "pobj", "prep", "cc"])
_STRANDED_HEADS = frozenset(["NN", "NNS", "NNP", "NNPS"])
_FINITE_TAGS = frozenset(["VBD", "VBZ", "VBP"])
_ANY_SUBJECT = frozenset(["nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "agent"])


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a finite main verb the parser gave none, or None. A finite verb heading
    its sentence needs a subject; when the parser has none and a noun phrase ends right
    before the verb (perhaps with its comma), that phrase is the subject it attached
    elsewhere: an apposition of a fronted phrase's object ("At Boca West, where ..., Jay
    DiPietro, the club's president, suggested that ..."; "In a statement to the Observer,
    her adviser, Jake Sullivan, said ..."; "As part of his plea, Marcel Lazar, 44, said
    ...", the name before its age), or a name taken for an adverb ("Jolly said").
    Returns the highest noun of the phrase's chain of appositions, conjuncts and
    prepositional objects that is no prepositional object itself ("West" in "At Boca West"
    is the place, DiPietro the speaker)."""
    if verb.tag_ not in _FINITE_TAGS or verb.dep_ != "ROOT":
        return None
    if any(c.dep_ in _ANY_SUBJECT for c in verb.children):
        return None
    before = verb.i - 1
    if before >= verb.sent.start and verb.doc[before].text == ",":
        before -= 1
    if before < verb.sent.start:
        return None
    tok = verb.doc[before]
    if (age := _age_after_name(tok)) is not None:
        tok, before = age, tok.i  # "..., Marcel Lehel Lazar, 44, said that ...": the name's age
    if tok.tag_ not in _STRANDED_HEADS:
        return None
    best = None
    while tok.i < verb.i and tok.right_edge.i <= before + 1:
        if tok.tag_ in _STRANDED_HEADS and tok.dep_ != "pobj":
            best = tok
        if tok.dep_ not in _STRANDED_PATH or tok.head.i == tok.i:
            break
        tok = tok.head
    return best


def _age_after_name(tok: Token) -> Token | None:
    """ "Marcel Lehel Lazar, 44, said": the noun a number set between commas right after it
    hangs on (a person's age, as the press writes it after a name), or None when `tok` is no
    such number."""
    if tok.tag_ != "CD" or tok.dep_ not in ("appos", "npadvmod", "amod", "nummod"):
        return None
    head = tok.head
    comma = tok.i - 1
    if head.i >= tok.i or comma <= head.i or tok.doc[comma].text != ",":
        return None
    return head if head.tag_ in _STRANDED_HEADS and head.right_edge.i <= tok.i + 1 else None


# Verbs whose direct object acts their complement ("led Republicans to say", "left many
# nations feeling"): object control (Huddleston & Pullum, *The Cambridge Grammar of the
# English Language*, ch. 14 §4, "persuade/force/lead NP to VP"). Not "used his speech to
# call for ...": there the object is the means and the subject acts (PolNeAR train).
OBJECT_CONTROL = wordset(
    """lead leads led leading leave leaves left leaving force forces forced forcing prompt
    prompts prompted prompting push pushes pushed pushing press presses pressed pressing
    pressure pressures pressured pressuring urge urges urged urging ask asks asked asking
    tell tells told telling encourage encourages encouraged encouraging get gets got
    getting persuade persuades persuaded persuading convince convinces convinced convincing
    inspire inspires inspired inspiring drive drives drove driven driving cause causes
    caused causing want wants wanted wanting expect expects expected expecting compel
    compels compelled compelling spur spurs spurred spurring provoke provokes provoked
    provoking invite invites invited inviting challenge challenges challenged challenging
    dare dares dared daring order orders ordered ordering instruct instructs instructed
    instructing remind reminds reminded reminding warn warns warned warning advise advises
    advised advising allow allows allowed allowing beg begs begged begging implore implores
    implored imploring have has had having keep keeps kept keeping send sends sent sending"""
)


def object_controller(verb: Token) -> Token | None:
    """ "The timing led Republicans to say that ...", "The senator forced Stumpf to admit that
    ...", "The collapse left many nations feeling that ...": the direct object of an object
    control verb (`OBJECT_CONTROL`) whose complement `verb` is (an infinitive with "to", or
    a participle) acts it, not that verb's subject. Returns that object, or None when `verb`
    is no such complement, the object is not between the two verbs, or it is the dummy "it"
    ("makes it hard to say ...")."""
    if verb.dep_ != "xcomp" or not verb.head.tag_.startswith("VB"):
        return None
    if verb.head.lower_ not in OBJECT_CONTROL:
        return None
    if verb.tag_ != "VBG" and not any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.lefts):
        return None
    head = verb.head
    obj = next((c for c in head.children if c.dep_ == "dobj" and head.i < c.i < verb.i), None)
    if obj is None or obj.lower_ == "it":
        return None
    return obj


def _quoted_as_saying(verb: Token) -> Token | None:
    """ "The Financial Times quoted Castell Steel's chief executive, Gareth Pryce, as saying
    ...": the quoting verb's object says the words (the quoting outlet only relays them,
    :func:`quoter`); that object, or None for any other "as"/"by" phrase."""
    prep = verb.head
    if prep.lower_ != "as" or prep.head.lower_ not in QUOTING_VERBS:
        return None
    quoting = prep.head
    if quoting.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in quoting.children):
        # "Ross was quoted by the Evening Star as saying ...", "was quoted as saying ..."
        return next((c for c in quoting.children if c.dep_ == "nsubjpass"), None)
    return next((c for c in quoting.children if c.dep_ == "dobj"), None)


def quoted_speaker(cue: Token) -> Token | None:
    """ "Calder quoted Whitaker as saying ...", "'...,' the paper quoted Whitaker as saying":
    the object of a quoting verb (`QUOTING_VERBS`) that says the words (`_quoted_as_saying`),
    when `cue` is that quoting verb; None for any other verb or object ("quoted the report")."""
    if cue.lower_ not in QUOTING_VERBS:
        return None
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for verb in prep.children:
                if verb.dep_ == "pcomp" and (said := _quoted_as_saying(verb)) is not None:
                    return said
    return None


def quoter(verb: Token) -> Token | None:
    """Who quotes a speaker "as saying" (`verb` is the "saying"): the quoting verb's subject,
    "The Financial Times" in "The Financial Times quoted Gareth Pryce as saying ...", or in
    the passive its agent or the paper it was quoted in ("Ross was quoted by the Evening
    Star as saying ...", "was quoted in the Daily Courier as saying ..."); None when unsaid
    ("X was quoted as saying ..."). `verb` may be the quoting verb itself ("'...,' Calder
    quoted Whitaker as saying": Calder, `quoted_speaker`)."""
    if quoted_speaker(verb) is not None:
        quoting = verb
    elif verb.dep_ != "pcomp" or _quoted_as_saying(verb) is None:
        return None
    else:
        quoting = verb.head.head
    for child in quoting.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "in"):
            pobj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _next_statement(verb: Token) -> bool:
    """ "May said that the country would leave the E.U. and suggested that ...": a speech
    verb without a subject of its own, misparsed as a conjunct of the previous content
    clause, is the same speaker's next statement (as `contents.clause_tail` cuts it from
    that content); its subject is the first cue's, not the content clause's."""
    return (
        verb.dep_ == "conj"
        and verb.head.dep_ == "ccomp"
        and verb.head.head.tag_.startswith("VB")
        and (reliability(verb.lower_, "ccomp") or 0) >= STATEMENT_CUE
        and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    )


def _reporters_participle(verb: Token) -> Token | None:
    """ "Ames said the plan had failed, arguing that ...": a participle the parser hung inside
    the reported clause of a statement verb goes on with the statement, so its speaker is the
    statement's subject, not the reported clause's (PolNeAR train: the reporter in 40 of 45
    such gold attributions). Returns that statement verb, or None."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return None
    for above in verb.ancestors:
        if (
            above.dep_ == "ccomp"
            and above.head.tag_.startswith("VB")
            and (reliability(above.head.lower_, "ccomp") or 0) >= STATEMENT_CUE
        ):
            return above.head
    return None


def _speaking_noun(noun: Token) -> bool:
    """A noun a participle describes as speaking ("Clinton, speaking to reporters, said",
    "those identifying as ...", "a petition calling for ..."): a noun or pronoun that is a
    subject, a predicate, an apposition or a conjunct (PolNeAR train: the speaker in 55 of 60
    such gold attributions). Not a verb's or preposition's object ("issued a statement saying
    ...": there the verb's subject speaks, `subject`), nor a noun the parser made the root of
    its sentence (a list item "Keeps saying she ..." has lost its verb)."""
    return noun.dep_ in SPEAKING_NOUN_DEPS and (
        noun.tag_.startswith("NN") or noun.tag_ in ("PRP", "DT", "CD")
    )


def named_in_the_act(participle: Token) -> Token | None:
    """ "The ad uses footage of Hillary Clinton asking ...", "The interview ended with Maddow
    asking Clinton whether ...": a participle right after a name that is a direct object or
    the object of "of", "with" or "by" (no comma between them) shows the named one speaking,
    wherever the parser hung the participle. Returns that name's head, or None: after a
    comma ("attacked Clinton, saying ...") the participle goes on with the clause's subject;
    after a common noun ("issued a statement saying ...") the noun is the issuer's document
    (`_subject`); a letter "to Congress asking ..." is not Congress asking."""
    if participle.tag_ != "VBG" or participle.dep_ not in ("acl", "advcl", "xcomp"):
        return None
    if participle.i == 0 or any(c.dep_ in _ANY_SUBJECT for c in participle.children):
        return None
    noun = participle.doc[participle.i - 1]
    if noun.tag_ not in ("NNP", "NNPS") or noun.right_edge.i != noun.i:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "with", "by"):
        return noun
    return noun if noun.dep_ == "dobj" else None


def relayed_subject(prep: Token) -> Token | None:
    """ "According to Reuters, the contractor, Mara Quist, has warned that ...": the parser
    hangs the clause's subject on the outlet as an apposition. Given the "according" of such
    a sentence, returns that apposition when the verb "according" modifies has no subject of
    its own and only auxiliaries, negation or punctuation stand between the apposition and
    the verb; else None."""
    if prep.lower_ != "according" or prep.dep_ != "prep" or prep.i + 1 >= len(prep.doc):
        return None
    verb = prep.head
    if not verb.tag_.startswith("VB") or any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children
    ):
        return None
    pobj = next((o for o in prep.nbor(1).children if o.dep_ == "pobj"), None)
    pobj = pobj or next((o for o in prep.children if o.dep_ == "pobj"), None)
    if pobj is None:
        return None
    appos = next((c for c in pobj.children if c.dep_ == "appos" and c.i > pobj.i), None)
    if appos is None or appos.right_edge.i >= verb.i:
        return None
    between = prep.doc[appos.right_edge.i + 1 : verb.i]
    if not all(t.is_punct or t.dep_ in ("aux", "neg") for t in between):
        return None
    return appos


def _inverted_object(verb: Token) -> Token | None:
    """ "“...,” grumbled swimmer Freya Lott": after a quotation, an unfamiliar cue verb's
    inverted subject is often parsed as its object; a name right after the verb is the
    speaker when the verb's clause (the quotation) comes before it. A role noun between the
    verb and the name that the parser read as a bare verb ("“...,” said engineer Priya
    Nair": "engineer" an xcomp with the name its object) is looked through: no bare
    infinitive follows a cue right after its quotation."""
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and child.i > verb.i and child.tag_ in ("NNP", "NNPS"):
            return child
        if child.dep_ == "xcomp" and child.i == verb.i + 1 and child.tag_ == "VB":
            return next(
                (c for c in child.children if c.dep_ == "dobj" and c.tag_ in ("NNP", "NNPS")),
                None,
            )
    return None


def source_kind(source: Token | None) -> str:
    """Coarse source shape ("none", "pronoun", "name", "common"); object contents are
    reliable for named or pronoun sources only."""
    if source is None:
        return "none"
    if source.tag_ in ("PRP", "WP", "WDT"):
        return "pronoun"
    named = [source] + [c for c in source.children if c.dep_ in ("compound", "nmod", "poss")]
    return "name" if any(t.tag_ in ("NNP", "NNPS") for t in named) else "common"


def source_span(source: Token, offset: int, content: Spans) -> tuple[int, int]:
    """Article character span of the phrase headed by `source` (with a coordinated subject
    before it), leaving out the characters of `content` and a participle describing the
    source; `offset` is the chunk's start."""
    heads = [source] + [
        s
        for s in source.head.children
        if s.dep_ == "nsubj" and s.i < source.i and source.dep_ == "nsubj"
    ]
    # "Clinton, speaking to reporters, said": the participle describes the source, it is not
    # part of its name; nor is the relative clause on an object who speaks ("forced Stumpf,
    # who was under questioning, to admit ...", `object_controller`)
    participles = [c for c in source.children if c.dep_ == "acl" and c.tag_ == "VBG"]
    if source.dep_ == "dobj":
        participles += [c for c in source.children if c.dep_ == "relcl"]
    taken = {offset + t.idx for p in participles for t in p.subtree}
    # "the budget office's warnings that ...": the possessive ending is not the name
    taken |= {offset + c.idx for c in source.children if c.dep_ == "case"}
    toks = [
        t
        for h in heads
        for t in h.subtree
        if offset + t.idx not in taken and not covers(content, offset + t.idx)
    ]
    if source not in toks:
        toks.append(source)
    toks = _contiguous(toks, source.i)
    return (offset + toks[0].idx, offset + toks[-1].idx + len(toks[-1]))


def _contiguous(toks: list[Token], anchor: int) -> list[Token]:
    """The run of consecutive tokens around token index `anchor`, without edge punctuation."""
    toks = sorted(toks, key=lambda t: t.i)
    pos = next(k for k, t in enumerate(toks) if t.i == anchor)
    lo = hi = pos
    while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
        hi += 1
    run = toks[lo : hi + 1]
    while len(run) > 1 and not run[-1].text[:1].isalnum():
        run.pop()
    while len(run) > 1 and not run[0].text[:1].isalnum():
        run.pop(0)
    return run


def _asked_of(verb: Token) -> bool:
    """ "Asked whether he would run again, Vell smiled": a bare passive participle before
    (or after: "..., she said when asked how ...") the main clause reports a question put to
    its subject by someone unnamed; the subject answers, he does not ask. With its asker
    ("asked by a reporter if ...") the agent is the source."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "agent", "aux", "auxpass") for c in verb.children
        )
    )


# "Gonzalez, asked whether talks could resume, said ...": participles of a question put to
# the subject (or of being reached for comment) that stand between the subject and its cue.
QUESTIONED = wordset(
    """asked questioned pressed quizzed challenged pushed queried probed grilled contacted
    reached approached interviewed"""
)
QUESTIONED_LEADS = wordset("when after once if as while")


def interposed_participle(verb: Token) -> bool:
    """Is `verb` the participle of "X, (when) asked whether ..., said ..." (`QUESTIONED`,
    between commas after its subject's noun, a finite verb right after the second comma)?
    The parser often makes it the subject's verb ("Gonzalez asked whether ...") and the cue
    its complement; the question was put to the subject, who answers with the cue."""
    return _participle_frame(verb) is not None


def _participle_frame(verb: Token) -> tuple[Token, Token] | None:
    """(the subject's noun before the participle, the cue after it) of an interposed
    participle `verb` (`interposed_participle`), or None."""
    if verb.lower_ not in QUESTIONED or verb.tag_ not in ("VBN", "VBD"):
        return None
    doc, k = verb.doc, verb.i - 1
    if k >= 1 and doc[k].lower_ in QUESTIONED_LEADS:
        k -= 1
    if k < 1 or doc[k].text != "," or not doc[k - 1].tag_.startswith(("NN", "PRP")):
        return None
    noun = doc[k - 1]
    sent_end = verb.sent.end
    for tok in doc[verb.i + 1 : min(sent_end - 1, verb.i + 30)]:
        after = doc[tok.i + 1]
        if tok.text == "," and after.tag_ in ("VBD", "VBZ", "VBP"):
            while noun.dep_ in ("compound", "flat") and noun.head.i < k:
                noun = noun.head
            return noun, after
        if tok.text in (";", ":") or tok.is_quote:
            return None
    return None


def _subject_before_aside(clause: Token) -> Token | None:
    """ "Union boss Sally Ward, quoting the late Bob Hawke, told the rally: ...": the parser
    made the participle ("quoting", "citing") the clausal subject of the cue and the name
    its subject; a participle set off by a comma after its own subject is an aside of that
    subject, who speaks (the quoted or cited one is no part of the name). The subject, or
    None when `clause` is no such participle."""
    if clause.tag_ not in ("VBG", "VBN") or clause.i < 2 or clause.doc[clause.i - 1].text != ",":
        return None
    return next(
        (c for c in clause.children if c.dep_ == "nsubj" and c.right_edge.i >= clause.i - 2),
        None,
    )


def _interposed_subject(verb: Token) -> Token | None:
    """ "Okafor, asked if he would resign, said ...": the subject of a cue without one of its
    own, after an interposed participle (`interposed_participle`) the parser took for the
    subject's verb; None when no such participle ends right before the cue."""
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != ",":
        return None
    for tok in doc[max(verb.sent.start, verb.i - 30) : verb.i - 1]:
        frame = _participle_frame(tok)
        if frame is not None and frame[1].i == verb.i:
            return frame[0]
    return None


def absolute_subject(participle: Token) -> Token | None:
    """ "Talks collapsed on Saturday, with the transport secretary, Gareth Hartley, accusing
    union leaders of ...": in the absolute construction "with NP V-ing" the noun phrase
    before the participle acts it, not the clause's subject. The parser hangs the participle
    on "with" beside its object, or on the clause's verb right after the "with" phrase (then
    nothing but the comma closing an apposition may stand between them). Returns that object
    (its appositions follow it in `source_span`), or None for any other participle
    ("responded by saying ...", "spoke with reporters, saying ...": the speaker speaks)."""
    if participle.tag_ != "VBG":
        return None
    if participle.dep_ == "pcomp":
        prep = participle.head
    elif participle.dep_ == "advcl":
        before = participle.left_edge.i - 1
        prep = next(
            (
                c
                for c in participle.head.children
                if c.dep_ == "prep"
                and c.i < participle.i
                and c.right_edge.i in (before, before - 1)
            ),
            None,
        )
        if prep is None:
            return None
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        gap = participle.doc[prep.right_edge.i + 1 : participle.left_edge.i]
        if obj is None or any(t.text != "," for t in gap):
            return None
        if len(gap) and not any(c.dep_ == "appos" for c in obj.children):
            return None
    else:
        return None
    if prep.lower_ != "with":
        return None
    return next((c for c in prep.children if c.dep_ == "pobj" and c.i < participle.i), None)


def _previous_conjunct(verb: Token) -> Token | None:
    """ "The government announced a package, but the minister termed it "inadequate" and said
    ...": the parser hangs every coordinated verb on the first one, but a verb without a
    subject of its own goes on with the nearest coordinated verb before it that has one (the
    minister says it, not the government). Returns that verb, or None when no earlier
    conjunct of the same head has its own subject (then the head's subject is shared)."""
    if verb.dep_ != "conj" or not verb.head.tag_.startswith("VB"):
        return None
    earlier = [
        c
        for c in verb.head.children
        if c.dep_ == "conj"
        and c.i < verb.i
        and c.tag_.startswith("VB")
        and any(s.dep_ == "nsubj" for s in c.children)
    ]
    return earlier[-1] if earlier else None


def _active_conjunct(verb: Token, head: Token) -> bool:
    """ "Officials were angered by the deal and predicted it would ...": an active verb
    conjoined to a passive one (`head`), reporting a clause, shares its subject: the one who
    predicts. "The bill was passed and said to be popular" reports no clause of its own."""
    return (
        verb.dep_ == "conj"
        and any(c.dep_ == "ccomp" for c in verb.children)
        and verb.head.i == head.i
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        and verb.tag_ in ("VBD", "VBZ", "VBP")
    )
