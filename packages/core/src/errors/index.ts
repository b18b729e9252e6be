// The errors alone, for callers that must start fast: `@parallax/core/errors` loads no schema (zod
// costs a quarter of a second to load, in each of `extract --jobs`' threads too).
export { ERROR_CODES, type ErrorCode, isRetryable, type RetryPolicy } from './codes';
export { ConfigError } from './config-error';
export { FetchError, type FetchErrorCode } from './fetch-error';
export { InputError } from './input-error';
export { isParallaxError, ParallaxError, type ParallaxErrorOptions } from './parallax-error';
export { StoreError } from './store-error';
export { UsageError } from './usage-error';
