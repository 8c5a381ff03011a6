// Makes the socket's address the rightmost X-Forwarded-For entry of every request this process
// serves. `next start` only fills the header when a request has none, so a client that sent its
// own would otherwise choose the address `clientIp` reads; appending, as a proxy does, keeps what
// the peer claimed to its left, where TRUST_PROXY decides whether to believe it.
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

// Node publishes here synchronously before the server's "request" listeners (Next.js) run.
const REQUEST_START = "http.server.request.start";

const globalForPeer = globalThis as unknown as { peerAddressRecorded?: boolean };

/** Starts appending each request's socket address to its X-Forwarded-For; once per process. */
export function recordPeerAddresses(): void {
  if (globalForPeer.peerAddressRecorded) return;
  globalForPeer.peerAddressRecorded = true;
  diagnosticsChannel.subscribe(REQUEST_START, (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    appendPeerAddress(request, socket.remoteAddress);
  });
}

function appendPeerAddress(request: Pick<IncomingMessage, "headers">, peer: string | undefined): void {
  if (!peer) return;
  const claimed = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = claimed ? `${claimed}, ${peer}` : peer;
}
