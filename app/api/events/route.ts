import { lastEventIdSchema } from "@/lib/cluster/api-schema";
import { clusterEventStream } from "@/lib/cluster/cluster-event-stream";
import { InvalidInputError } from "@/lib/errors";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/events", {
  // GET /api/events - Server-Sent Events: every cluster change (optionally one cluster's), resumable with Last-Event-ID
  GET: async ({ query, request }) => {
    const header = request.headers.get("last-event-id");
    const parsed = header === null ? undefined : lastEventIdSchema.safeParse(header);
    if (parsed && !parsed.success)
      throw new InvalidInputError("Last-Event-ID must be an event id this stream sent", [
        { path: "Last-Event-ID", message: `"${header}" is not a non-negative integer` },
      ]);
    const stream = clusterEventStream({ lastEventId: parsed?.data, clusterId: query.cluster_id, signal: request.signal });
    return new Response(stream, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        // Proxies such as nginx would otherwise hold events back in their buffers.
        "x-accel-buffering": "no",
      },
    });
  },
});
