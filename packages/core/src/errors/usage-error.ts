import { ParallaxError, type ParallaxErrorOptions } from './parallax-error';

/** The user asked for something that cannot work as asked (bad flag, missing argument). Never retried. */
export class UsageError extends ParallaxError {
  constructor(message: string, options?: ParallaxErrorOptions) {
    super('PARALLAX_USAGE', message, options);
  }
}
