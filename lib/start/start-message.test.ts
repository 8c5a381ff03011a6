// The start-up lines: the address to open (NEXTAUTH_URL, where Next.js listens) and the sign-in hint.
import { describe, expect, it } from "vitest";
import { consoleAddress, describeAddress, describeSignIn } from "./start-message";

describe("consoleAddress", () => {
  it("is where Next.js listens, or PORT on localhost when it did not say", () => {
    expect(consoleAddress({ origin: "http://127.0.0.1:3300", port: "3300" })).toEqual({ url: "http://127.0.0.1:3300" });
    expect(consoleAddress({ port: "8080" })).toEqual({ url: "http://localhost:8080" });
    expect(consoleAddress({})).toEqual({ url: "http://localhost:3000" });
  });

  it("is NEXTAUTH_URL behind a proxy, naming the listening address too", () => {
    const address = consoleAddress({ publicUrl: "https://console.example.com/", origin: "http://localhost:3000" });
    expect(address).toEqual({ url: "https://console.example.com", listening: "http://localhost:3000" });
    expect(describeAddress(address)).toBe(
      "Cluster Console: open https://console.example.com (this server listens on http://localhost:3000)",
    );
    expect(describeAddress(consoleAddress({ publicUrl: "http://localhost:3000", origin: "http://localhost:3000" }))).toBe(
      "Cluster Console: open http://localhost:3000",
    );
  });
});

describe("describeSignIn", () => {
  const address = { url: "http://localhost:3000" };

  it("sends the first visitor to the setup page", () => {
    expect(describeSignIn(address, { kind: "needs-setup" })).toMatch(
      /^No user exists yet: open http:\/\/localhost:3000\/setup to create the first admin/,
    );
  });

  it("names the admin the environment created", () => {
    expect(describeSignIn(address, { kind: "admin-created", email: "admin@example.com" })).toMatch(
      /^Sign in as admin@example.com with ADMIN_PASSWORD/,
    );
  });

  it("asks for an account once users exist, and says ADMIN_EMAIL no longer counts", () => {
    expect(describeSignIn(address, { kind: "has-users", adminEmailSet: false })).toBe(
      "Sign in with your account at http://localhost:3000/signin",
    );
    expect(describeSignIn(address, { kind: "has-users", adminEmailSet: true })).toContain(
      "ADMIN_EMAIL and ADMIN_PASSWORD only create the first admin, while no user exists",
    );
  });
});
