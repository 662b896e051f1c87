"""JATS / PMC article XML: full articles and abstract+results fragments."""

from __future__ import annotations

from pathlib import Path

from evidence.sources import detect_format, read_path

ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.2 20190208//EN" "JATS-archivearticle1.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article">
<front><journal-meta><journal-title-group><journal-title>BMC Nursing</journal-title></journal-title-group></journal-meta>
<article-meta>
<article-id pub-id-type="pmid">31234567</article-id>
<article-id pub-id-type="doi">10.1186/s12912-020-00001-1</article-id>
<title-group><article-title>Burnout among ICU nurses</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Rossi</surname><given-names>Anna</given-names></name></contrib></contrib-group>
<pub-date pub-type="epub"><year>2020</year></pub-date>
<abstract><sec><title>Methods</title><p>We surveyed 412 nurses in three hospitals.</p></sec></abstract>
<kwd-group><kwd>burnout</kwd></kwd-group>
</article-meta></front>
<body>
<sec><title>Introduction</title><p>Nurses face high workload <xref ref-type="bibr" rid="B1">1</xref>.</p></sec>
<sec><title>Results</title><p>Burnout was 38%.</p>
<table-wrap><table><tr><td>999</td></tr></table></table-wrap></sec>
</body>
<back><ref-list><ref id="B1"><mixed-citation>Smith J. Workload. 2019.</mixed-citation></ref></ref-list></back>
</article>
"""


def test_full_jats_article(tmp_path: Path) -> None:
    path = tmp_path / "article.xml"
    path.write_text(ARTICLE, encoding="utf-8")
    assert detect_format(path) == "jats"
    result = read_path(path)
    assert not result.issues
    (doc,) = result.documents
    assert doc.title == "Burnout among ICU nurses"
    assert (doc.doi, doc.pmid, doc.year, doc.journal) == (
        "10.1186/s12912-020-00001-1",
        "31234567",
        2020,
        "BMC Nursing",
    )
    assert doc.authors == ["Rossi, Anna"] and doc.is_full_text
    sections = [b.section for b in doc.blocks]
    assert {"title", "abstract", "introduction", "results", "references"} <= set(sections)
    assert "999" not in doc.text  # table cells are not running text
    assert "Smith J. Workload" in next(b.text for b in doc.blocks if b.section == "references")


def test_pmc_fragments_from_a_real_data_set(shared_dir: Path) -> None:
    folder = (
        shared_dir
        / "corpus"
        / "labelled"
        / "rct_numeric_extraction"
        / "abstract_and_results_xml_files"
    )
    files = sorted(folder.glob("*.xml"))
    results = [read_path(f) for f in files]
    ok = [r for r in results if r.documents]
    assert len(files) == 120 and len(ok) >= 105
    for r in results:
        if not r.documents:  # broken fragments are explained, with the place
            (issue,) = r.issues
            assert "XML" in issue.message and issue.location
    doc = ok[0].documents[0]
    assert {"abstract", "results"} <= {b.section for b in doc.blocks}
