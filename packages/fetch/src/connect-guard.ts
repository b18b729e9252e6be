import { type LookupAddress, type LookupOptions, lookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { type AddressPermissions, addressAllowed, refusalReason } from './address';

/** The error code a guarded lookup fails with; fetchResource turns it into PARALLAX_FETCH_BLOCKED_ADDRESS. */
export const BLOCKED_AT_CONNECT = 'PARALLAX_FETCH_BLOCKED_ADDRESS';

/**
 * A DNS lookup for sockets that refuses loopback, private, link-local and metadata addresses. The
 * guard before each request resolves the host once; the socket resolves it again, and a hostile DNS
 * server can answer differently the second time (DNS rebinding). With this lookup on the connection
 * pool, the address actually connected to is checked too.
 */
export const guardedLookup: LookupFunction = guardedLookupFor({});

/** The same guard with loopback and/or private addresses allowed; link-local never is. */
export function guardedLookupFor(permissions: AddressPermissions): LookupFunction {
  return (hostname, options, callback) => guardedLookupWith(permissions, hostname, options, callback);
}

function guardedLookupWith(
  permissions: AddressPermissions,
  ...[hostname, options, callback]: Parameters<LookupFunction>
): void {
  lookup(hostname, { ...(options as LookupOptions), all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    const blocked = addresses.find((a) => !addressAllowed(a.address, permissions));
    if (blocked) {
      const refusal: NodeJS.ErrnoException & { address?: string } = new Error(
        `${hostname} resolved at connect time to ${refusalReason(blocked.address, permissions)}`,
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
}
