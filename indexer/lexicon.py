"""Word lists shared by extraction and linking: titles, organization words, known outlets.

Each list is written once. Where the extractor (reading running text) and the linker
(cleaning names on records) have always used different contents, the shared core is one
list and each stage's difference is a named, documented extra, so that neither stage's
output changed when the lists were brought together. All words are lowercase.
"""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string (easier to read and extend)."""
    return frozenset(text.split())


# --- Lower-case particles inside a person's name ------------------------------------------
# "Charles de Gaulle", "Jan van der Berg", "João da Silva Pereira", "Khalid bin Saeed Al
# Nuaimi", "Ana de la Cruz", "Maria dos Santos": one name, however many particles it holds.
NAME_PARTICLES = wordset(
    "de van von der den da di du del della la le bin bint ibn al el ter ten dos das st"
)


# --- Dates written before a name: "On Tuesday Delgado denied", "In March Ortiz said" -------
# Capitalised like a name, never part of one: a weekday or a day word always, a month (also a
# given name: "June Carter") when a preposition or determiner puts it in time ("in March").
WEEKDAYS = wordset("monday tuesday wednesday thursday friday saturday sunday")
DAY_WORDS = wordset("today yesterday tomorrow tonight")
MONTHS = wordset(
    "january february march april may june july august september october november december"
)
TIME_LEADS = wordset("on in since by until till from during last next this early late mid")


# --- Title Case: the words it leaves in lower case ("Make Your Kid a Millionaire") ----------

TITLE_CASE_SMALL = wordset(
    "a an the and but or nor for of in on at to by up as with from into over via vs"
)


def title_case(words: list[str]) -> bool:
    """Are `words` (stripped of punctuation) written in Title Case: at least two words other
    than the lower-case `TITLE_CASE_SMALL`, each starting with a capital or a non-letter?"""
    content = [w for w in words if w and w not in TITLE_CASE_SMALL]
    return len(content) >= 2 and all(w[:1].isupper() or not w[:1].isalpha() for w in content)


# --- titles before a name: "Defence Minister Andrii Vedmid", "Sen. John Smith" -------------

TITLES = wordset(
    """mr mrs ms dr prof sen rep gen president senator governor secretary representative
    judge justice mayor minister prime chancellor ambassador spokesman spokeswoman
    spokesperson chairman chairwoman ceo deputy commander councilman councilwoman councillor
    councilor officer bishop sir dame"""
)
# Abbreviated titles, which the extractor also matches with their period ("Sen.", "Lt.").
ABBREVIATED_TITLES = wordset("mr mrs ms dr prof sen rep gov gen lt col sgt")
# The words the abbreviated titles of an office or rank stand for: "Sen. Robert Fielding" is
# the one a headline's "Senator says ..." means.
TITLE_WORDS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "prof": "professor",
    "lt": "lieutenant",
    "col": "colonel",
    "sgt": "sergeant",
}
# Titles that are also given names or their short forms ("Col" for Colin, "Gen", "Maj",
# "Major Garrett", "Dean"): nameparser leaves such words out of its title list ("cannot
# include things that could also be given names, e.g. 'dean'", nameparser.config.titles);
# the linker takes one for a title only where the text writes it as one
# (`indexer.link.speakers.written_as_title`).
TITLES_ALSO_GIVEN_NAMES = wordset("col gen maj major dean")
# Titles only the extractor strips from speaker names: local officials, police, clergy,
# academic and service ranks ("Professor Cres Eastman" is Cres Eastman, whom a later "he"
# continues) and "Gov" (the linker never had it).
EXTRACT_TITLES = wordset(
    """gov alderman commissioner inspector superintendent sheriff detective pastor rabbi
    professor captain lieutenant sergeant colonel constable"""
)
# Titles only the linker strips from canonical person names: ranks (also "Lt", "Col", "Sgt"
# without a period, which the extractor never matched), nobility, clergy and job titles.
LINK_TITLES = wordset(
    """lt col sgt miss lord lady rev vice premier general colonel major maj capt captain
    lieutenant admiral sergeant chief director head chair cfo coo founder professor
    congressman congresswoman mp mep king queen prince princess pope cardinal sheikh emir
    official analyst economist"""
)

# Offices and police ranks written as capitalised abbreviations before a holder's name
# ("Independent MP Allegra Spender", "BJP MLA Munirathna", "Det Insp Sarah Khan", "Supt
# Ian Cole"): a role, never part of the name. Matched as written (case-sensitive: "td" or
# "pc" in running text are other words); UK/Irish/Indian parliaments and UK police ranks.
WRITTEN_TITLES = wordset("MP MLA MEP MSP TD MLC MHA Det Insp DCI Supt Ch PC")

# Titles written with a hyphen ("Secretary-General António Guterres"): one title, never a
# piece of the name; and the words a role ends in before its holder's name when a phrase
# names what the role is for or where it is held ("Ambassador to the United States",
# "Special Envoy for Climate Change", "Minister of State for Trade").
HYPHENATED_TITLES = wordset(
    """secretary-general attorney-general director-general lieutenant-general major-general
    brigadier-general solicitor-general governor-general inspector-general surgeon-general
    postmaster-general adjutant-general vice-president vice-chancellor vice-admiral
    rear-admiral lieutenant-colonel lieutenant-governor under-secretary deputy-director
    president-elect vice-president-elect governor-elect mayor-elect senator-elect"""
)
# Offices written after a portfolio or body and before the holder's name that are no
# title of address ("Opposition Leader Sussan Leigh", "Shadow Treasurer Ann Roe").
PARTY_OFFICES = wordset("leader treasurer whip premier")
ROLE_WORDS = wordset(
    """envoy rapporteur coordinator delegate consul undersecretary counsel adviser advisor
    representative commissioner ambassador minister secretary spokesman spokeswoman
    spokesperson director chief head chair chairman chairwoman president leader"""
)

# How an occupation noun ends ("teacher", "developer", "surgeon", "pharmacist", "librarian").
OCCUPATION_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "eer", "eon")

# Post-nominal letters written in capitals after a name ("David Ames KC", "Dame Ann Lowe
# DBE", "Ruth Adeyemi MP"): the role's, never part of the name (UK honours and ranks, silks
# and elected offices; doctorates).
POST_NOMINALS = wordset("""kc qc sc mp msp mla mep obe cbe mbe kbe dbe bem frs phd""")


def is_post_nominal(word: str) -> bool:
    """ "KC", "OBE", "PhD", "Ph.D." after a name; "Kc" or "Mp" are not."""
    bare = word.strip(".,").replace(".", "")
    return bare.lower() in POST_NOMINALS and (bare.isupper() or bare == "PhD")


# --- organizations -----------------------------------------------------------------------

# A name with one of these words is an organization's ("Ministry of Defence", "Pfizer Inc").
ORG_WORDS = wordset(
    """ministry department agency committee party inc corporation company university institute
    council commission bureau service office association foundation bank court senate
    government police army navy union organisation parliament authority pharmaceuticals
    college school academy society trust hospital coastguard brigade"""
)
# Further organization words of the extractor: news brands, business suffixes, institutions
# (in running text, before names are folded as the linker folds them).
EXTRACT_ORG_WORDS = wordset(
    """campaign inc. corp corp. center centre fund congress house administration forces
    intelligence network news times post journal press organization kremlin pentagon cabinet
    board industries holdings systems technologies airlines motors labs laboratories energy
    gaming publishing consulting entertainment studios productions robotics
    therapeutics biosciences logistics"""
)
# Further organization words of the linker: alliances, embassies, British company suffixes.
LINK_ORG_WORDS = wordset("embassy federation ltd plc compact alliance coalition")
# Common nouns that stand for an organization on their own ("the ministry said").
ORG_NOUNS = wordset(
    """ministry department campaign government administration agency company committee office
    military army police court network organization organisation firm party regulator
    watchdog authority council commission union"""
)
# One word that names a kind of organization or group, never one organization ("The
# Ministry said"): alone, it is a description, and no speaker page may gather it across
# articles (every ministry would share one).
GENERIC_ORG_NOUNS = ORG_NOUNS | wordset(
    """association bank board bureau center centre corporation foundation fund institute
    service university group groups legion battalion militia coalition college school
    academy society trust hospital"""
)

# --- news outlets ------------------------------------------------------------------------

# The big wires and papers under every name and domain they go by:
# canonical name -> (other names, domains). Linking merges these into one record each.
KNOWN_OUTLETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Reuters": (("Thomson Reuters", "Reuters News"), ("reuters.com",)),
    "Associated Press": (("AP", "The Associated Press", "AP News"), ("apnews.com", "ap.org")),
    "Agence France-Presse": (("AFP", "Agence France Presse"), ("afp.com",)),
    "TASS": (("ITAR-TASS", "Tass"), ("tass.com", "tass.ru")),
    "RIA Novosti": (("RIA",), ("ria.ru",)),
    "Interfax": (("Interfax-Ukraine",), ("interfax.com", "interfax.ru")),
    "Xinhua": (("Xinhua News Agency",), ("xinhuanet.com", "news.cn")),
    "BBC": (("BBC News", "British Broadcasting Corporation"), ("bbc.com", "bbc.co.uk")),
    "CNN": (("Cable News Network",), ("cnn.com",)),
    "The Guardian": (("Guardian",), ("theguardian.com",)),
    "The New York Times": (("New York Times", "NYT"), ("nytimes.com",)),
    "The Washington Post": (("Washington Post",), ("washingtonpost.com",)),
    "Bloomberg": (("Bloomberg News",), ("bloomberg.com",)),
    "Al Jazeera": (("Al Jazeera English",), ("aljazeera.com",)),
    "Deutsche Presse-Agentur": (("dpa", "DPA"), ("dpa.com",)),
    "Kyiv Independent": (("The Kyiv Independent",), ("kyivindependent.com",)),
    "Ukrainska Pravda": (("Ukrayinska Pravda",), ("pravda.com.ua",)),
}
# Hosts that carry other outlets' articles under their own domain (portals, news apps): the
# host of an article there is no evidence of its outlet, and no outlet learns the domain.
# Any other host carrying two outlets that articles state is found out while linking.
AGGREGATOR_DOMAINS = frozenset(
    [
        "msn.com",
        "news.yahoo.com",
        "yahoo.com",
        "news.google.com",
        "apple.news",
        "flipboard.com",
        "newsbreak.com",
        "smartnews.com",
    ]
)
# Known outlets' names the extractor has never recognised in running text (a bare
# "Guardian" or "NYT" is not taken for an outlet); kept out so its output did not change.
NAMES_NOT_IN_TEXT = frozenset(
    [
        "thomson reuters",
        "reuters news",
        "ap news",
        "agence france presse",
        "itar-tass",
        "interfax-ukraine",
        "xinhua news agency",
        "bbc news",
        "british broadcasting corporation",
        "cable news network",
        "guardian",
        "nyt",
        "bloomberg news",
        "al jazeera english",
        "deutsche presse-agentur",
        "ukrainska pravda",
        "ukrayinska pravda",
    ]
)
# Further outlets the extractor recognises by name in running text (linking treats them as
# any other outlet name).
OTHER_OUTLETS = wordset(
    """ap afp dpa abc cbs nbc msnbc npr pbs time vox axios politico breitbart newsweek buzzfeed
    huffpost novosti ria-novosti al-jazeera ukrinform unian meduza kommersant izvestia yonhap
    kyodo efe ansa anadolu rt cnbc cnn bloomberg nos rtl zdf ard nhk euronews
    pti ani ians upi"""
) | frozenset(
    [
        "fox news",
        "fox business",
        "france 24",
        "deutsche welle",
        "the hill",
        "usa today",
        "business insider",
        "huffington post",
        "the atlantic",
        "the telegraph",
        "the independent",
        "the economist",
        "daily mail",
        "sky news",
        "wall street journal",
        "the wall street journal",
        "kyiv post",
        "der spiegel",
        "le monde",
        "the times",
        "financial times",
        "western journalism",
        "the daily beast",
        "daily beast",
        "the intercept",
    ]
)


def outlet_names_in_text() -> frozenset[str]:
    """Lowercase outlet names the extractor recognises in running text (an optional leading
    "the " is the extractor's to strip): the known outlets' names less NAMES_NOT_IN_TEXT,
    plus OTHER_OUTLETS."""
    known = {n.lower() for name, (aliases, _) in KNOWN_OUTLETS.items() for n in (name, *aliases)}
    return frozenset(known - NAMES_NOT_IN_TEXT) | OTHER_OUTLETS
