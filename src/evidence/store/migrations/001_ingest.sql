-- Ingest stage: source files, documents, sentence-level passages, studies, errors, runs.
CREATE TABLE IF NOT EXISTS runs (
    run_id      VARCHAR PRIMARY KEY,
    kind        VARCHAR NOT NULL,          -- ingest | extract | themes | run
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR NOT NULL,          -- running | completed | failed
    stats       JSON
);

CREATE TABLE IF NOT EXISTS source_files (
    path         VARCHAR PRIMARY KEY,      -- absolute path as discovered
    sha256       VARCHAR NOT NULL,
    size_bytes   BIGINT NOT NULL,
    format       VARCHAR,
    status       VARCHAR NOT NULL,         -- ok | partial | failed
    n_documents  INTEGER NOT NULL DEFAULT 0,
    n_issues     INTEGER NOT NULL DEFAULT 0,
    run_id       VARCHAR,
    ingested_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS studies (
    study_id       VARCHAR PRIMARY KEY,
    study_key      VARCHAR NOT NULL UNIQUE,
    title          VARCHAR,
    title_norm     VARCHAR,
    year           INTEGER,
    doi            VARCHAR,
    pmid           VARCHAR,
    first_author   VARCHAR,
    journal        VARCHAR,
    primary_doc_id VARCHAR,                -- full text preferred over an abstract record
    updated_at     TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id            VARCHAR PRIMARY KEY, -- hash of normalised content
    study_id          VARCHAR NOT NULL,
    source_path       VARCHAR NOT NULL,
    source_sha256     VARCHAR NOT NULL,
    record_index      INTEGER,
    format            VARCHAR NOT NULL,
    title             VARCHAR,
    authors           VARCHAR[],
    year              INTEGER,
    journal           VARCHAR,
    doi               VARCHAR,
    pmid              VARCHAR,
    keywords          VARCHAR[],
    publication_types VARCHAR[],
    mesh              VARCHAR[],
    is_full_text      BOOLEAN NOT NULL,
    n_pages           INTEGER,
    n_chars           INTEGER NOT NULL,
    text              VARCHAR NOT NULL,
    ingested_at       TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_study ON documents(study_id);

CREATE TABLE IF NOT EXISTS passages (
    passage_id  VARCHAR PRIMARY KEY,
    doc_id      VARCHAR NOT NULL,
    seq         INTEGER NOT NULL,
    section     VARCHAR NOT NULL,
    page        INTEGER,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    text        VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id);

CREATE SEQUENCE IF NOT EXISTS ingest_error_seq;
CREATE TABLE IF NOT EXISTS ingest_errors (
    error_id    BIGINT PRIMARY KEY DEFAULT nextval('ingest_error_seq'),
    run_id      VARCHAR,
    source_path VARCHAR NOT NULL,
    source_sha256 VARCHAR,
    stage       VARCHAR NOT NULL,
    location    VARCHAR,
    message     VARCHAR NOT NULL,
    hint        VARCHAR,
    severity    VARCHAR NOT NULL DEFAULT 'error',
    created_at  TIMESTAMP NOT NULL
);

CREATE OR REPLACE VIEW evidence_documents AS
SELECT d.doc_id, d.study_id, d.source_path, d.format, d.title, d.year, d.doi, d.pmid, d.n_pages,
       d.record_index, d.is_full_text, d.journal, d.authors, d.publication_types, d.mesh, d.keywords
FROM documents d;

CREATE OR REPLACE VIEW evidence_passages AS
SELECT p.doc_id, p.passage_id, p.section, p.page, p.char_start, p.char_end, p.text, p.seq
FROM passages p;

CREATE OR REPLACE VIEW evidence_errors AS
SELECT e.source_path,
       e.stage,
       e.message || coalesce(' — ' || e.hint, '') AS message,
       e.created_at, e.location, e.severity
FROM ingest_errors e;
