/**
 * The first schema. Plain PostgreSQL only (no PGlite-specific features), so the same migration set runs
 * on the embedded store and on a PostgreSQL server.
 *
 * Conventions:
 * - ids are the pipeline's content hashes (text), so re-running a stage writes the same keys;
 * - instants are `timestamptz`; a timestamp that came from outside (a fetch time, a publication date)
 *   also keeps its exact ISO text in `*_iso`, so it reads back exactly as written (offset and precision
 *   included) while the `timestamptz` column stays the one to sort and filter on;
 * - `start_offset`/`end_offset` are UTF-16 offsets into the document text (JavaScript string indices);
 *   their upper bound is checked by the store before writing, since PostgreSQL counts code points.
 */
export const sql = `
CREATE TABLE snapshots (
  sha256          text PRIMARY KEY CONSTRAINT snapshots_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  url             text NOT NULL,
  final_url       text NOT NULL,
  redirects       jsonb NOT NULL CONSTRAINT snapshots_redirects_array CHECK (jsonb_typeof(redirects) = 'array'),
  status          integer NOT NULL,
  headers         jsonb NOT NULL CONSTRAINT snapshots_headers_object CHECK (jsonb_typeof(headers) = 'object'),
  content_type    text,
  fetched_at      timestamptz NOT NULL,
  fetched_at_iso  text NOT NULL,
  byte_length     integer NOT NULL CONSTRAINT snapshots_byte_length_nonnegative CHECK (byte_length >= 0),
  body            bytea NOT NULL,
  stored_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT snapshots_body_length CHECK (octet_length(body) = byte_length)
);

CREATE TABLE documents (
  id                        text PRIMARY KEY CONSTRAINT documents_id_nonempty CHECK (id <> ''),
  snapshot_sha256           text NOT NULL REFERENCES snapshots (sha256),
  source                    text NOT NULL,
  kind                      text NOT NULL
                            CONSTRAINT documents_kind CHECK (kind IN ('outlet', 'official', 'aggregator', 'other')),
  url                       text NOT NULL,
  title                     text NOT NULL,
  published_at              timestamptz,
  published_at_iso          text,
  lang                      text NOT NULL,
  copy_of                   text,
  article_title             text NOT NULL,
  byline                    text,
  article_published_at      timestamptz,
  article_published_at_iso  text,
  article_lang              text NOT NULL,
  body_text                 text NOT NULL,
  blocks                    jsonb NOT NULL CONSTRAINT documents_blocks_array CHECK (jsonb_typeof(blocks) = 'array'),
  headline_end              integer NOT NULL CONSTRAINT documents_headline_end_nonnegative CHECK (headline_end >= 0),
  saved_at                  timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT documents_published_at_pair CHECK ((published_at IS NULL) = (published_at_iso IS NULL)),
  CONSTRAINT documents_article_published_at_pair
    CHECK ((article_published_at IS NULL) = (article_published_at_iso IS NULL))
);
CREATE INDEX documents_snapshot_sha256_idx ON documents (snapshot_sha256);
CREATE INDEX documents_published_at_idx ON documents (published_at);

CREATE TABLE statements (
  document_id       text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id                text NOT NULL,
  ordinal           integer NOT NULL,
  text              text NOT NULL,
  kind              text NOT NULL CONSTRAINT statements_kind CHECK (kind IN ('direct', 'partial', 'indirect')),
  speaker           text,
  resolved_speaker  text,
  cue               text,
  lang              text NOT NULL,
  start_offset      integer NOT NULL,
  end_offset        integer NOT NULL,
  PRIMARY KEY (document_id, id),
  CONSTRAINT statements_ordinal_unique UNIQUE (document_id, ordinal),
  CONSTRAINT statements_offsets CHECK (start_offset >= 0 AND end_offset >= start_offset)
);
CREATE INDEX statements_resolved_speaker_idx ON statements (resolved_speaker);

CREATE TABLE facts (
  document_id   text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id            text NOT NULL,
  ordinal       integer NOT NULL,
  kind          text NOT NULL CONSTRAINT facts_kind CHECK (kind IN ('number', 'date', 'place', 'name')),
  subject       text NOT NULL,
  value         text NOT NULL,
  text          text NOT NULL,
  start_offset  integer NOT NULL,
  end_offset    integer NOT NULL,
  country       text,
  in_headline   boolean,
  PRIMARY KEY (document_id, id),
  CONSTRAINT facts_ordinal_unique UNIQUE (document_id, ordinal),
  CONSTRAINT facts_offsets CHECK (start_offset >= 0 AND end_offset >= start_offset)
);
CREATE INDEX facts_kind_subject_idx ON facts (kind, subject);

CREATE TABLE reports (
  id              text PRIMARY KEY,
  schema_version  integer NOT NULL,
  generated_at    timestamptz NOT NULL,
  body            jsonb NOT NULL CONSTRAINT reports_body_object CHECK (jsonb_typeof(body) = 'object'),
  saved_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reports_generated_at_idx ON reports (generated_at);

CREATE TABLE report_events (
  report_id  text NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  event_id   text NOT NULL,
  title      text NOT NULL,
  position   integer NOT NULL,
  PRIMARY KEY (report_id, event_id)
);
CREATE INDEX report_events_event_id_idx ON report_events (event_id);

CREATE TABLE runs (
  id           text PRIMARY KEY,
  status       text NOT NULL CONSTRAINT runs_status CHECK (status IN ('running', 'succeeded', 'failed')),
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  summary      jsonb CONSTRAINT runs_summary_object CHECK (summary IS NULL OR jsonb_typeof(summary) = 'object'),
  error        text,
  CONSTRAINT runs_finished_when_done CHECK ((status = 'running') = (finished_at IS NULL))
);
CREATE INDEX runs_started_at_idx ON runs (started_at);
`;
