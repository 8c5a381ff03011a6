import { serveRoute } from "@/lib/http/serve-route";
import { retryTask } from "@/lib/tasks/retry-task";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/tasks/{taskId}/retry", {
  // POST /api/tasks/{taskId}/retry - queue a dead or cancelled task again
  POST: ({ params, audit }) => retryTask(params.taskId, { audit }),
});
