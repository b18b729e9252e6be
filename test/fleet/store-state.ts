import pg from 'pg';

/**
 * What a run left in the store, as comparable rows: every snapshot, document, statement, fact and
 * report (content, not timestamps of when it was written), sorted. Two stores that hold the same
 * documents from the same pages give equal states.
 */
export interface StoreState {
  snapshots: string[];
  documents: string[];
  statements: string[];
  facts: string[];
  reports: string[];
  /** URLs that have more than one document row: a duplicate. */
  duplicateUrls: string[];
}

export async function storeState(databaseUrl: string): Promise<StoreState> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows = async (sql: string) =>
    (await client.query<{ r: string }>(sql)).rows.map((row) => row.r).sort();
  try {
    return {
      snapshots: await rows(`SELECT concat_ws('|', sha256, url, status, byte_length) AS r FROM snapshots`),
      documents: await rows(
        `SELECT concat_ws('|', id, snapshot_sha256, url, source, kind, title, lang, md5(body_text), headline_end) AS r FROM documents`,
      ),
      statements: await rows(
        `SELECT concat_ws('|', document_id, id, ordinal, kind, speaker, resolved_speaker, start_offset, end_offset, md5(text)) AS r FROM statements`,
      ),
      facts: await rows(
        `SELECT concat_ws('|', document_id, id, ordinal, kind, subject, value, start_offset, end_offset) AS r FROM facts`,
      ),
      reports: await rows('SELECT id AS r FROM reports'),
      duplicateUrls: await rows('SELECT url AS r FROM documents GROUP BY url HAVING count(*) > 1'),
    };
  } finally {
    await client.end();
  }
}
