import { ParallaxError, type ParallaxErrorOptions } from './parallax-error';

/** The store refused or failed a write or read. Retryable: connection loss and lock contention pass. */
export class StoreError extends ParallaxError {
  constructor(message: string, options?: ParallaxErrorOptions) {
    super('PARALLAX_STORE_FAILED', message, { ...options, retryable: options?.retryable ?? true });
  }
}
