"""Preloaded by the extraction worker server: builds one Extractor before any worker forks.

``Extractor`` with ``n_process > 1`` starts its workers from a ``forkserver`` that imports
this module once, so every worker starts with the pipeline already built (about 1.5 s saved
per worker) and no worker is forked from a process that holds threads (Prefect's, Dask's).
Nothing else imports this module.
"""

from __future__ import annotations

import gc

from evidence.extract.pipeline import Extractor

EXTRACTOR = Extractor()
# the server forks every worker from here: workers then never walk the pipeline's objects
# in a collection, which would copy each page they sit on
gc.freeze()
