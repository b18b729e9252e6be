import { ParallaxError, type ParallaxErrorOptions } from './parallax-error';

/** An input document cannot be read or parsed (missing file, unsupported type, not text). Never retried. */
export class InputError extends ParallaxError {
  constructor(message: string, options?: ParallaxErrorOptions) {
    super('PARALLAX_INPUT_INVALID', message, options);
  }
}
