"""Linking: stable ids, canonical speakers and outlets, statements and syndicated copies."""

from indexer.link.linker import Linker

__all__ = ["Linker"]
