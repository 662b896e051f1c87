"""A small evidence database with known numbers, built the way the pipeline stores rows.

`build_small_db(path)` is imported by test_export.py, test_corrections.py and
test_notebooks.py; the tests here check that the public views read it as expected.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

import yaml

from evidence.store.db import now, read_only, transaction

EXTRACTOR = "test-0.1"
LEXICON = "lex-test"

# (field, value, quote, page, confidence); factors use field risk_factor / protective_factor,
# phrases no taxonomy form names factor_candidate.
STUDIES: list[dict[str, object]] = [
    {
        "study_id": "s_smith2021", "first_author": "Smith", "year": 2021, "doi": "10.1000/s1",
        "title": "Workload and burnout among nurses in Wuhan during COVID-19",
        "values": [
            ("design", "cross_sectional", "We conducted a cross-sectional online survey.", 2, 0.9),
            ("n_participants", "412", "A total of 412 nurses completed the survey.", 3, 0.9),
            ("country", "CN", "The study was conducted in Wuhan, China.", 2, 0.9),
            ("population", "nurses", "A total of 412 nurses completed the survey.", 3, 0.8),
            ("risk_factor", "workload", "Heavy workload was associated with higher emotional exhaustion.", 5, 0.9),
            ("risk_factor", "long_hours", "Working more than 10 hours a day predicted burnout.", 5, 0.8),
            ("protective_factor", "social_support", "Social support was associated with lower burnout.", 6, 0.85),
            ("factor_candidate", "rota changes", "Rota changes contributed to burnout.", 6, 0.35),
        ],
    },
    {
        "study_id": "s_jones2022", "first_author": "Jones", "year": 2022, "doi": "10.1000/s2",
        "title": "Experiences of burnout among NHS doctors and nurses: a qualitative study",
        "values": [
            ("design", "qualitative", "Semi-structured interviews were conducted.", 2, 0.9),
            ("n_participants", "20", "We interviewed 20 clinicians.", 2, 0.9),
            ("country", "GB", "Participants worked in NHS trusts in England.", 2, 0.9),
            ("population", "physicians", "We interviewed 20 clinicians.", 2, 0.7),
            ("population", "nurses", "We interviewed 20 clinicians.", 2, 0.7),
            ("risk_factor", "workload", "Participants described relentless workload.", 4, 0.8),
            ("protective_factor", "autonomy_control", "Having control over their schedule protected them.", 5, 0.7),
            ("protective_factor", "peer_support", "=SUM(A1) peer support helped staff cope.", 6, 0.95),
            ("factor_candidate", "rota changes", "Unpredictable rota changes wore staff down.", 4, 0.3),
        ],
    },
    {
        "study_id": "s_garcia2020", "first_author": "Garcia", "year": 2020, "doi": "10.1000/s3",
        "title": "A cohort study of physician burnout in the United States",
        "values": [
            ("design", "cohort", "Physicians were surveyed annually for three years.", 1, 0.8),
            ("n_participants", "150", "150 physicians took part.", 2, 0.9),
            ("country", "US", "Physicians in the United States were surveyed.", 1, 0.9),
            ("population", "physicians", "150 physicians took part.", 2, 0.9),
            ("risk_factor", "workload", "Workload predicted burnout at follow-up.", 4, 0.7),
            ("risk_factor", "autonomy_control", "Lack of control increased exhaustion.", 4, 0.75),
            ("factor_candidate", "feeling well supported", "Feeling well supported was associated with lower burnout.", 5, 0.3),
        ],
    },
    {
        "study_id": "s_lee2023", "first_author": "Lee", "year": 2023, "doi": None,
        "title": "Peer support interventions for burnout: a systematic review",
        "values": [
            ("design", "systematic_review", "We systematically searched five databases.", 1, 0.9),
            ("protective_factor", "peer_support", "Peer support programmes reduced burnout.", 3, 0.8),
        ],
    },
]  # fmt: skip


# the direction the extractor stores in a candidate's `detail` (the others are risks)
CANDIDATE_DIRECTION = {"feeling well supported": "protective"}


def _h(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def load_factors(con: object) -> None:
    """Fill `factors` from the packaged taxonomy, as the extraction run does."""
    data = yaml.safe_load(
        (resources.files("evidence.extract") / "data" / "factors.yaml").read_text("utf-8")
    )
    rows = [
        (
            f["id"],
            f["label"],
            f.get("definition"),
            f["area"],
            f["level"],
            f.get("default_direction"),
        )
        for f in data["factors"]
    ]
    con.execute("DELETE FROM factors")  # type: ignore[attr-defined]
    con.executemany("INSERT INTO factors VALUES (?, ?, ?, ?, ?, ?)", rows)  # type: ignore[attr-defined]


def insert_extractions(con: object, study: dict[str, object], *, tag: str = "") -> None:
    """Write a study's `extractions` rows as the extractor would (new value ids per run)."""
    doc_id = "d_" + str(study["study_id"])
    for i, (field, value, quote, page, conf) in enumerate(study["values"]):  # type: ignore[arg-type]
        num = float(value) if field.startswith("n_") else None
        detail = None
        if field == "factor_candidate":  # the extractor's direction, as stored in `detail`
            detail = json.dumps({"direction": CANDIDATE_DIRECTION.get(value, "risk")})
        con.execute(  # type: ignore[attr-defined]
            "INSERT INTO extractions (value_id, study_id, doc_id, passage_id, field, value,"
            " value_num, quote, section, page, char_start, char_end, confidence, detail,"
            " extractor_version, lexicon_hash, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ["v" + _h(f"{doc_id}|{field}|{value}|{i}|{tag}"), study["study_id"], doc_id,
             f"p_{doc_id}_{i}", field, value, num, quote, "results", page, 10 * i, 10 * i + 9,
             conf, detail, EXTRACTOR + tag, LEXICON, now()],
        )  # fmt: skip


def build_small_db(path: Path) -> Path:
    """Four studies (cross-sectional, qualitative, cohort, review) with known factor counts."""
    with transaction(path) as con:
        load_factors(con)
        for st in STUDIES:
            sid = str(st["study_id"])
            doc_id = "d_" + sid
            text = " ".join(str(v[2]) for v in st["values"])  # type: ignore[attr-defined]
            con.execute(
                "INSERT INTO studies (study_id, study_key, title, year, doi, first_author,"
                " primary_doc_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [sid, "key:" + sid, st["title"], st["year"], st["doi"], st["first_author"],
                 doc_id, now()],
            )  # fmt: skip
            con.execute(
                "INSERT INTO documents (doc_id, study_id, source_path, source_sha256, format,"
                " title, authors, year, doi, is_full_text, n_pages, n_chars, text, ingested_at)"
                " VALUES (?, ?, ?, ?, 'pdf', ?, ?, ?, ?, true, 8, ?, ?, ?)",
                [doc_id, sid, f"/data/raw/{sid}.pdf", _h(text), st["title"],
                 [f"{st['first_author']}, A."], st["year"], st["doi"], len(text), text, now()],
            )  # fmt: skip
            for i, v in enumerate(st["values"]):  # type: ignore[arg-type]
                con.execute(
                    "INSERT INTO passages VALUES (?, ?, ?, 'results', ?, ?, ?, ?)",
                    [f"p_{doc_id}_{i}", doc_id, i, v[3], 10 * i, 10 * i + 9, v[2]],
                )
            insert_extractions(con, st)
    return path


def reextract(path: Path, study_id: str) -> None:
    """Replace one study's machine values, as a re-run of the extractor does."""
    study = next(s for s in STUDIES if s["study_id"] == study_id)
    with transaction(path) as con:
        con.execute("DELETE FROM extractions WHERE study_id = ?", [study_id])
        insert_extractions(con, study, tag="-rerun")


def test_small_db_reads_through_the_public_views(tmp_path: Path) -> None:
    db = build_small_db(tmp_path / "evidence.duckdb")
    with read_only(db) as con:
        rows = con.execute(
            "SELECT study_id, design, n_participants, countries, populations"
            " FROM evidence_studies ORDER BY study_id"
        ).fetchall()
        n_factor_rows = con.execute("SELECT count(*) FROM evidence_factors").fetchone()
    assert rows == [
        ("s_garcia2020", "cohort", 150, ["US"], ["physicians"]),
        ("s_jones2022", "qualitative", 20, ["GB"], ["nurses", "physicians"]),
        ("s_lee2023", "systematic_review", None, [], []),
        ("s_smith2021", "cross_sectional", 412, ["CN"], ["nurses"]),
    ]
    assert n_factor_rows == (9,)
