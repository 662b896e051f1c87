"""PDF reader on real papers (reading order, running lines, references, hyphen joins) and on
every odd PDF (encrypted, image-only, truncated, empty, malformed): a clear issue, never a crash."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evidence.errors import ParseTimeoutError
from evidence.records import Document, ReadResult
from evidence.sources import pdf as pdf_reader
from evidence.sources import read_path

PAPERS = [
    "bmc_hsr_2023_s12913-023-10430-w.pdf",
    "cermine_example1_int_psychogeriatr_2014.pdf",
    "cermine_example2_bmc_hsr_2014.pdf",
    "cermine_test1_j_trauma_manag_outcomes_2010.pdf",
    "cermine_test2_rehabil_res_pract_2010.pdf",
]

_cache: dict[str, ReadResult] = {}


def _read(path: Path) -> ReadResult:
    key = str(path)
    if key not in _cache:
        _cache[key] = read_path(path)
    return _cache[key]


@pytest.mark.parametrize("name", PAPERS)
def test_paper_reads_with_sections(shared_dir: Path, name: str) -> None:
    result = _read(shared_dir / "corpus/pdfs" / name)
    assert result.issues == []
    (doc,) = result.documents
    assert doc.is_full_text and doc.n_pages and doc.title
    sections = [b.section for b in doc.blocks]
    assert sections[0] == "title"
    assert {"methods", "references"} <= set(sections)
    assert all(b.page is not None and 1 <= b.page <= doc.n_pages for b in doc.blocks)
    # references come after the methods and later stages can tell them apart
    assert sections.index("references") > sections.index("methods")
    assert "\ufb01" not in doc.text and "\u00ad" not in doc.text and "\u00a0" not in doc.text
    for b, start in zip(doc.blocks, doc.block_starts, strict=True):
        assert doc.text[start : start + len(b.text)] == b.text


def _doc(shared_dir: Path, name: str) -> Document:
    return _read(shared_dir / "corpus/pdfs" / name).documents[0]


def test_metadata_from_first_page(shared_dir: Path) -> None:
    doc = _doc(shared_dir, "bmc_hsr_2023_s12913-023-10430-w.pdf")
    assert (
        doc.title == "Mental health outcomes of hospital staff during the COVID-19 pandemic in Iran"
    )
    assert doc.doi == "10.1186/s12913-023-10430-w"
    assert doc.n_pages == 11
    assert _doc(shared_dir, "cermine_test1_j_trauma_manag_outcomes_2010.pdf").title == (
        "Complications related to deep venous thrombosis prophylaxis in trauma: a systematic review of the literature"
    )


def test_an_article_type_banner_is_no_part_of_the_title(shared_dir: Path) -> None:
    doc = _doc(shared_dir, "cermine_test2_rehabil_res_pract_2010.pdf")
    assert doc.title == "Patient Experiences of Structured Heart Failure Programmes"


def test_running_headers_and_page_numbers_removed(shared_dir: Path) -> None:
    doc = _doc(shared_dir, "bmc_hsr_2023_s12913-023-10430-w.pdf")
    body = [b.text for b in doc.blocks if b.page and b.page > 1]
    assert not any(re.search(r"Page \d+ of 11", t) for t in body)
    assert not any("Salehi et al. BMC Health Services Research (2023) 23:1447" in t for t in body)
    trauma = _doc(shared_dir, "cermine_test1_j_trauma_manag_outcomes_2010.pdf")
    assert "traumamanagement.org/content/4/1/1" not in "\n".join(
        b.text for b in trauma.blocks if b.page and b.page > 1
    )


def test_two_column_reading_order_and_hyphen_joins(shared_dir: Path) -> None:
    doc = _doc(shared_dir, "cermine_test1_j_trauma_manag_outcomes_2010.pdf")
    intro = next(b.text for b in doc.blocks if b.section == "introduction")
    # left column flows on into the right column, hyphenated words are joined
    assert "Although DVT alone is not life-threatening, a resulting pulmonary embolism" in intro
    assert intro.index("pharmacologic anticoagulation with low molecular") < intro.index(
        "weight heparins (LMWHs) as the primary"
    )
    assert "immobilization" in intro
    methods = next(b.text for b in doc.blocks if b.section == "methods")
    assert methods.startswith(
        "All scientific publications discussing the use of biochemical, mechanical"
    )
    # the two columns are never interleaved line by line
    hindawi = _doc(shared_dir, "cermine_test2_rehabil_res_pract_2010.pdf")
    intro2 = next(b.text for b in hindawi.blocks if b.section == "introduction")
    assert (
        "Heart failure places significant burden on primary and secondary care services." in intro2
    )


def test_tightly_set_words_are_split(shared_dir: Path) -> None:
    doc = _doc(shared_dir, "cermine_example1_int_psychogeriatr_2014.pdf")
    assert (
        "The impact of stressful life events as a risk factor of dementia diseases" in doc.abstract
    )


def test_synthetic_two_column(shared_dir: Path) -> None:
    result = read_path(shared_dir / "corpus/pdfs-odd/multicolumn_pypdf-samples.pdf")
    (doc,) = result.documents
    assert doc.title == "Two-Column Document with Lorem Ipsum"


ODD = {
    "empty_zero_bytes_pdfplumber.pdf": "empty",
    "encrypted_pdfminer_aes-256.pdf": "needs the password",
    "encrypted_pdfminer_no_id.pdf": "needs the password",
    "encrypted_pdfplumber_password-example.pdf": "needs the password",
    "encrypted_pypdf-samples_libreoffice-writer-password.pdf": "needs the password",
    "encrypted_pypdf_r6-user-password.pdf": "needs the password",
    "image_jbig2_pdfminer.pdf": "no text layer",
    "image_only_fax_ccitt_pypdf-samples.pdf": "no text layer",
    "image_only_pypdf-samples_base64image.pdf": "no text layer",
    "image_only_pypdf-samples_grayscale.pdf": "no text layer",
    "no_text_layer_cermine_timeout_simple.pdf": "no text layer",
    "malformed_pdfplumber_issue-932.pdf": "no text layer",
    "truncated_derived_from_cermine_example2.pdf": "damaged or truncated",
    "malformed_pdfminer_evil-xobjects.pdf": "very little text",
    "rotated_rtl_pypdf-samples_habibi.pdf": "very little text",
    "vertical_text_pdfminer_issue-449.pdf": "very little text",
    # readable ones: a document and no issue
    "bad_metadata_pypdf-samples.pdf": None,
    "corrupted_pdfminer_zen_of_python.pdf": None,
    "multicolumn_pypdf-samples.pdf": None,
    "scanned_with_ocr_layer_pypdf_vicksburg.pdf": None,
    "letterspaced_cermine_timeout_complex.pdf": None,
}


def test_every_odd_pdf_is_listed(shared_dir: Path) -> None:
    assert {p.name for p in (shared_dir / "corpus/pdfs-odd").glob("*.pdf")} == set(ODD)


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_pdf_gives_the_right_issue(shared_dir: Path, name: str) -> None:
    path = shared_dir / "corpus/pdfs-odd" / name
    result = read_path(path, pdf_timeout_s=60)
    expected = ODD[name]
    if expected is None:
        assert result.issues == [] and len(result.documents) == 1
        return
    (issue,) = result.issues
    assert expected in issue.message
    assert issue.source_path == str(path) and issue.stage == "read" and issue.hint
    if issue.severity == "error":
        assert result.documents == []
    else:
        assert len(result.documents) == 1


def test_time_limit_cuts_off_a_slow_parse(shared_dir: Path) -> None:
    path = shared_dir / "corpus/pdfs-odd/letterspaced_cermine_timeout_complex.pdf"
    with pytest.raises(ParseTimeoutError, match="longer than"):
        pdf_reader.read(path, timeout_s=0.3)
    result = read_path(path, pdf_timeout_s=0.3)
    assert result.documents == []
    (issue,) = result.issues
    assert "time limit" in issue.message or "limit" in issue.message
    assert "pdf_timeout_s" in (issue.hint or "")


def test_not_a_pdf_with_pdf_extension(tmp_path: Path) -> None:
    p = tmp_path / "fake.pdf"
    p.write_text("<html>404 not found</html>")
    (issue,) = read_path(p).issues
    assert "not a PDF" in issue.message


def test_join_lines() -> None:
    assert (
        pdf_reader.join_lines(["treat-", "ment of", "COVID-", "19 patients"])
        == "treatment of COVID-19 patients"
    )
    assert pdf_reader.normalise("ﬁnding\u00a0the ﬂow\u00ad") == "finding the flow"


def _word(text: str, x1: float, top: float) -> dict[str, object]:
    return {"text": text, "x0": x1 - 5 * len(text), "x1": x1, "top": top, "bottom": top + 9}


def test_manuscript_line_numbers_are_dropped() -> None:
    # an author manuscript numbers its lines in the gutter: 12, 13, 14 ... down the page
    numbers = [_word(str(n), 314.6, 80 + 37 * i) for i, n in enumerate(range(12, 20))]
    text = [_word("assist-", 290, 80), _word("ance", 350, 80), _word("REFERENCES", 300, 117)]
    kept = pdf_reader.drop_line_numbers(numbers + text)
    assert [w["text"] for w in kept] == ["assist-", "ance", "REFERENCES"]
    # a table's column of counts is no run of line numbers, nor are a few numbered items
    counts = [_word(str(n), 400, 80 + 12 * i) for i, n in enumerate([412, 96, 1231, 18, 77])]
    items = [_word(str(n), 60, 80 + 12 * i) for i, n in enumerate(range(1, 5))]
    assert pdf_reader.drop_line_numbers(counts + items) == counts + items


def test_manuscript_with_line_numbers_finds_its_references(shared_dir: Path) -> None:
    # the accepted manuscript numbers its lines; "REFERENCES 18 1 Acharya" once hid the
    # heading, and the reference list was read as the study's text
    doc = _doc(shared_dir, "cermine_example3_clin_sci_2014.pdf")
    heads = [b.heading for b in doc.blocks if b.section == "references"]
    assert "REFERENCES" in heads
    other = "\n".join(b.text for b in doc.blocks if b.section == "other")
    assert "technical assistance" in other
    assert "Acharya, K. R." not in other
