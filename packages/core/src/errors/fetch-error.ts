import { ParallaxError, type ParallaxErrorOptions } from './parallax-error';

export type FetchErrorCode =
  | 'PARALLAX_FETCH_TIMEOUT'
  | 'PARALLAX_FETCH_NETWORK'
  | 'PARALLAX_FETCH_STATUS'
  | 'PARALLAX_FETCH_TOO_LARGE'
  | 'PARALLAX_FETCH_REDIRECTS'
  | 'PARALLAX_FETCH_CONTENT_TYPE'
  | 'PARALLAX_FETCH_BLOCKED_ADDRESS'
  | 'PARALLAX_FETCH_BAD_URL'
  | 'PARALLAX_FETCH_ROBOTS_DISALLOWED';

/** A fetch failed. Timeouts, resets and 5xx/408/429 are retryable; the rest are not. */
export class FetchError extends ParallaxError {
  readonly status: number | undefined;

  constructor(
    code: FetchErrorCode,
    message: string,
    retryable: boolean,
    options: ParallaxErrorOptions & { status?: number } = {},
  ) {
    super(code, message, retryable, options);
    this.status = options.status;
  }
}
