import { setAutoscalerPauseRequestSchema } from "@/lib/autoscaler/api-schema";
import { getAutoscalerView } from "@/lib/autoscaler/get-autoscaler-view";
import { setAutoscalerPause } from "@/lib/autoscaler/set-autoscaler-pause";
import { clusterIdParamsSchema } from "@/lib/cluster/api-schema";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// GET /api/clusters/{id}/autoscaler - the policy in words, the pause, the latest recommendation and decisions
export const GET = apiRoute({ access: "viewer", params: clusterIdParamsSchema }, async ({ params }) =>
  json(await getAutoscalerView(params.id)),
);

// PUT /api/clusters/{id}/autoscaler - pause the autoscaler for this cluster (all, scale_in, scale_out) or resume it (none)
export const PUT = apiRoute(
  { access: "operator", params: clusterIdParamsSchema, body: setAutoscalerPauseRequestSchema },
  async ({ params, body, audit }) => json(await setAutoscalerPause(params.id, body.pause, { audit })),
);

export const { POST, PATCH, DELETE } = methodsNotAllowed(["GET", "PUT"]);
