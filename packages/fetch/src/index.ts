export { isPrivateAddress } from './address';
export { decodeBody, sniffCharset } from './charset';
export { type FetchedPage, type FetchOptions, fetchPage } from './fetch-page';
