/**
 * What statements and facts carry beyond their first columns, each kept as one JSON object (null for
 * rows written before): a statement's attribution spans (`quoted`, `source`, `cueSpan`) beside its
 * content span, and a fact's details (`placeType`, the bounds `low`/`high`, `part`, `weekday`, `asOf`).
 * A compare that reads documents back from the store must see what one handed them in memory sees.
 */
export const sql = `
ALTER TABLE statements ADD COLUMN IF NOT EXISTS spans jsonb;
ALTER TABLE facts ADD COLUMN IF NOT EXISTS details jsonb;
`;
