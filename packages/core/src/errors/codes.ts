/**
 * How a code answers "can running the same job again help?": `never` (the input, the config or the
 * code must change), `always` (the failure passes: a timeout waiting on others), or `per-error` (the
 * raiser knows: an HTTP 503 is worth retrying, a 410 is not; a lost connection is, a corrupted row
 * is not), in which case the error says so itself.
 */
export type RetryPolicy = 'never' | 'always' | 'per-error';

/**
 * Every code Parallax raises, closed: a ParallaxError takes no other. Users, tests and `parallax
 * failures` match on these, never on messages. Adding a failure means adding its code here, with its
 * policy, and nowhere else.
 */
export const ERROR_CODES = {
  /** An exception no stage expected: a bug. */
  PARALLAX_INTERNAL: 'never',
  /** A flag, argument or command that cannot work as asked. */
  PARALLAX_USAGE: 'never',
  /** A configuration or manifest file (or variable) that is missing or invalid. */
  PARALLAX_CONFIG_INVALID: 'never',
  /** An input document that cannot be read or parsed. */
  PARALLAX_INPUT_INVALID: 'never',
  /** The store refused or failed a read or write (connection loss and lock contention pass). */
  PARALLAX_STORE_FAILED: 'per-error',
  PARALLAX_FETCH_TIMEOUT: 'per-error',
  PARALLAX_FETCH_NETWORK: 'per-error',
  /** An HTTP status other than 2xx: 5xx, 408 and 429 are retried. */
  PARALLAX_FETCH_STATUS: 'per-error',
  PARALLAX_FETCH_TOO_LARGE: 'per-error',
  PARALLAX_FETCH_REDIRECTS: 'per-error',
  PARALLAX_FETCH_CONTENT_TYPE: 'per-error',
  PARALLAX_FETCH_BLOCKED_ADDRESS: 'per-error',
  PARALLAX_FETCH_BAD_URL: 'per-error',
  PARALLAX_FETCH_ROBOTS_DISALLOWED: 'per-error',
  /** Every endpoint of a configured source failed: the next firing tries again, this one does not. */
  PARALLAX_DISCOVERY_FAILED: 'never',
  /** A job's payload does not match its schema. */
  PARALLAX_JOB_INVALID: 'never',
  /** A stored snapshot a completed fetch job wrote is gone (the store was wiped under the run). */
  PARALLAX_SNAPSHOT_MISSING: 'never',
  /** A stored document a completed extract job wrote is gone. */
  PARALLAX_DOCUMENT_MISSING: 'never',
  /** A run's report is not in the store although its run says it was stored. */
  PARALLAX_REPORT_MISSING: 'never',
  /** A report that does not validate against the report schema. */
  PARALLAX_REPORT_INVALID: 'never',
  /** A run in which no document could be had; retried only when some source's failure was transient. */
  PARALLAX_RUN_FAILED: 'per-error',
  /** A run that did not finish within the time its caller waits. */
  PARALLAX_RUN_TIMEOUT: 'always',
  /** Other compares kept saving the corpus's stories first: the job is tried again. */
  PARALLAX_CORPUS_BUSY: 'always',
  /** The dashboard could not be served. */
  PARALLAX_SERVE_FAILED: 'never',
} as const satisfies Record<string, RetryPolicy>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Whether an error of `code` is retried; `perError` is the raiser's word for `per-error` codes. */
export function isRetryable(code: ErrorCode, perError = false): boolean {
  const policy: RetryPolicy = ERROR_CODES[code];
  return policy === 'always' || (policy === 'per-error' && perError);
}
