/**
 * Discovery asks which of a source's article URLs are stored already (so a scheduled run fetches only
 * new ones): one index lookup per URL instead of a scan of every document.
 */
export const sql = `
CREATE INDEX IF NOT EXISTS documents_source_url_idx ON documents (source, url);
`;
