export { ConfigError } from './errors/config-error';
export { FetchError, type FetchErrorCode } from './errors/fetch-error';
export { InputError } from './errors/input-error';
export { isParallaxError, ParallaxError, type ParallaxErrorOptions } from './errors/parallax-error';
export { StoreError } from './errors/store-error';
export { UsageError } from './errors/usage-error';
export { contentId, sha256Hex } from './ids';
export { Manifest, ManifestEntry } from './manifest';
export * from './schemas';
