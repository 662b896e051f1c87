"""Ingest speed: PDF pages/second for our reader vs bare pdfplumber `extract_text()` vs pypdfium2
`get_text_range()` on corpus/pdfs, and records/second for each export format.

Run: .venv/bin/python bench/bench_ingest.py [--shared ../shared] [--repeat 1]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from evidence.sources import pdf as pdf_reader
from evidence.sources import read_path

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = [
    "corpus/abstracts/peru_hospitals_multiformat/PUBMED_21032026_240.txt",
    "corpus/labelled/pubmed_xml_pubtypes/pubmed_result_air_embolism.xml",
    "corpus/abstracts/peru_hospitals_multiformat/EMBASE_21032026_571.ris",
    "corpus/abstracts/peru_hospitals_multiformat/SCOPUS_21032026_612.bib",
    "corpus/abstracts/peru_hospitals_multiformat/WOS_21032026_653.bib",
    "corpus/abstracts/peru_hospitals_multiformat/SCIELO_21032026_214.txt",
    "corpus/abstracts/peru_hospitals_multiformat/savedrecs.txt",
    "corpus/abstracts/covid19_mhsr/20200519_163158_newrefs.csv",
    "corpus/abstracts/burnout_hcw_covid_living_subset.csv",
]


def _plumber(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def _pdfium(path: Path) -> int:
    doc = pdfium.PdfDocument(str(path))
    try:
        for page in doc:
            page.get_textpage().get_text_range()
        return len(doc)
    finally:
        doc.close()


def _ours(path: Path) -> int:
    return read_path(path).documents[0].n_pages or 0


def _ours_in_process(path: Path) -> int:
    return pdf_reader.read(path, in_process=True).documents[0].n_pages or 0


def bench_pdfs(shared: Path, repeat: int) -> None:
    files = sorted((shared / "corpus/pdfs").glob("*.pdf"))
    rates: dict[str, float] = {}
    for name, fn in [
        ("ours (worker process)", _ours),
        ("ours (in process)", _ours_in_process),
        ("pdfplumber extract_text", _plumber),
        ("pypdfium2 get_text_range", _pdfium),
    ]:
        best = float("inf")
        pages = 0
        for _ in range(repeat):
            t = time.perf_counter()
            pages = sum(fn(f) for f in files)
            best = min(best, time.perf_counter() - t)
        rates[name] = pages / best
        print(f"{name:28s} {pages:4d} pages in {best:6.2f} s = {rates[name]:7.1f} pages/s")
    ours = rates["ours (worker process)"]
    for name in ("pdfplumber extract_text", "pypdfium2 get_text_range"):
        print(f"ratio ours / {name}: {ours / rates[name]:.2f}")


def bench_exports(shared: Path) -> None:
    for rel in EXPORTS:
        path = shared / rel
        t = time.perf_counter()
        result = read_path(path)
        dt = time.perf_counter() - t
        n = len(result.documents)
        print(
            f"{result.format:10s} {path.name[:42]:42s} {n:5d} records in {dt:5.2f} s = {n / dt:8.0f} records/s"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    print("== PDF (corpus/pdfs)")
    bench_pdfs(args.shared, args.repeat)
    print("== exports")
    bench_exports(args.shared)


if __name__ == "__main__":
    main()
