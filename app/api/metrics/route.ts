import { serveRoute } from "@/lib/http/serve-route";
import { scrapeMetrics } from "@/lib/observability/scrape";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/metrics", {
  // GET /api/metrics - the console's own metrics in Prometheus' text format, for a scraper with an API token
  GET: async () => {
    const { body, contentType } = await scrapeMetrics();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  },
});
