import { StoreError } from '@parallax/core';

/** SQLSTATE classes where running the same statement again cannot help (bad data, bad SQL, unsupported). */
const PERMANENT_CLASSES = new Set(['0A', '21', '22', '23', '25', '2B', '3F', '42', '44']);

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

function detailOf(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return {};
  const out: Record<string, unknown> = {};
  for (const key of ['code', 'constraint', 'table', 'column', 'detail'] as const) {
    const value = (error as Record<string, unknown>)[key];
    if (typeof value === 'string' && value !== '') out[key === 'code' ? 'sqlState' : key] = value;
  }
  return out;
}

/**
 * Wraps anything the database layer threw in a StoreError that keeps the cause. Integrity and data
 * errors (SQLSTATE classes 22, 23, 42…) are not retryable; the rest (serialisation failures, deadlocks,
 * I/O and connection trouble) are.
 */
export function toStoreError(
  operation: string,
  error: unknown,
  details: Record<string, unknown> = {},
): StoreError {
  if (error instanceof StoreError) return error;
  const state = sqlState(error);
  const message = error instanceof Error && error.message ? error.message : String(error);
  const detail = (error as { detail?: unknown } | null)?.detail;
  const full = typeof detail === 'string' && detail !== '' ? `${message} (${detail})` : message;
  const retryable = state === undefined ? true : !PERMANENT_CLASSES.has(state.slice(0, 2));
  return new StoreError(`${operation} failed: ${full}`, {
    cause: error,
    retryable,
    details: { operation, ...details, ...detailOf(error) },
  });
}

/** Runs `fn`, turning any failure into a StoreError. */
export async function guard<T>(
  operation: string,
  fn: () => Promise<T>,
  details: Record<string, unknown> = {},
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toStoreError(operation, error, details);
  }
}

/** Input that can never be stored (it fails its schema or contradicts itself): not retryable. */
export function invalidInput(message: string, details: Record<string, unknown>, cause?: unknown): StoreError {
  return new StoreError(message, { retryable: false, details, cause });
}
