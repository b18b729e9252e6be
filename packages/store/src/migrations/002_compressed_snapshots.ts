/**
 * Snapshot bodies are kept gzip-compressed (news HTML shrinks four- to eightfold), and the versions of
 * one URL are looked up by URL. `byte_length` and `sha256` stay those of the uncompressed body, so a
 * snapshot's identity does not depend on how it is stored; rows written before this migration keep
 * their raw bodies as 'identity'.
 */
export const sql = `
ALTER TABLE snapshots DROP CONSTRAINT snapshots_body_length;
ALTER TABLE snapshots ADD COLUMN body_encoding text NOT NULL DEFAULT 'identity'
  CONSTRAINT snapshots_body_encoding CHECK (body_encoding IN ('identity', 'gzip'));
ALTER TABLE snapshots ADD CONSTRAINT snapshots_identity_body_length
  CHECK (body_encoding <> 'identity' OR octet_length(body) = byte_length);
CREATE INDEX snapshots_url_fetched_at_idx ON snapshots (url, fetched_at);
`;
