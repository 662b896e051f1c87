"""Prefect environment defaults, set before Prefect is imported.

State goes where the user says (PREFECT_HOME), telemetry is off, and no server needs to
be started by the user: Prefect runs an ephemeral one in-process.
"""

from __future__ import annotations

import os
from pathlib import Path


def configure(processed_dir: Path | None = None) -> None:
    if "PREFECT_HOME" not in os.environ:
        base = processed_dir or Path.cwd() / "data" / "processed"
        os.environ["PREFECT_HOME"] = str(Path(base) / ".prefect")
    Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "true")
    # a busy 2-core machine needs more than the default 20 s to start the ephemeral API
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
