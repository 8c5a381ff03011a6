// The caller's address for rate limits and the audit log. Route handlers never see the socket, so
// the server's start appends the socket's address to X-Forwarded-For (`lib/peer-address.ts`; `next
// start` alone only fills the header when the request has none): the rightmost entry is always the
// peer that connected, and entries to its left are whatever that peer claims. TRUST_PROXY says
// which of those claims to believe.
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";
import { isTrustedProxy, parseAddress, type ProxyTrust } from "@/lib/trust-proxy";

/** The client's address, or null when X-Forwarded-For is missing or the entry it points at is not an address. */
export function clientIp(headers: Headers, trust: ProxyTrust = env.TRUST_PROXY): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) return null;
  switch (trust.kind) {
    case "none":
      return addressOf(entries.at(-1)!)?.toString() ?? null;
    case "hops":
      // Fewer entries than hops: the request skipped a proxy (a probe on the proxy's own host); take the farthest.
      return addressOf(entries[Math.max(0, entries.length - 1 - trust.hops)]!)?.toString() ?? null;
    case "addresses":
      return firstUntrustedFromRight(entries, trust);
  }
}

/** Walks left past trusted proxies; the first entry written about someone else is the client (all proxies: the leftmost). */
function firstUntrustedFromRight(entries: string[], trust: ProxyTrust & { kind: "addresses" }): string | null {
  for (let index = entries.length - 1; index >= 0; index--) {
    const address = addressOf(entries[index]!);
    // An entry that is not an address was not written by one of our proxies: stop at it.
    if (!address) return null;
    if (index === 0 || !isTrustedProxy(address, trust)) return address.toString();
  }
  return null;
}

/** The address in an entry, IPv4-mapped IPv6 as IPv4, without a port some proxies add ("1.2.3.4:5678", "[::1]:80"). */
function addressOf(entry: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = /^\[([^\]]+)\](?::\d+)?$/.exec(entry)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry)?.[1] ?? entry;
  return parseAddress(bare);
}
