import { serveRoute } from "@/lib/http/serve-route";
import { cancelTask } from "@/lib/tasks/cancel-task";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/tasks/{taskId}/cancel", {
  // POST /api/tasks/{taskId}/cancel - stop a queued, running or failed task
  POST: ({ params, audit }) => cancelTask(params.taskId, { audit }),
});
