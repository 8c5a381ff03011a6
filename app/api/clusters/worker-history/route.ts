import { workerHistoryQuerySchema } from "@/lib/autoscaler/api-schema";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";
import { workerHistory } from "@/lib/metrics/worker-history";

// GET /api/clusters/worker-history?ids=a,b&minutes=60 - active workers per minute of many clusters, for sparklines
export const GET = apiRoute({ access: "viewer", query: workerHistoryQuerySchema }, async ({ query }) => json(await workerHistory(query)));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
