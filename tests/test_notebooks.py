"""Execute every notebook against a database, so they can never silently break.

The notebooks are kept as jupytext percent scripts (notebooks/*.py) paired with .ipynb; they
run in a kernel started from this interpreter (a kernelspec written to a temp dir), reading
the database named by EVIDENCE_DB.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

jupytext = pytest.importorskip("jupytext")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
import nbformat  # noqa: E402

from evidence.store import connect, read_only  # noqa: E402

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
SCRIPTS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))
KERNEL = "evidence-tests"


@pytest.fixture(scope="session")
def notebook_db(sample_db: Path) -> Path:
    """The database `evidence run` builds from the bundled sample corpus."""
    return sample_db


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("nb_empty") / "evidence.duckdb"
    connect(path).close()
    return path


@pytest.fixture(scope="session")
def kernel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kernelspec that starts ipykernel with this very interpreter (not `python` on PATH)."""
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / KERNEL
    spec.mkdir(parents=True)
    spec.joinpath("kernel.json").write_text(
        json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "evidence tests", "language": "python",
        }),
        encoding="utf-8",
    )  # fmt: skip
    return root


def _run(
    script: Path, db: Path, kernel_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> nbformat.NotebookNode:
    monkeypatch.setenv("EVIDENCE_DB", str(db))
    monkeypatch.setenv("JUPYTER_PATH", str(kernel_dir))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = jupytext.read(script)
    client = nbclient.NotebookClient(
        nb, kernel_name=KERNEL, timeout=180, resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    return nb


def _outputs(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.append(str(out.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def _n_images(nb: nbformat.NotebookNode) -> int:
    return sum("image/png" in out.get("data", {}) for c in nb.cells for out in c.get("outputs", []))


def test_three_notebooks_are_present() -> None:
    assert [p.stem for p in SCRIPTS] == [
        "01_explore_evidence", "02_factors_and_themes", "03_evidence_gap_map",
    ]  # fmt: skip


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_paired_ipynb_matches_the_script(script: Path) -> None:
    paired = script.with_suffix(".ipynb")
    assert paired.exists(), f"run `jupytext --sync {script}`"
    text = [c.source for c in jupytext.read(script).cells]
    ipynb = [c.source for c in nbformat.read(paired, as_version=4).cells]
    assert ipynb == text, f"{paired.name} is out of date: run `jupytext --sync {script}`"


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_notebook_runs_on_the_evidence(
    script: Path, notebook_db: Path, kernel_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nb = _run(script, notebook_db, kernel_dir, monkeypatch)
    text = _outputs(nb)
    assert _n_images(nb) >= 2
    with read_only(notebook_db) as con:
        n_studies = con.execute("SELECT count(*) FROM evidence_studies").fetchone()[0]
        n_factors = con.execute(
            "SELECT count(DISTINCT factor_id) FROM evidence_factors"
        ).fetchone()[0]
    expected = {
        "01_explore_evidence": f"{n_studies} studies in",
        "02_factors_and_themes": f"{n_factors} factors",
        "03_evidence_gap_map": "conflicting cells",
    }[script.stem]
    assert expected in text


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_notebook_runs_on_an_empty_database(
    script: Path, empty_db: Path, kernel_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nb = _run(script, empty_db, kernel_dir, monkeypatch)
    assert _n_images(nb) >= 1
