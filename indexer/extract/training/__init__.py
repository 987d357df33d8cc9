"""Scripts that derive the extractor's small data files from PolNeAR train (run by hand)."""
