import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/client-ip";
import { parseTrustProxy } from "@/lib/trust-proxy";

// The rightmost entry is always the socket's address (lib/peer-address.ts appends it).
const ipOf = (forwardedFor: string | null, trustProxy?: string) =>
  clientIp(new Headers(forwardedFor === null ? {} : { "x-forwarded-for": forwardedFor }), parseTrustProxy(trustProxy));

describe("clientIp without a trusted proxy (TRUST_PROXY unset)", () => {
  it("is the socket's address", () => {
    expect(ipOf("203.0.113.9")).toBe("203.0.113.9");
    expect(ipOf("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(ipOf("::1")).toBe("::1");
  });

  it("ignores what a client wrote into X-Forwarded-For itself", () => {
    expect(ipOf("1.1.1.1, 203.0.113.9")).toBe("203.0.113.9");
    expect(ipOf("1.1.1.1, 2.2.2.2, ::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("is null without the header or with an entry that is not an address", () => {
    expect(ipOf(null)).toBeNull();
    expect(ipOf("")).toBeNull();
    expect(ipOf(" , ")).toBeNull();
    expect(ipOf("unknown")).toBeNull();
    expect(ipOf("10.1")).toBeNull();
  });
});

describe("clientIp with TRUST_PROXY=N hops", () => {
  it("takes the entry N+1 from the right: the address the farthest trusted proxy saw", () => {
    expect(ipOf("198.51.100.4, 10.0.0.2", "1")).toBe("198.51.100.4");
    expect(ipOf("198.51.100.4, 10.0.0.3, 10.0.0.2", "2")).toBe("198.51.100.4");
  });

  it("keeps a client's own entries to the left of what the proxies wrote out of reach", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the one proxy appended the client's real address.
    expect(ipOf("6.6.6.6, 198.51.100.4, 10.0.0.2", "1")).toBe("198.51.100.4");
    expect(ipOf("6.6.6.6, 7.7.7.7, 198.51.100.4, 10.0.0.3, 10.0.0.2", "2")).toBe("198.51.100.4");
  });

  it("takes the farthest entry when the request passed fewer proxies (a probe on the proxy's host)", () => {
    expect(ipOf("10.0.0.2", "1")).toBe("10.0.0.2");
    expect(ipOf("198.51.100.4, 10.0.0.2", "3")).toBe("198.51.100.4");
  });

  it("strips ports some proxies add and reads IPv4-mapped addresses as IPv4", () => {
    expect(ipOf("198.51.100.4:51234, 10.0.0.2", "1")).toBe("198.51.100.4");
    expect(ipOf("[2001:db8::7]:443, 10.0.0.2", "1")).toBe("2001:db8::7");
    expect(ipOf("::ffff:198.51.100.4, 10.0.0.2", "1")).toBe("198.51.100.4");
  });

  it("is null when the proxy wrote something that is not an address", () => {
    expect(ipOf("unknown, 10.0.0.2", "1")).toBeNull();
  });
});

describe("clientIp with TRUST_PROXY as proxy addresses", () => {
  const proxies = "10.0.0.0/8,::1";

  it("walks from the right past trusted proxies to the first other address", () => {
    expect(ipOf("198.51.100.4, 10.0.0.3, 10.0.0.2", proxies)).toBe("198.51.100.4");
    expect(ipOf("198.51.100.4, ::1", proxies)).toBe("198.51.100.4");
    expect(ipOf("198.51.100.4, ::ffff:10.0.0.2", proxies)).toBe("198.51.100.4");
  });

  it("does not believe a peer outside the list: a client connecting directly is its socket's address", () => {
    expect(ipOf("6.6.6.6, 198.51.100.4", proxies)).toBe("198.51.100.4");
    expect(ipOf("10.9.9.9, 198.51.100.4", proxies)).toBe("198.51.100.4");
  });

  it("stops at the first untrusted entry, so a client cannot hide behind a forged proxy entry", () => {
    // The client forged "6.6.6.6, 10.0.0.9"; the real proxy appended the client's own address.
    expect(ipOf("6.6.6.6, 10.0.0.9, 198.51.100.4, 10.0.0.2", proxies)).toBe("198.51.100.4");
  });

  it("takes the leftmost entry when every entry is a trusted proxy", () => {
    expect(ipOf("10.0.0.5, 10.0.0.2", proxies)).toBe("10.0.0.5");
    expect(ipOf("10.0.0.2", proxies)).toBe("10.0.0.2");
  });

  it("is null at an entry that is not an address", () => {
    expect(ipOf("198.51.100.4, garbage, 10.0.0.2", proxies)).toBeNull();
  });
});
