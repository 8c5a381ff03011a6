// TRUST_PROXY: which entries of X-Forwarded-For were written by proxies we run, and so which entry
// is the client's address. Parsed once with the environment; `clientIp` applies it per request.
import ipaddr from "ipaddr.js";

/**
 * - `none`: no proxy; the rightmost entry (the socket's own address) is the client.
 * - `hops`: this many proxies stand in front; the client is the entry `hops + 1` from the right.
 * - `addresses`: entries in these ranges are proxies; the client is the first entry from the right outside them.
 */
export type ProxyTrust =
  { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; ranges: ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]> };

export const TRUST_PROXY_HINT =
  'TRUST_PROXY must be "false", a number of proxy hops such as 1, or a comma list of proxy addresses or CIDR ranges such as 10.0.0.0/8,::1';

/** The trust a TRUST_PROXY value names; throws with TRUST_PROXY_HINT for anything else. */
export function parseTrustProxy(value: string | undefined): ProxyTrust {
  const text = value?.trim() ?? "";
  if (text === "" || text === "false" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (!Number.isSafeInteger(hops) || hops > 100) throw new Error(TRUST_PROXY_HINT);
    return { kind: "hops", hops };
  }
  // "true" (trust every hop) would let any client choose its address: name the proxies instead.
  const entries = text.split(",").map((entry) => entry.trim());
  return { kind: "addresses", ranges: entries.map(parseRange) };
}

function parseRange(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const [addressText = "", prefixText, ...rest] = entry.split("/");
  const address = parseAddress(addressText);
  const written = addressText.includes(":") ? 128 : 32;
  const prefix = prefixText === undefined ? written : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  // An IPv4-mapped range (::ffff:10.0.0.0/104) means the IPv4 range, as addresses are compared after parseAddress.
  const isMapped = address?.kind() === "ipv4" && written === 128;
  const meant = isMapped ? prefix - 96 : prefix;
  if (!address || rest.length > 0 || !(meant >= 0 && prefix <= written)) throw new Error(`${TRUST_PROXY_HINT} ("${entry}" is neither)`);
  return [address, meant];
}

/** A dotted-quad IPv4 or an IPv6 address (IPv4-mapped IPv6 as IPv4), or null; no shorthand such as "10.1" or "0x7f.1". */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  return ipaddr.IPv6.isValid(text) ? ipaddr.process(text) : null;
}

/** Whether `address` (already passed through ipaddr.process) lies in one of the trusted ranges. */
export function isTrustedProxy(address: ipaddr.IPv4 | ipaddr.IPv6, trust: ProxyTrust & { kind: "addresses" }): boolean {
  return trust.ranges.some(([range, prefix]) => range.kind() === address.kind() && address.match(range, prefix));
}
