/**
 * A statement's attribution spans beside its content span (issue 12): the verbatim `quoted` spans, the
 * `source` and the `cueSpan`, kept together as one JSON object (null for rows written before them).
 */
export const sql = `
ALTER TABLE statements ADD COLUMN IF NOT EXISTS spans jsonb;
`;
