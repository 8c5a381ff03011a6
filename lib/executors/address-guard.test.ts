import { describe, expect, it } from "vitest";
import { forbiddenAddressReason, forbiddenUrlReason } from "./address-guard";

describe("forbiddenUrlReason", () => {
  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://169.254.0.1:8080/",
    "https://169.254.255.255/",
    // Other spellings of 169.254.169.254 that the URL parser writes as dotted decimal.
    "http://2852039166/",
    "http://0xa9.0xfe.0xa9.0xfe/",
    "http://[fd00:ec2::254]/",
    "http://[FD00:0EC2:0000::0254]/",
    "http://[fe80::1]/",
    "http://[febf:ffff::1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:a9fe:a9fe]/",
  ])("refuses %s", (url) => {
    expect(forbiddenUrlReason(url)).toMatch(/link-local|metadata/);
  });

  it.each([
    "http://127.0.0.1:4100",
    "http://[::1]:4100",
    "http://10.0.0.5/v1",
    "http://169.253.255.255/",
    "http://169.255.0.1/",
    "http://[fec0::1]/",
    "http://[fd00:ec2::253]/",
    "https://agents.example.com/research",
    // A host name is judged when it resolves, at call time.
    "http://metadata.google.internal/",
    "not a url",
  ])("leaves %s to the other rules", (url) => {
    expect(forbiddenUrlReason(url)).toBeUndefined();
  });

  it("says which rule an address breaks", () => {
    expect(forbiddenUrlReason("http://169.254.169.254/")).toBe(
      "169.254.169.254 is a link-local address (169.254.0.0/16), where cloud metadata services answer",
    );
    expect(forbiddenAddressReason("fd00:ec2::254")).toBe("fd00:ec2::254 is a cloud metadata address");
    expect(forbiddenAddressReason("fe80::1%eth0")).toMatch(/link-local address \(fe80::\/10\)/);
  });
});
