import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { parseTrustProxy, TRUST_PROXY_HINT } from "@/lib/trust-proxy";

describe("parseTrustProxy", () => {
  it("trusts no proxy when unset, empty, false or 0", () => {
    for (const value of [undefined, "", " ", "false", "0"]) expect(parseTrustProxy(value)).toEqual({ kind: "none" });
  });

  it("reads a number as proxy hops", () => {
    expect(parseTrustProxy("1")).toEqual({ kind: "hops", hops: 1 });
    expect(parseTrustProxy(" 3 ")).toEqual({ kind: "hops", hops: 3 });
  });

  it("reads a comma list of addresses and CIDR ranges, IPv4-mapped ranges as IPv4", () => {
    const trust = parseTrustProxy("10.0.0.0/8, 192.168.1.7 ,::1,fd00::/8,::ffff:172.16.0.0/108");
    expect(trust.kind).toBe("addresses");
    if (trust.kind !== "addresses") return;
    expect(trust.ranges.map(([address, prefix]) => `${address.toString()}/${prefix}`)).toEqual([
      "10.0.0.0/8",
      "192.168.1.7/32",
      "::1/128",
      "fd00::/8",
      "172.16.0.0/12",
    ]);
  });

  it("refuses true (any client could choose its address), shorthand addresses, bad prefixes and words", () => {
    for (const value of [
      "true",
      "yes",
      "10.1",
      "0x7f.0.0.1",
      "10.0.0.0/33",
      "::1/129",
      "10.0.0.0/8/1",
      "10.0.0.1,",
      "-1",
      "1.5",
      "101",
      "::ffff:1.2.3.4/64",
    ]) {
      expect(() => parseTrustProxy(value), value).toThrow(TRUST_PROXY_HINT);
    }
  });

  it("is checked with the environment, naming the variable", () => {
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toEqual({ kind: "hops", hops: 2 });
    expect(parseEnv({}).TRUST_PROXY).toEqual({ kind: "none" });
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY must be[\s\S]*at TRUST_PROXY/);
  });
});
