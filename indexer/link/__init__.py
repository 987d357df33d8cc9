"""Linking: stable ids, canonical speakers and outlets, statements and syndicated copies."""

from indexer.link.linker import Linker

__all__ = ["VERSION", "Linker"]

# Changes whenever the linking rules do (this package: speakers, outlets, statements,
# syndication, and the lexicon words they read), so that unchanged input stored under
# other rules is linked again: part of every article's ``input_hash``
# (:func:`indexer.prepare.input_fingerprint`).
# 4: hyphenated surnames, gender, initials, "Col" as a given name (session 9); 3: given names,
# honorifics, role hygiene (session 8); 2: ids from words (7)
RULES_VERSION = "4"
VERSION = f"link.{RULES_VERSION}"
