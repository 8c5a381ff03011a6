import { serveRoute } from "@/lib/http/serve-route";
import { getTask } from "@/lib/tasks/get-task";

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/tasks/{taskId}", {
  // GET /api/tasks/{taskId}?wait_s= - one task with its attempts, optionally held until it is final
  GET: ({ params, query, request }) => getTask(params.taskId, { waitS: query.wait_s, signal: request.signal }),
});
