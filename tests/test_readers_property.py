"""Property tests: any bytes or garbage text fed to any reader gives documents and IngestIssues,
never an exception or a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence.errors import EvidenceError
from evidence.sources import FORMATS, detect_format, read_path

EXTENSIONS = [".txt", ".md", ".html", ".nbib", ".xml", ".ris", ".bib", ".csv", ".tsv", ".pdf", ""]

# text that looks a little like each export, so the parsers get past their first line
PREFIXES = [
    "",
    "PMID- 1\nTI  - ",
    "TY  - JOUR\nTI  - ",
    "@article{k,\n title={",
    "FN Clarivate\nVR 1.0\nPT J\nTI ",
    "title,abstract\n",
    "title\tabstract\n",
    '<?xml version="1.0"?><PubmedArticleSet><PubmedArticle>',
    "# Title\n\n## Methods\n",
    "<html><body><h2>Results</h2>",
    "%PDF-1.4\n",
]

SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _check(path: Path) -> None:
    try:
        fmt = detect_format(path)
        assert fmt in FORMATS
    except EvidenceError:
        pass
    result = read_path(path, pdf_timeout_s=10)
    for doc in result.documents:
        assert doc.blocks and doc.text
    for issue in result.issues:
        assert issue.source_path == str(path) and issue.message
        assert "Traceback" not in issue.message


@SETTINGS
@given(data=st.binary(max_size=2000), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes(tmp_path: Path, data: bytes, ext: str) -> None:
    path = tmp_path / f"input{ext}"
    path.write_bytes(data)
    _check(path)


@SETTINGS
@given(
    prefix=st.sampled_from(PREFIXES), body=st.text(max_size=800), ext=st.sampled_from(EXTENSIONS)
)
def test_garbage_text_after_a_plausible_header(
    tmp_path: Path, prefix: str, body: str, ext: str
) -> None:
    path = tmp_path / f"input{ext}"
    path.write_bytes((prefix + body).encode("utf-8", errors="replace"))
    _check(path)


@pytest.mark.parametrize(
    "fmt_line", ["ER  - \n" * 5, "ER\nER\nEF\n", "@comment{x}\n@string{a = {b}}\n", "PMID- \n\n\n"]
)
def test_degenerate_exports(tmp_path: Path, fmt_line: str) -> None:
    path = tmp_path / "odd.txt"
    path.write_text(fmt_line)
    _check(path)
