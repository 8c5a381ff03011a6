// Which executor addresses the console refuses to call (spec/tasks.md, "Executors"): link-local
// addresses and the cloud metadata services, where a blueprint's URL would reach the console
// host's own credentials. Pure and browser-safe: the validator runs it on the URLs an admin writes,
// and the server runs it again on every address a host name resolves to, at call time.
import ipaddr from "ipaddr.js";

/** The AWS metadata service's IPv6 address; its IPv4 one lies in 169.254.0.0/16. */
const AWS_METADATA_IPV6 = ipaddr.IPv6.parse("fd00:ec2::254");

/** Why an IP address may not be called, or undefined when it may. */
export function forbiddenAddressReason(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  // Unwraps ::ffff:169.254.169.254 and the like, so the IPv4 rules see them.
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).match(AWS_METADATA_IPV6, 128)) {
    return `${address} is a cloud metadata address`;
  }
  if (parsed.range() === "linkLocal") {
    return `${address} is a link-local address (${parsed.kind() === "ipv4" ? "169.254.0.0/16" : "fe80::/10"}), where cloud metadata services answer`;
  }
  return undefined;
}

/**
 * Why a URL's host may not be called, judging its literal host only (a host name is judged when it
 * is resolved, at call time). Undefined for a host name, an allowed address or a URL that does not
 * parse (the URL's format has its own rule).
 */
export function forbiddenUrlReason(url: string): string | undefined {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return undefined;
  }
  // The URL parser writes every IPv4 spelling (2852039166, 0xa9.0xfe.0xa9.0xfe) as dotted decimal
  // and keeps IPv6 in brackets.
  const literal = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return forbiddenAddressReason(literal);
}
