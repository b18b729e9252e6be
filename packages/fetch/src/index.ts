export {
  type AddressKind,
  type AddressPermissions,
  addressAllowed,
  addressKind,
  isPrivateAddress,
} from './address';
export { type DecodedBody, decodeBody, decodeBodyDetailed, sniffCharset } from './charset';
export { guardedLookup, guardedLookupFor } from './connect-guard';
export {
  addressPermissionsOf,
  assertPublicHost,
  type ConditionalValidators,
  type FetchedPage,
  type FetchOptions,
  type FetchOutcome,
  fetchPage,
  fetchResource,
  type NotModified,
} from './fetch-page';
export { type HostLimiter, type HostLimits, InProcessHostLimiter, type ReleaseSlot } from './host-limiter';
export {
  backoffDelay,
  buildUserAgent,
  PoliteFetcher,
  type PoliteFetcherOptions,
  type PoliteFetchResult,
  type RetryPolicy,
  type SnapshotReference,
} from './polite-fetcher';
export { parseRetryAfter } from './retry-after';
export { RobotsCache, type RobotsCacheOptions, type RobotsVerdict } from './robots';
