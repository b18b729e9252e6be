import type { ErrorCode } from './codes';
import { ParallaxError, type ParallaxErrorOptions } from './parallax-error';

/** The fetch codes of ERROR_CODES. */
export type FetchErrorCode = Extract<ErrorCode, `PARALLAX_FETCH_${string}`>;

/** A fetch failed. Timeouts, resets and 5xx/408/429 are retryable; the rest are not. */
export class FetchError extends ParallaxError {
  readonly status: number | undefined;

  constructor(
    code: FetchErrorCode,
    message: string,
    retryable: boolean,
    options: Omit<ParallaxErrorOptions, 'retryable'> & { status?: number } = {},
  ) {
    super(code, message, { ...options, retryable });
    this.status = options.status;
  }
}
