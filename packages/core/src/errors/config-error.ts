import { ParallaxError, type ParallaxErrorOptions } from './parallax-error';

/** A configuration or manifest file is missing or invalid. Never retried: the file must change. */
export class ConfigError extends ParallaxError {
  constructor(message: string, options?: ParallaxErrorOptions) {
    super('PARALLAX_CONFIG_INVALID', message, options);
  }
}
