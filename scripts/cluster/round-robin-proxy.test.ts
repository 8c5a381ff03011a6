// The local proxy in front of several instances: turns, bodies, streamed event streams, and an
// instance that is down.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort } from "@/lib/test/closed-port";
import { type RoundRobinProxy, startRoundRobinProxy } from "./round-robin-proxy";

interface Upstream {
  url: string;
  server: http.Server;
}

/** A stand-in instance: echoes who answered, the body and the forwarded headers; /events streams two events a second apart. */
async function startUpstream(name: string): Promise<Upstream> {
  const server = http.createServer(async (request, response) => {
    if (request.url === "/events") {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("data: first\n\n");
      setTimeout(() => response.end("data: second\n\n"), 1_000);
      return;
    }
    let body = "";
    for await (const chunk of request) body += String(chunk);
    response.writeHead(201, { "content-type": "application/json", "x-instance": name });
    response.end(
      JSON.stringify({ name, method: request.method, body, forwardedFor: request.headers["x-forwarded-for"], host: request.headers.host }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("startRoundRobinProxy", () => {
  let upstreams: Upstream[];
  let proxy: RoundRobinProxy;

  beforeAll(async () => {
    upstreams = [await startUpstream("one"), await startUpstream("two")];
    proxy = await startRoundRobinProxy({ targets: upstreams.map((upstream) => upstream.url), port: await closedPort() });
  });
  afterAll(async () => {
    await proxy.close();
    for (const upstream of upstreams) upstream.server.close();
  });

  it("hands requests to the instances in turn, with the body, status, headers and the client's address", async () => {
    const answers: Array<Record<string, unknown>> = [];
    for (let index = 0; index < 4; index++) {
      const response = await fetch(`${proxy.url}/api/x`, { method: "POST", body: `body ${index}` });
      expect(response.status).toBe(201);
      answers.push({ ...((await response.json()) as Record<string, unknown>), header: response.headers.get("x-instance") });
    }
    expect(answers.map((answer) => answer.name)).toEqual(["one", "two", "one", "two"]);
    expect(answers[3]).toMatchObject({ method: "POST", body: "body 3", header: "two", forwardedFor: "127.0.0.1" });
    // The Host the client addressed goes on unchanged: the console checks a cookie's Origin against it.
    expect(answers[0]!.host).toBe(new URL(proxy.url).host);
  });

  it("streams an event stream as it comes, not once it ends", async () => {
    const started = Date.now();
    const response = await fetch(`${proxy.url}/events`);
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe("data: first\n\n");
    expect(Date.now() - started).toBeLessThan(800);
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe("data: second\n\n");
  });

  it("passes a request an instance refuses to connect on to the next one", async () => {
    const withDown = await startRoundRobinProxy({
      targets: [`http://127.0.0.1:${await closedPort()}`, upstreams[0]!.url],
      port: await closedPort(),
    });
    try {
      for (let index = 0; index < 3; index++) {
        const response = await fetch(`${withDown.url}/api/x`, { method: "POST", body: "once" });
        expect(await response.json()).toMatchObject({ name: "one", body: "once" });
      }
    } finally {
      await withDown.close();
    }
  });
});
