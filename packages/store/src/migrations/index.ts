import { sql as initial } from './001_initial';
import { sql as compressedSnapshots } from './002_compressed_snapshots';
import { sql as documentsSourceUrl } from './003_documents_source_url';
import { sql as statementSpans } from './004_statement_spans';
import { sql as documentVersions } from './005_document_versions';
import { sql as stories } from './006_stories';
import { sql as corpusScale } from './007_corpus_scale';

export interface Migration {
  /** Applied in ascending order; never reuse or renumber a version once it has shipped. */
  version: number;
  name: string;
  sql: string;
}

/**
 * Every migration, in order. The SQL lives in TypeScript modules (not .sql files read at run time) so
 * it works the same under tsx, vitest and any bundler. Never edit a shipped migration: add a new one.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'compressed snapshots', sql: compressedSnapshots },
  { version: 3, name: 'documents by source and url', sql: documentsSourceUrl },
  { version: 4, name: 'statement spans and fact details', sql: statementSpans },
  { version: 5, name: 'documents by url', sql: documentVersions },
  { version: 6, name: 'story versions and the corpus version', sql: stories },
  { version: 7, name: 'corpus compare by index, corpus reports by reference', sql: corpusScale },
];
