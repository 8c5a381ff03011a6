import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordPeerAddresses } from "@/lib/peer-address";

// A real HTTP server: what its request listener (Next.js, in production) sees as X-Forwarded-For.
const server = createServer((request, response) => response.end(JSON.stringify(request.headers["x-forwarded-for"] ?? null)));
let origin = "";

beforeAll(async () => {
  recordPeerAddresses();
  recordPeerAddresses(); // a second call must not append twice
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const forwardedFor = async (headers: Record<string, string> = {}) =>
  (await fetch(origin, { headers, signal: AbortSignal.timeout(5_000) })).json() as Promise<string | null>;

describe("recordPeerAddresses", () => {
  it("puts the socket's address into X-Forwarded-For when the request has none", async () => {
    expect(await forwardedFor()).toBe("127.0.0.1");
  });

  it("appends it to what the client claimed, so the claim never stands last", async () => {
    expect(await forwardedFor({ "x-forwarded-for": "6.6.6.6" })).toBe("6.6.6.6, 127.0.0.1");
    expect(await forwardedFor({ "x-forwarded-for": "6.6.6.6, 7.7.7.7" })).toBe("6.6.6.6, 7.7.7.7, 127.0.0.1");
  });
});
