// A small HTTP proxy for trying several console instances on one machine, and for the tests: it
// hands each request to the next instance in turn and streams every answer as it comes (Server-Sent
// Events included: nothing is buffered). A request an instance refuses to connect (stopped, or
// restarting) goes on to the next one. Not for production: put nginx, Caddy or a cloud load
// balancer in front of the instances there (README, "Several instances on PostgreSQL").
//
// Node's http rather than a library: http-proxy is unmaintained since 2020 and http-proxy-3 needs
// Node 22; what is needed here is one request and one pipe per answer.
import http from "node:http";

export interface RoundRobinProxy {
  url: string;
  close(): Promise<void>;
}

export interface RoundRobinProxyOptions {
  /** The instances' base URLs, such as http://127.0.0.1:3001. */
  targets: readonly string[];
  port: number;
  host?: string;
}

/** Headers that describe one connection, never forwarded (RFC 9110, 7.6.1). */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"]);
/** The API refuses bodies over 1 MiB itself; the proxy keeps a body in memory to be able to pass it on. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export async function startRoundRobinProxy(options: RoundRobinProxyOptions): Promise<RoundRobinProxy> {
  const targets = options.targets.map((target) => new URL(target));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  let turn = 0;

  const server = http.createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      if (body === null) return void response.writeHead(413, { "content-type": "text/plain" }).end("request body too large\n");
      const first = turn++;
      for (let offset = 0; offset < targets.length; offset++) {
        const target = targets[(first + offset) % targets.length]!;
        if ((await forward(target, request, body, response, agent)) === "answered") return;
      }
      response.writeHead(502, { "content-type": "text/plain" }).end("no console instance accepted the connection\n");
    })().catch(() => response.destroy());
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${options.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

/** The whole request body (empty for most), or null past MAX_BODY_BYTES. */
async function readBody(request: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Sends the request to `target` and pipes its answer back. "refused" when the instance did not
 * accept the connection, so nothing reached it and another may take the request; any later failure
 * ends the client's answer instead, since the instance may already have acted on it.
 */
function forward(
  target: URL,
  request: http.IncomingMessage,
  body: Buffer,
  response: http.ServerResponse,
  agent: http.Agent,
): Promise<"answered" | "refused"> {
  return new Promise((resolve) => {
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: forwardedHeaders(request, body),
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
        // An event stream's first bytes may be a while coming: the client must see the headers now.
        response.flushHeaders();
        answer.pipe(response);
        answer.once("close", () => resolve("answered"));
      },
    );
    upstream.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED" && !response.headersSent) return resolve("refused");
      response.destroy();
      resolve("answered");
    });
    // The client went away (a tab closed its event stream): stop the instance's answer too.
    response.once("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    upstream.end(body);
  });
}

function forwardedHeaders(request: http.IncomingMessage, body: Buffer): http.OutgoingHttpHeaders {
  const headers = withoutHopByHop(request.headers);
  const client = request.socket.remoteAddress ?? "";
  const earlier = request.headers["x-forwarded-for"];
  headers["x-forwarded-for"] = earlier ? `${String(earlier)}, ${client}` : client;
  headers["x-forwarded-proto"] = "http";
  if (request.headers.host) headers["x-forwarded-host"] = request.headers.host;
  if (body.length > 0) headers["content-length"] = String(body.length);
  return headers;
}

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name)));
}
