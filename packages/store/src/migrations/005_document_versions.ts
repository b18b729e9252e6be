/**
 * A page fetched again is compared with its previous stored version (silent edits): the documents of
 * one URL are looked up by URL whatever their source.
 */
export const sql = `
CREATE INDEX IF NOT EXISTS documents_url_idx ON documents (url);
`;
