"""Shared fixtures. Real files are read from ../shared (never copied into the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVIDENCE_SHARED_DIR", ROOT.parent / "shared")).resolve()

os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect"))
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def root_dir() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole test session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> dict:
    """The main job (`evidence run`) on the bundled sample corpus, once per session."""
    from flows.run import run_flow

    out = tmp_path_factory.mktemp("sample_run")
    db = out / "evidence.duckdb"
    summary = run_flow(paths=[str(ROOT / "data" / "raw")], db=str(db), out_dir=str(out))
    summary["db"] = db
    summary["out_dir"] = out
    return summary


@pytest.fixture(scope="session")
def sample_db(sample_run: dict) -> Path:
    """Path to a database built from data/raw by the real pipeline (read it, don't write it)."""
    return Path(sample_run["db"])
