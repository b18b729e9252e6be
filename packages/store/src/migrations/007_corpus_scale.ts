/**
 * A scheduled run's compare reads and writes only what its documents touch, not the whole corpus.
 *
 * - Stories a document is in: a GIN index on the current versions' `document_ids`.
 * - The documents of a time window: `documents_published_at_idx` (001) for dated pages, a partial index
 *   for the undated ones (an undated page can join any story).
 * - The corpus report: no longer the whole report rewritten by every compare, but a reference
 *   (`corpus_reports`) to the story versions current at one corpus version. `superseded_at` is the
 *   corpus version that replaced or retired a story version; `event_digest` the sha256 of its event's
 *   canonical JSON, whose sum over the current stories (`corpus_state.events_digest`) gives the report
 *   id without reading every story (see reportId).
 */
export const sql = `
ALTER TABLE story_versions ADD COLUMN IF NOT EXISTS event_digest text;
ALTER TABLE story_versions ADD COLUMN IF NOT EXISTS superseded_at integer;
UPDATE story_versions s SET superseded_at = (
  SELECT min(n.corpus_version) FROM story_versions n WHERE n.story_id = s.story_id AND n.version > s.version
) WHERE NOT s.current;
CREATE INDEX IF NOT EXISTS story_versions_current_documents_idx ON story_versions USING gin (document_ids)
  WHERE current;
CREATE INDEX IF NOT EXISTS story_versions_corpus_version_idx ON story_versions (corpus_version);
CREATE INDEX IF NOT EXISTS story_versions_event_id_idx ON story_versions (event_id);
CREATE INDEX IF NOT EXISTS documents_undated_idx ON documents (id) WHERE published_at IS NULL;

ALTER TABLE corpus_state ADD COLUMN IF NOT EXISTS events_digest text;

CREATE TABLE IF NOT EXISTS corpus_reports (
  id                text PRIMARY KEY,
  corpus_version    integer NOT NULL,
  schema_version    integer NOT NULL,
  generated_at      timestamptz NOT NULL,
  generated_at_iso  text NOT NULL,
  saved_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS corpus_reports_generated_at_idx ON corpus_reports (generated_at);
`;
