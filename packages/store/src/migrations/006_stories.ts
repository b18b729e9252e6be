/**
 * The store is the corpus: a scheduled run's compare places its documents among every stored document
 * and writes a new version of each story that changed.
 *
 * - `corpus_state` holds one row: the corpus version, bumped by every compare that saves stories. A
 *   compare saves only if the version is still the one it read (optimistic versioning), so two compare
 *   jobs never lose each other's work: the later one reads the corpus again and recomputes.
 * - `story_versions`: each version of a story (its event as reported, the document ids it holds, what
 *   changed since its previous version); `current` marks each story's latest, and a story absorbed by
 *   another is no longer current.
 */
export const sql = `
CREATE TABLE IF NOT EXISTS corpus_state (
  id          integer PRIMARY KEY CONSTRAINT corpus_state_one_row CHECK (id = 1),
  version     integer NOT NULL,
  report_id   text,
  run_id      text,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO corpus_state (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;

CREATE TABLE IF NOT EXISTS story_versions (
  story_id          text NOT NULL,
  version           integer NOT NULL CONSTRAINT story_versions_version_positive CHECK (version >= 1),
  corpus_version    integer NOT NULL,
  run_id            text,
  report_id         text NOT NULL,
  event_id          text NOT NULL,
  generated_at      timestamptz NOT NULL,
  generated_at_iso  text NOT NULL,
  document_ids      jsonb NOT NULL CONSTRAINT story_versions_documents_array CHECK (jsonb_typeof(document_ids) = 'array'),
  event             jsonb NOT NULL CONSTRAINT story_versions_event_object CHECK (jsonb_typeof(event) = 'object'),
  changes           jsonb NOT NULL CONSTRAINT story_versions_changes_object CHECK (jsonb_typeof(changes) = 'object'),
  current           boolean NOT NULL DEFAULT true,
  saved_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (story_id, version)
);
CREATE INDEX IF NOT EXISTS story_versions_current_idx ON story_versions (story_id) WHERE current;
CREATE INDEX IF NOT EXISTS story_versions_generated_at_idx ON story_versions (generated_at, story_id);
`;
