import { getAutoscalerView } from "@/lib/autoscaler/get-autoscaler-view";
import { setAutoscalerPause } from "@/lib/autoscaler/set-autoscaler-pause";
import { serveRoute } from "@/lib/http/serve-route";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters/{id}/autoscaler", {
  // GET /api/clusters/{id}/autoscaler - the policy in words, the pause, the latest recommendation and decisions
  GET: ({ params }) => getAutoscalerView(params.id),
  // PUT /api/clusters/{id}/autoscaler - pause the autoscaler for this cluster (all, scale_in, scale_out) or resume it (none)
  PUT: ({ params, body, audit }) => setAutoscalerPause(params.id, body.pause, { audit }),
});
