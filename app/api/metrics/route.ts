import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute } from "@/lib/http/route";
import { scrapeMetrics } from "@/lib/observability/scrape";

// GET /api/metrics - the console's own metrics in Prometheus' text format, for a scraper with an API token
export const GET = apiRoute({ access: "viewer" }, async () => {
  const { body, contentType } = await scrapeMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
