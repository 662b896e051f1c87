"""Readers: one real export per format with its record count, text/Markdown/HTML pages,
encodings, discovery and format sniffing. Real files come from ../shared (never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.errors import SourceError, UnsupportedFormatError
from evidence.records import Document
from evidence.sources import detect_format, discover, read_path
from evidence.sources._common import record_document, undouble_sections
from evidence.sources._sections import classify_heading

PERU = "corpus/abstracts/peru_hospitals_multiformat"

# (path under ../shared, format, records expected, records skipped with a warning)
EXPORTS = [
    (f"{PERU}/PUBMED_21032026_240.txt", "medline", 240),
    (f"{PERU}/pubmed.txt", "medline", 10),
    ("corpus/abstracts/format_samples/citations_single_record.nbib", "medline", 1),
    (f"{PERU}/EMBASE_21032026_571.ris", "ris", 571),
    (f"{PERU}/SCOPUS_21032026_612.bib", "bibtex", 612),
    (f"{PERU}/WOS_21032026_653.bib", "bibtex", 653),
    (f"{PERU}/SCIELO_21032026_214.txt", "wos", 214),
    (f"{PERU}/savedrecs.txt", "wos", 428),
    ("corpus/labelled/pubmed_xml_pubtypes/pubmed_result_air_embolism.xml", "pubmed_xml", 121),
    ("corpus/abstracts/covid19_mhsr/20200519_163158_newrefs.csv", "csv", 1326),
    ("corpus/abstracts/burnout_hcw_covid_living_subset.csv", "csv", 930),
    (f"{PERU}/pubmed.csv", "csv", 10),
]


@pytest.fixture(scope="module")
def read_cache() -> dict[str, object]:
    return {}


def _read(shared_dir: Path, rel: str, cache: dict[str, object]):  # type: ignore[no-untyped-def]
    if rel not in cache:
        cache[rel] = read_path(shared_dir / rel)
    return cache[rel]


@pytest.mark.parametrize(("rel", "fmt", "count"), EXPORTS, ids=[Path(e[0]).name for e in EXPORTS])
def test_export_record_count(
    shared_dir: Path, read_cache: dict[str, object], rel: str, fmt: str, count: int
) -> None:
    path = shared_dir / rel
    assert detect_format(path) == fmt
    result = _read(shared_dir, rel, read_cache)
    assert result.format == fmt
    assert [i for i in result.issues if i.severity == "error"] == []
    assert len(result.documents) == count
    docs: list[Document] = result.documents
    assert [d.record_index for d in docs] == sorted(d.record_index for d in docs)
    for d in docs:
        assert d.title or d.abstract
        assert not d.is_full_text
        assert d.text and d.block_starts[0] == 0
        assert all(b.section in ("title", "abstract", "keywords") for b in d.blocks)


def test_medline_fields(shared_dir: Path, read_cache: dict[str, object]) -> None:
    docs = _read(shared_dir, f"{PERU}/PUBMED_21032026_240.txt", read_cache).documents
    first = docs[0]
    assert first.pmid == "33723542"
    assert first.doi == "10.15403/jgld-3191"
    assert first.year == 2021
    assert first.title.startswith(
        "Vasoactive Agents for the Management of Acute Variceal Bleeding: A Systematic Review"
    )
    assert "  " not in first.title
    assert first.abstract.startswith("BACKGROUND AND AIMS: Vasoactive agents")
    assert first.publication_types and first.mesh
    assert sum(1 for d in docs if d.abstract) == 226


def test_pubmed_xml_pubtypes_and_structured_abstract(
    shared_dir: Path, read_cache: dict[str, object]
) -> None:
    docs = _read(
        shared_dir, "corpus/labelled/pubmed_xml_pubtypes/pubmed_result_air_embolism.xml", read_cache
    ).documents
    assert docs[0].pmid == "31045810"
    assert docs[0].doi == "10.1097/md.0000000000015437"
    assert sum(1 for d in docs if "Case Reports" in d.publication_types) == 82
    assert any(b.heading for d in docs for b in d.blocks if b.section == "abstract")
    assert all(d.mesh for d in docs[:5])


def test_ris_embase_fields(shared_dir: Path, read_cache: dict[str, object]) -> None:
    docs = _read(shared_dir, f"{PERU}/EMBASE_21032026_571.ris", read_cache).documents
    assert docs[0].doi == "10.1007/s00701-026-06779-6"
    assert docs[0].publication_types == ["Review"]
    assert docs[0].keywords[:2] == ["aneurysm clip", "imaging software"]
    assert sum(1 for d in docs if d.abstract) == 479
    assert sum(1 for d in docs if d.pmid) == 339
    assert "Peña" in docs[0].authors[0] or "Pe" in docs[0].authors[0]
    assert not any("Ã" in a for d in docs for a in d.authors)


def test_bibtex_scopus_fields(shared_dir: Path, read_cache: dict[str, object]) -> None:
    docs = _read(shared_dir, f"{PERU}/SCOPUS_21032026_612.bib", read_cache).documents
    d = docs[0]
    assert (
        d.title
        == "Knowledge of dementia and Alzheimer's disease among healthcare professionals in Peru"
    )
    assert d.doi == "10.1055/s-0044-1790576" and d.year == 2024
    assert d.authors[0] == "Malaga, Marco"
    assert sum(1 for x in docs if x.abstract) == 548


def test_wos_tagged_fields(shared_dir: Path, read_cache: dict[str, object]) -> None:
    docs = _read(shared_dir, f"{PERU}/savedrecs.txt", read_cache).documents
    d = docs[0]
    assert (
        d.title
        == "Pulmonary cryptococcosis in a patient with rheumatoid arthritis in the COVID era: a case report"
    )
    assert d.authors[0] == "Valderrama-Saldaña, Mayra" and len(d.authors) == 5
    assert d.year == 2024 and d.doi == "10.35663/amp.2024.414.3058"
    scielo = _read(shared_dir, f"{PERU}/SCIELO_21032026_214.txt", read_cache).documents
    assert sum(1 for x in scielo if x.abstract) == 184
    assert scielo[0].publication_types == ["case-report"]


def test_csv_doi_from_link_and_ovid_markup(shared_dir: Path, read_cache: dict[str, object]) -> None:
    living = _read(
        shared_dir, "corpus/abstracts/burnout_hcw_covid_living_subset.csv", read_cache
    ).documents
    assert sum(1 for d in living if d.doi) >= 780
    assert not any("Ã¡" in d.text for d in living)
    mhsr = _read(
        shared_dir, "corpus/abstracts/covid19_mhsr/20200519_163158_newrefs.csv", read_cache
    ).documents
    assert not any("<ovid:" in d.text or "<br" in d.text for d in mhsr)
    assert sum(1 for d in mhsr if d.pmid) > 500
    # sections an Ovid export wrote twice ("S1</AbstractText>: S1S2...") are read once
    doubled = next(d for d in mhsr if d.record_index == 97)
    assert "</AbstractText>" not in doubled.abstract and ".: " not in doubled.abstract
    assert doubled.abstract.count("could be psychologically stressed") == 1
    assert doubled.abstract.count("A total of 1257 of 1830 contacted individuals") == 1


def test_doubled_structured_sections_are_read_once() -> None:
    raw = "Background one.</AbstractText>: Background one.Methods two.</AbstractText>: Methods two."
    assert undouble_sections(raw) == "Background one.\nMethods two."
    assert undouble_sections("No markup here.") == "No markup here."


def _record(abstract: str) -> Document:
    doc = record_document(
        source_path=Path("export.csv"),
        fmt="csv",
        record_index=1,
        title="A case of COVID-19 presenting with encephalopathy",
        abstract=abstract,
    )
    assert isinstance(doc, Document)
    return doc


def test_a_reference_list_run_into_an_abstract_is_its_own_section() -> None:
    doc = _record(
        "We present a case of COVID-19 with neuropsychiatric symptoms. REFERENCE #1: "
        "Garg RK. Spectrum of Neurological Manifestations in Covid-19. Neurol India. 2020."
    )
    assert [(b.section, b.text[:14]) for b in doc.blocks] == [
        ("title", "A case of COVI"),
        ("abstract", "We present a c"),
        ("references", "REFERENCE #1: "),
    ]
    # an abstract that only speaks of references stays whole
    whole = _record(
        "We present a case of COVID-19 with neuropsychiatric symptoms. Our references follow."
    )
    assert [b.section for b in whole.blocks][-1] == "abstract"


def test_embase_text_export_is_rejected_clearly(shared_dir: Path) -> None:
    path = shared_dir / PERU / "embase.txt"
    with pytest.raises(UnsupportedFormatError, match="Embase plain-text export"):
        detect_format(path)
    result = read_path(path)
    assert result.documents == []
    assert len(result.issues) == 1 and "RIS" in (result.issues[0].hint or "")


def test_seed_text_inline_labels_become_sections(shared_dir: Path) -> None:
    doc = read_path(shared_dir / "seeds/000_d6d88308334938ec.txt").documents[0]
    sections = [b.section for b in doc.blocks]
    assert sections == ["body", "methods", "results", "conclusion"]
    assert doc.is_full_text


def test_seed_markdown_headings(shared_dir: Path) -> None:
    doc = read_path(shared_dir / "seeds/001_9896a133dc688a24.txt").documents[0]
    assert doc.title and doc.title.startswith(
        "Burnout amongst Psychological Wellbeing Practitioners"
    )
    sections = {b.section for b in doc.blocks}
    assert {"introduction", "methods", "results", "conclusion", "references"} <= sections
    assert "<sup>" not in doc.text


def test_seed_web_boilerplate_dropped(shared_dir: Path) -> None:
    doc = read_path(shared_dir / "seeds/003_d8c9ec42df9bc7a2.txt").documents[0]
    for junk in (
        "Subscribe",
        "Issue Access",
        "Article Only",
        "CME credits",
        "app access",
        "Print delivery",
        "$25.95",
    ):
        assert junk not in doc.text
    assert "focus groups" in doc.text
    assert doc.text.count("The cornerstone of this project was a series of focus groups") == 1


def test_html_page(tmp_path: Path) -> None:
    page = tmp_path / "paper.html"
    page.write_text(
        "<html><head><title>Burnout in nurses</title><script>var x=1;</script></head><body>"
        "<nav>Home | Journals</nav><div class='cookie'>We use cookies to improve your experience.</div>"
        "<h1>Burnout in ICU nurses</h1><h2>Methods</h2><p>We surveyed 300 nurses &amp; 20 doctors.</p>"
        "<h2>Results</h2><p>Workload was associated with burnout.</p><p>Subscribe</p></body></html>",
        encoding="utf-8",
    )
    assert detect_format(page) == "html"
    doc = read_path(page).documents[0]
    assert doc.title == "Burnout in ICU nurses"
    assert [b.section for b in doc.blocks] == ["title", "methods", "results"]
    assert "300 nurses & 20 doctors" in doc.text
    assert "cookies" not in doc.text and "var x" not in doc.text and "Subscribe" not in doc.text


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("cp1252", b""), ("utf-8", b"\xef\xbb\xbf"), ("latin-1", b""), ("utf-8", b"")],
)
def test_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    rows = 'Title,Abstract,Authors,DOI\n"Síndrome de burnout en enfermería","Estrés y agotamiento en enfermeras — año 2020; niño","Peña, José",https://doi.org/10.1000/ABC.1\n'
    path = tmp_path / "table.csv"
    path.write_bytes(bom + rows.encode(encoding, errors="replace"))
    result = read_path(path)
    assert not result.issues
    (doc,) = result.documents
    assert doc.title == "Síndrome de burnout en enfermería"
    assert "Estrés" in doc.abstract and "niño" in doc.abstract
    assert doc.doi == "10.1000/abc.1"


def test_mojibake_repaired(tmp_path: Path) -> None:
    path = tmp_path / "moji.tsv"
    path.write_text(
        "TI\tAB\nAtenciÃ³n primaria\tMÃ©dicos y enfermeras con burnout\n", encoding="utf-8"
    )
    doc = read_path(path).documents[0]
    assert doc.title == "Atención primaria" and doc.abstract == "Médicos y enfermeras con burnout"


def test_r_unicode_escapes_decoded(tmp_path: Path) -> None:
    # R's write.csv in a non-UTF-8 locale writes "<U+03B9>"; a C1 control so written is a byte
    # of doubly encoded UTF-8 (covid_suicide_living: "(nÃ¢<U+0080>Â¯=Ã¢<U+0080>Â¯6403)")
    path = tmp_path / "r_export.csv"
    path.write_text(
        'Title,Abstract\n"<U+0397> ep<U+03B9><U+03BA>","A survey (nÃ¢<U+0080>Â¯=Ã¢<U+0080>Â¯6403)"\n',
        encoding="utf-8",
    )
    doc = read_path(path).documents[0]
    assert doc.title == "Η epικ" and doc.abstract == "A survey (n = 6403)"


def test_broken_records_are_named_and_others_read(tmp_path: Path) -> None:
    ris = tmp_path / "broken.ris"
    ris.write_text(
        "TY  - JOUR\nTI  - First paper\nAB  - Nurses burnout.\nER  - \n\n"
        "garbage line without a tag\nER  - \n\n"
        "TY  - JOUR\nTI  - Third paper\nER  - \n",
        encoding="utf-8",
    )
    result = read_path(ris)
    assert [d.title for d in result.documents] == ["First paper", "Third paper"]
    assert len(result.issues) == 1 and "record 2" in (result.issues[0].location or "")
    bib = tmp_path / "broken.bib"
    bib.write_text(
        "@article{a, title={Good one}, year={2020}}\n@article{b, title={Broken\n\n@article{c, title={Also good}}\n"
    )
    result = read_path(bib)
    assert [d.title for d in result.documents] == ["Good one", "Also good"]
    (issue,) = result.issues
    assert issue.location == "record 2, line 2" and "broken BibTeX entry" in issue.message
    wos = tmp_path / "savedrecs.txt"
    wos.write_text(
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI One\nER\n\nXXXX stray\nPT J\nTI Two\nER\nEF\n"
    )
    result = read_path(wos)
    assert [d.title for d in result.documents] == ["One", "Two"]
    (issue,) = result.issues
    assert issue.location == "record 2, line 7"


def test_record_without_title_or_abstract_is_skipped_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "x.nbib"
    path.write_text("PMID- 1\nTI  - Has a title\n\nPMID- 2\nAU  - Nobody A\n", encoding="utf-8")
    result = read_path(path)
    assert len(result.documents) == 1
    (issue,) = result.issues
    assert issue.severity == "warning" and issue.location and "record 2" in issue.location


def test_unreadable_inputs_become_one_issue(tmp_path: Path) -> None:
    table = tmp_path / "numbers.csv"
    table.write_text("a,b\n1,2\n")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "nope.ris"
    for path, words in [
        (table, "no title or abstract column"),
        (binary, "binary"),
        (missing, "cannot open"),
    ]:
        result = read_path(path)
        assert result.documents == []
        (issue,) = result.issues
        assert words in issue.message and issue.source_path == str(path) and issue.stage == "read"
        assert issue.hint


def test_detect_by_content_not_only_extension(tmp_path: Path) -> None:
    cases = {
        "a.txt": ("PMID- 123\nTI  - x\n", "medline"),
        "b.txt": ("TY  - JOUR\nTI  - x\nER  - \n", "ris"),
        "c.txt": ("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI x\nER\n", "wos"),
        "d.txt": ("@article{k, title={x}}\n", "bibtex"),
        "e.txt": ("# Title\n\n## Methods\ntext\n", "markdown"),
        "f.txt": ("Just a paper.\n", "text"),
        "g.xml": (
            '<?xml version="1.0"?><PubmedArticleSet><PubmedArticle/></PubmedArticleSet>',
            "pubmed_xml",
        ),
        "h.tsv": ("title\tabstract\nx\ty\n", "tsv"),
    }
    for name, (content, fmt) in cases.items():
        p = tmp_path / name
        p.write_text(content, encoding="utf-8")
        assert detect_format(p) == fmt, name
    other = tmp_path / "notes.docx"
    other.write_text("hello")
    with pytest.raises(UnsupportedFormatError, match=r"\.docx"):
        detect_format(other)


def test_xml_with_external_entity_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "evil.xml"
    p.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><Article><ArticleTitle>&e;</ArticleTitle>"
        "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    result = read_path(p)
    assert result.documents == [] and "root:" not in str(result.issues[0])


def test_discover(tmp_path: Path) -> None:
    (tmp_path / "sub" / ".hidden").mkdir(parents=True)
    for name in [
        "a.pdf",
        "sub/b.ris",
        "README.md",
        "SOURCES.md",
        "LICENSE",
        "CITATION.txt",
        "x.zip",
        "meta.json",
        "c.yaml",
        "metadata.csv",
        ".DS_Store",
        "sub/.hidden/z.txt",
        "sub/c.csv",
    ]:
        (tmp_path / name).write_text("x")
    found = discover([tmp_path])
    assert found == [tmp_path / "a.pdf", tmp_path / "sub/b.ris", tmp_path / "sub/c.csv"]
    assert discover([tmp_path / "a.pdf"]) == [tmp_path / "a.pdf"]
    with pytest.raises(SourceError, match="does not exist"):
        discover([tmp_path / "missing"])


def test_archives_are_named_not_passed_over(tmp_path: Path) -> None:
    (tmp_path / "sub" / ".git").mkdir(parents=True)
    for name in ["a.ris", "works_1.zip", "sub/export.csv.gz", "sub/.git/pack.tar", "meta.json"]:
        (tmp_path / name).write_text("x")

    def archives(paths: list[Path]) -> list[Path]:
        found: list[Path] = []
        discover(paths, archives=found)
        return found

    assert archives([tmp_path]) == [tmp_path / "sub/export.csv.gz", tmp_path / "works_1.zip"]
    # an archive named as a file is read, and its reader says why it cannot be
    assert archives([tmp_path / "works_1.zip"]) == []
    assert archives([tmp_path / "a.ris"]) == []
    assert tmp_path / "works_1.zip" not in discover([tmp_path])


def test_discover_shared_corpus(shared_dir: Path) -> None:
    found = discover([shared_dir / "corpus/labelled/synergy_v1"])
    assert all(p.suffix == ".csv" for p in found)
    assert not any(p.name.startswith(("CITATION", "metadata")) for p in found)


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Findings", "results"),
        ("3. Qualitative findings", "results"),
        ("Key findings", "results"),
        ("Survey results", "results"),
        ("Findings and discussion", "results"),
        ("Recommendations", "conclusion"),
        ("Implications for policy", "conclusion"),
        ("Participants", "methods"),
        ("Theme 1: Workload", None),  # a sub-heading stays in its section
    ],
)
def test_a_papers_headings_name_its_sections(heading: str, section: str | None) -> None:
    # a paper's factors are read from its findings only, so a qualitative paper's "Key
    # findings" must not fall into the methods section before it
    assert classify_heading(heading) == section


def test_a_screening_sheets_own_column_names_are_read(tmp_path: Path) -> None:
    sheet = tmp_path / "screening.tsv"
    sheet.write_text(
        "Study title\tAbstract text\tYear published\tReviewer note\n"
        "Burnout among rural GPs\tWe surveyed 120 GPs in Ireland.\t2023\tinclude\n",
        encoding="utf-8",
    )
    (doc,) = read_path(sheet).documents
    assert doc.title == "Burnout among rural GPs"
    assert doc.abstract == "We surveyed 120 GPs in Ireland."
    assert doc.year == 2023
