import { serveRoute } from "@/lib/http/serve-route";
import { unavailable } from "@/lib/http/operation-handler";
import { checkHealth } from "@/lib/observability/check-health";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/health", {
  // GET /api/health - database and migrations of this instance: 200 when it can serve, 503 when a balancer should take it out
  GET: async () => {
    const health = await checkHealth();
    return health.status === "ok" ? health : unavailable(health);
  },
});
