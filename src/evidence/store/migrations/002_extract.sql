-- Extraction stage: every extracted value with provenance, the factor taxonomy,
-- reviewer corrections, and the public views that apply those corrections.
CREATE TABLE IF NOT EXISTS extraction_runs (
    run_id            VARCHAR PRIMARY KEY,
    extractor_version VARCHAR NOT NULL,
    lexicon_hash      VARCHAR NOT NULL,
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP,
    n_documents       INTEGER,
    n_values          INTEGER
);

-- One row per extracted value. Re-extraction of a document replaces its rows.
CREATE TABLE IF NOT EXISTS extractions (
    value_id          VARCHAR PRIMARY KEY,
    study_id          VARCHAR NOT NULL,
    doc_id            VARCHAR NOT NULL,
    passage_id        VARCHAR,
    field             VARCHAR NOT NULL,
    value             VARCHAR NOT NULL,
    value_num         DOUBLE,
    quote             VARCHAR,
    section           VARCHAR,
    page              INTEGER,
    char_start        INTEGER,
    char_end          INTEGER,
    confidence        DOUBLE NOT NULL,
    detail            JSON,
    extractor_version VARCHAR NOT NULL,
    lexicon_hash      VARCHAR NOT NULL,
    created_at        TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS extractions_study ON extractions(study_id);
CREATE INDEX IF NOT EXISTS extractions_doc ON extractions(doc_id);

-- Which documents have been extracted with which extractor (for incremental re-runs).
CREATE TABLE IF NOT EXISTS extracted_documents (
    doc_id            VARCHAR PRIMARY KEY,
    extractor_version VARCHAR NOT NULL,
    lexicon_hash      VARCHAR NOT NULL,
    n_values          INTEGER NOT NULL,
    extracted_at      TIMESTAMP NOT NULL
);

-- The factor taxonomy (package data), refreshed on every extraction run.
CREATE TABLE IF NOT EXISTS factors (
    factor_id         VARCHAR PRIMARY KEY,
    label             VARCHAR NOT NULL,
    definition        VARCHAR,
    area              VARCHAR NOT NULL,
    level             VARCHAR NOT NULL,
    default_direction VARCHAR
);

-- Reviewer corrections. Keyed by (study_id, field, value), never by machine row ids,
-- so they survive re-ingestion and re-extraction.
--   action = 'set'    : replace every machine value of (study_id, field) by value
--   action = 'reject' : drop machine value (study_id, field, value)
--   action = 'add'    : add value (study_id, field, value) the machine missed
CREATE SEQUENCE IF NOT EXISTS correction_seq;
CREATE TABLE IF NOT EXISTS corrections (
    correction_id BIGINT PRIMARY KEY DEFAULT nextval('correction_seq'),
    study_id      VARCHAR NOT NULL,
    field         VARCHAR NOT NULL,
    action        VARCHAR NOT NULL CHECK (action IN ('set', 'reject', 'add')),
    value         VARCHAR,
    quote         VARCHAR,
    page          INTEGER,
    reviewer      VARCHAR NOT NULL,
    reason        VARCHAR,
    created_at    TIMESTAMP NOT NULL,
    superseded_by BIGINT                    -- a later correction of the same key
);

-- Machine values, every field.
CREATE OR REPLACE VIEW evidence_machine AS
SELECT e.study_id, e.field, e.value, e.quote, e.doc_id, e.page, e.char_start, e.char_end,
       e.confidence, e.extractor_version, e.section, e.passage_id, e.value_num, e.detail,
       e.value_id, e.lexicon_hash
FROM extractions e
JOIN studies s ON s.study_id = e.study_id AND s.primary_doc_id = e.doc_id;

CREATE OR REPLACE VIEW active_corrections AS
SELECT * FROM corrections WHERE superseded_by IS NULL;

-- The evidence table: one row per extracted value, corrections applied.
CREATE OR REPLACE VIEW evidence AS
SELECT m.study_id, m.field, m.value, m.quote, m.doc_id, m.page, m.char_start, m.char_end,
       m.confidence, m.extractor_version, m.section, m.passage_id, m.value_num, m.detail,
       'machine' AS origin
FROM evidence_machine m
WHERE NOT EXISTS (SELECT 1 FROM active_corrections c
                  WHERE c.study_id = m.study_id AND c.field = m.field AND c.action = 'set')
  AND NOT EXISTS (SELECT 1 FROM active_corrections c
                  WHERE c.study_id = m.study_id AND c.field = m.field AND c.action = 'reject'
                    AND c.value = m.value)
UNION ALL
SELECT c.study_id, c.field, c.value, c.quote, s.primary_doc_id AS doc_id, c.page,
       NULL::INTEGER AS char_start, NULL::INTEGER AS char_end, 1.0 AS confidence,
       'reviewer:' || c.reviewer AS extractor_version, NULL AS section, NULL AS passage_id,
       TRY_CAST(c.value AS DOUBLE) AS value_num, NULL::JSON AS detail, 'reviewer' AS origin
FROM active_corrections c
LEFT JOIN studies s ON s.study_id = c.study_id
WHERE c.action IN ('set', 'add');

-- One row per study.
CREATE OR REPLACE VIEW evidence_studies AS
WITH best AS (
    SELECT study_id, field, arg_max(value, confidence) AS value,
           arg_max(value_num, confidence) AS value_num
    FROM evidence
    WHERE field IN ('design', 'n_participants', 'n_interviews', 'n_focus_groups', 'n_sites',
                    'response_rate')
    GROUP BY study_id, field
),
lists AS (
    SELECT study_id, field, list_sort(list_distinct(list(value))) AS vals
    FROM evidence
    WHERE field IN ('country', 'region', 'care_setting', 'population', 'instrument', 'outcome',
                    'data_collection', 'analysis')
    GROUP BY study_id, field
)
SELECT s.study_id, s.title, s.year, s.doi, s.pmid,
       (SELECT value FROM best b WHERE b.study_id = s.study_id AND b.field = 'design') AS design,
       (SELECT CAST(value_num AS INTEGER) FROM best b WHERE b.study_id = s.study_id AND b.field = 'n_participants') AS n_participants,
       (SELECT CAST(value_num AS INTEGER) FROM best b WHERE b.study_id = s.study_id AND b.field = 'n_interviews') AS n_interviews,
       (SELECT CAST(value_num AS INTEGER) FROM best b WHERE b.study_id = s.study_id AND b.field = 'n_focus_groups') AS n_focus_groups,
       (SELECT CAST(value_num AS INTEGER) FROM best b WHERE b.study_id = s.study_id AND b.field = 'n_sites') AS n_sites,
       (SELECT value_num FROM best b WHERE b.study_id = s.study_id AND b.field = 'response_rate') AS response_rate,
       coalesce((SELECT vals FROM lists l WHERE l.study_id = s.study_id AND l.field = 'country'), []) AS countries,
       coalesce((SELECT vals FROM lists l WHERE l.study_id = s.study_id AND l.field = 'region'), []) AS regions,
       coalesce((SELECT vals FROM lists l WHERE l.study_id = s.study_id AND l.field = 'care_setting'), []) AS care_settings,
       coalesce((SELECT vals FROM lists l WHERE l.study_id = s.study_id AND l.field = 'population'), []) AS populations,
       coalesce((SELECT vals FROM lists l WHERE l.study_id = s.study_id AND l.field = 'instrument'), []) AS instruments,
       coalesce((SELECT vals FROM lists l WHERE l.study_id = s.study_id AND l.field = 'outcome'), []) AS outcomes,
       coalesce((SELECT vals FROM lists l WHERE l.study_id = s.study_id AND l.field = 'data_collection'), []) AS data_collection,
       coalesce((SELECT vals FROM lists l WHERE l.study_id = s.study_id AND l.field = 'analysis'), []) AS analysis,
       s.first_author, s.journal, s.primary_doc_id
FROM studies s;

-- One row per study, factor and direction. Factor values are stored with
-- field 'risk_factor' or 'protective_factor' and value = factor_id.
CREATE OR REPLACE VIEW evidence_factors AS
WITH f AS (
    SELECT e.*, CASE e.field WHEN 'risk_factor' THEN 'risk' ELSE 'protective' END AS direction
    FROM evidence e
    WHERE e.field IN ('risk_factor', 'protective_factor')
)
SELECT f.study_id, f.value AS factor_id, coalesce(t.label, f.value) AS factor_label,
       t.area, t.level, f.direction, count(*) AS n_mentions,
       arg_max(f.quote, f.confidence) AS best_quote,
       arg_max(f.page, f.confidence) AS page,
       arg_max(f.section, f.confidence) AS section,
       max(f.confidence) AS confidence
FROM f
LEFT JOIN factors t ON t.factor_id = f.value
GROUP BY f.study_id, f.value, t.label, t.area, t.level, f.direction;
