"""Task runners for when one machine's threads are not enough."""

from __future__ import annotations

import os
from typing import Any


def dask_runner() -> Any:
    """A DaskTaskRunner: a local process cluster, or the scheduler at EVIDENCE_DASK_ADDRESS."""
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as e:  # pragma: no cover - depends on the install
        from evidence.errors import MissingDependencyError

        raise MissingDependencyError(
            "the Dask task runner is not installed",
            hint="pip install -e '.[dask]'",
        ) from e
    address = os.environ.get("EVIDENCE_DASK_ADDRESS")
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(
        cluster_kwargs={"n_workers": os.cpu_count() or 2, "threads_per_worker": 1}
    )
