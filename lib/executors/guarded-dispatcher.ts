// The connection pool every executor call goes through (server only). A host name is resolved here,
// once per connection, and the socket connects to exactly the addresses that were checked: a DNS
// answer that changes between a check and the connection (DNS rebinding) cannot slip a metadata
// address past the guard.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, type Dispatcher } from "undici";
import { forbiddenAddressReason } from "./address-guard";
import { ExecutionError } from "./executor";

/** Every address a host name resolves to (what dns.lookup answers with `all: true`). */
export type ResolveHost = (hostname: string, family: number) => Promise<LookupAddress[]>;

const resolveWithDns: ResolveHost = (hostname, family) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, family }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

/** A lookup that refuses a host when any of its addresses is forbidden, not only the one picked. */
export function guardedLookup(resolveHost: ResolveHost = resolveWithDns): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname, options.family === 4 || options.family === 6 ? options.family : 0).then(
      (addresses) => {
        for (const { address } of addresses) {
          const reason = forbiddenAddressReason(address);
          if (reason) {
            callback(new ExecutionError("forbidden-address", `${hostname} resolves to ${reason}; the console does not call it`), []);
            return;
          }
        }
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
        } else if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0]!.address, addresses[0]!.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
}

/**
 * The pool for executor calls. No header or body timeout of its own: each call carries the
 * attempt's deadline as its abort signal, and an attempt may rightly run for hours.
 */
export function createGuardedDispatcher(resolveHost?: ResolveHost): Dispatcher {
  return new Agent({ connect: { lookup: guardedLookup(resolveHost), timeout: 10_000 }, headersTimeout: 0, bodyTimeout: 0 });
}
