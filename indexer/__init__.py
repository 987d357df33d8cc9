"""The indexing pipeline: read -> extract -> link -> store.

OpenBLAS (numpy's BLAS, which spaCy's parser calls) is held to one thread here, before any
module of the pipeline imports numpy (OpenBLAS reads it then, once): extraction runs one
process per core, and OpenBLAS's threading costs the parser about a sixth of its CPU time.
A value the environment gives is kept.
"""

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
