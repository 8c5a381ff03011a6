import { serveRoute } from "@/lib/http/serve-route";
import { getAgentRuntime } from "@/lib/runtime/runtime";
import { listTasks } from "@/lib/tasks/list-tasks";
import { submitTasks } from "@/lib/tasks/submit-tasks";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/clusters/{id}/tasks", {
  // GET /api/clusters/{id}/tasks - the cluster's tasks, newest first, filtered and paginated
  GET: ({ params, query }) => listTasks(params.id, query),
  // POST /api/clusters/{id}/tasks - queue one task or a batch; Idempotency-Key makes a retried call safe
  POST: ({ params, body, headers, audit }) =>
    submitTasks(params.id, body, { audit, runtime: getAgentRuntime(), idempotencyKey: headers["idempotency-key"] }),
});
