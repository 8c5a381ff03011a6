// The caller's address for rate limits and the audit log. Route handlers never see the socket:
// `next start` puts its address into X-Forwarded-For when the request has none, and a proxy in
// front appends the address it saw, so the last entry is the nearest hop.
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (!forwarded) return null;
  const last = forwarded.split(",").at(-1)!.trim();
  return last === "" ? null : last.replace(/^::ffff:/, "");
}
