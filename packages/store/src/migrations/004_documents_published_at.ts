/**
 * A scheduled run of one source is compared with the other sources' documents of the same days: they
 * are found by publication time (the time saved for an undated one), through this index.
 */
export const sql = `
CREATE INDEX IF NOT EXISTS documents_published_or_saved_idx ON documents ((COALESCE(published_at, saved_at)));
`;
