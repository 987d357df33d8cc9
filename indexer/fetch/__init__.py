"""Fetching from the live web, before reading: pages and RSS/Atom feeds by URL.

``client`` (polite, bounded HTTP GETs), ``urls`` (one URL per article), ``sources`` (URLs
as inputs of the indexing run), ``state`` (what ``watch`` remembers), ``watch`` (polling).
"""
