// The team library's tables, applied by `attest library init`. A source is stored whole (the
// parsed Source as JSON, which rebuilds it exactly) and taken apart into passages and figures
// so that a claim's candidates are index reads: passages by their words (tsvector, GIN),
// choosing a claim's rarest words by how many passages hold each (attest_terms, kept by every
// push), each word with its spellings in the library (pg_trgm's trigram index on the words,
// so that a misquotation's "harbor" finds "harbour"). A TypeScript string rather
// than a .sql file, so that the bundles carry it without a loader.

/** Bumped when the tables change; `attest library status` reports a library of another version. */
export const schemaVersion = 2;

export const schemaSql = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE IF NOT EXISTS attest_schema (version integer NOT NULL);

CREATE TABLE IF NOT EXISTS attest_sources (
  key bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  file text NOT NULL UNIQUE,
  size bigint NOT NULL,
  mtime_ms double precision NOT NULL,
  sha256 text NOT NULL,
  meta jsonb NOT NULL,
  reference text NOT NULL,
  source jsonb NOT NULL,
  pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS attest_sources_url ON attest_sources ((meta->>'url'));
CREATE INDEX IF NOT EXISTS attest_sources_doi ON attest_sources ((lower(meta->>'doi')));

CREATE TABLE IF NOT EXISTS attest_passages (
  source_key bigint NOT NULL REFERENCES attest_sources (key) ON DELETE CASCADE,
  idx integer NOT NULL,
  locator text NOT NULL,
  text text NOT NULL,
  footnotes jsonb NOT NULL,
  families text[] NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
  PRIMARY KEY (source_key, idx)
);
CREATE INDEX IF NOT EXISTS attest_passages_tsv ON attest_passages USING gin (tsv);
DROP INDEX IF EXISTS attest_passages_families;

-- How many passages hold each word (lexeme); the row '' counts all passages.
CREATE TABLE IF NOT EXISTS attest_terms (
  word text PRIMARY KEY,
  passages integer NOT NULL
);
CREATE INDEX IF NOT EXISTS attest_terms_trgm ON attest_terms USING gin (word gin_trgm_ops);

CREATE TABLE IF NOT EXISTS attest_figures (
  source_key bigint NOT NULL REFERENCES attest_sources (key) ON DELETE CASCADE,
  passage_idx integer NOT NULL,
  kind text NOT NULL,
  family text NOT NULL,
  unit text NOT NULL,
  low double precision NOT NULL,
  high double precision NOT NULL,
  text text NOT NULL
);
CREATE INDEX IF NOT EXISTS attest_figures_value ON attest_figures (family, low);
CREATE INDEX IF NOT EXISTS attest_figures_source ON attest_figures (source_key);
`;

/** The grants of the two roles: readers only read; writers push. */
export const rolesSql = `
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'attest_reader') THEN CREATE ROLE attest_reader NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'attest_writer') THEN CREATE ROLE attest_writer NOLOGIN; END IF;
END $$;
GRANT SELECT ON attest_schema, attest_sources, attest_passages, attest_figures, attest_terms TO attest_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON attest_schema, attest_sources, attest_passages, attest_figures, attest_terms TO attest_writer;
GRANT USAGE, SELECT ON SEQUENCE attest_sources_key_seq TO attest_writer;
`;

/** The word counts of the passages already in the library, for a library made before attest_terms. */
export const countTermsSql = `
TRUNCATE attest_terms;
INSERT INTO attest_terms (word, passages)
SELECT word, count(*) FROM attest_passages, unnest(tsvector_to_array(tsv)) AS word GROUP BY word
UNION ALL SELECT '', count(*) FROM attest_passages;
`;
