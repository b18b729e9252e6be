import { type LookupAddress, type LookupOptions, lookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress } from './address';

/** The error code a guarded lookup fails with; fetchResource turns it into PARALLAX_FETCH_BLOCKED_ADDRESS. */
export const BLOCKED_AT_CONNECT = 'PARALLAX_FETCH_BLOCKED_ADDRESS';

/**
 * A DNS lookup for sockets that refuses loopback, private, link-local and metadata addresses. The
 * guard before each request resolves the host once; the socket resolves it again, and a hostile DNS
 * server can answer differently the second time (DNS rebinding). With this lookup on the connection
 * pool, the address actually connected to is checked too.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...(options as LookupOptions), all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    const blocked = addresses.find((a) => isPrivateAddress(a.address));
    if (blocked) {
      const refusal: NodeJS.ErrnoException & { address?: string } = new Error(
        `${hostname} resolved at connect time to the non-public address ${blocked.address}`,
      );
      refusal.code = BLOCKED_AT_CONNECT;
      refusal.address = blocked.address;
      callback(refusal, '', 0);
      return;
    }
    if ((options as LookupOptions).all) {
      callback(null, addresses);
      return;
    }
    const first = addresses[0];
    if (!first) {
      const none: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
      none.code = 'ENOTFOUND';
      callback(none, '', 0);
      return;
    }
    callback(null, first.address, first.family);
  });
};
