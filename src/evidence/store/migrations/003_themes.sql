-- Themes stage: one row per run (kept forever), themes and passage assignments per run.
-- Exactly one run is current (is_current); the public views show the current run only.
CREATE TABLE IF NOT EXISTS theme_runs (
    run_id        VARCHAR PRIMARY KEY,
    created_at    TIMESTAMP NOT NULL,
    is_current    BOOLEAN NOT NULL,
    seed          INTEGER NOT NULL,
    model_id      VARCHAR NOT NULL,
    model_hash    VARCHAR NOT NULL,
    params        JSON NOT NULL,
    metrics       JSON NOT NULL,
    n_passages    INTEGER NOT NULL,
    n_themes      INTEGER NOT NULL,
    outlier_share DOUBLE,
    duration_s    DOUBLE
);

CREATE TABLE IF NOT EXISTS themes (
    run_id            VARCHAR NOT NULL,
    theme_id          INTEGER NOT NULL,        -- -1: passages no theme is close to
    label             VARCHAR NOT NULL,
    keywords          VARCHAR[] NOT NULL,
    factor_id         VARCHAR,                 -- nearest taxonomy factor
    factor_similarity DOUBLE,
    seeded            BOOLEAN NOT NULL,        -- theme came from a taxonomy factor (zero-shot)
    top_factors       VARCHAR[] NOT NULL,      -- most extracted factors among its passages
    n_passages        INTEGER NOT NULL,
    n_studies         INTEGER NOT NULL,
    quotes            JSON NOT NULL,           -- [{passage_id, quote, citation, page}]
    x                 DOUBLE,
    y                 DOUBLE,
    PRIMARY KEY (run_id, theme_id)
);

CREATE TABLE IF NOT EXISTS theme_assignments (
    run_id      VARCHAR NOT NULL,
    passage_id  VARCHAR NOT NULL,
    theme_id    INTEGER NOT NULL,
    probability DOUBLE,                        -- softmax over theme centres; 0 for outliers
    PRIMARY KEY (run_id, passage_id)
);

CREATE OR REPLACE VIEW evidence_themes AS
SELECT t.theme_id, t.label, t.keywords, t.n_passages, t.n_studies, t.top_factors,
       t.quotes AS representative_quotes, t.factor_id AS nearest_factor, f.label AS nearest_factor_label,
       t.factor_similarity, t.seeded, t.run_id
FROM themes t
JOIN theme_runs r ON r.run_id = t.run_id AND r.is_current
LEFT JOIN factors f ON f.factor_id = t.factor_id
ORDER BY t.theme_id = -1, t.theme_id;

CREATE OR REPLACE VIEW evidence_theme_passages AS
SELECT a.passage_id, a.theme_id, t.label, a.probability, p.doc_id, p.page, p.text
FROM theme_assignments a
JOIN theme_runs r ON r.run_id = a.run_id AND r.is_current
JOIN themes t ON t.run_id = a.run_id AND t.theme_id = a.theme_id
LEFT JOIN passages p ON p.passage_id = a.passage_id;
