// TanStack Query hooks for the task routes: a cluster's tasks a page at a time, one task with its
// attempts, and submit, cancel and retry. The event stream's task events mark what they change
// stale (refreshTaskQueries), so every open list and drawer follows the queue without polling.
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { TaskDetailView, TaskRequest, TaskView } from "@/lib/tasks/api-schema";
import type { TaskStatus } from "@/lib/tasks/task-status";
import { api, dataOf, withoutEmpty } from "./api-client";
import { clusterKeys, invalidateClusterWork, useClusterQueryScope } from "./cluster-hooks";
import { refusalMessage } from "./cluster-mutations";

export interface TaskListFilters {
  status?: TaskStatus;
  definition?: string;
  capability?: string;
  page: number;
}

export const TASK_PAGE_SIZE = 20;

export const taskKeys = {
  // Under the cluster's keys: a deleted cluster's task lists stop with its other queries.
  lists: (clusterId: string) => [...clusterKeys.all, clusterId, "tasks"] as const,
  list: (clusterId: string, filters: TaskListFilters) => [...taskKeys.lists(clusterId), filters] as const,
  details: () => ["tasks"] as const,
  detail: (taskId: string) => [...taskKeys.details(), taskId] as const,
};

/** Marks stale what task changes of these clusters and tasks touch: lists, open tasks, counts, busy agents. */
export function refreshTaskQueries(queryClient: QueryClient, changes: { clusterIds: Iterable<string>; taskIds: Iterable<string> }): void {
  for (const clusterId of changes.clusterIds) {
    invalidateClusterWork(queryClient, clusterId);
    void queryClient.invalidateQueries({ queryKey: taskKeys.lists(clusterId) });
  }
  for (const taskId of changes.taskIds) void queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) });
}

export function useClusterTasks(clusterId: string, filters: TaskListFilters) {
  const scope = useClusterQueryScope(clusterId);
  return useQuery({
    queryKey: taskKeys.list(clusterId, filters),
    queryFn: () =>
      scope.fetchFrom(() =>
        dataOf(
          api.GET("/api/clusters/{id}/tasks", {
            params: { path: { id: clusterId }, query: withoutEmpty({ ...filters, page_size: TASK_PAGE_SIZE }) },
          }),
        ),
      ),
    enabled: scope.enabled,
    placeholderData: keepPreviousData,
  });
}

export function useTask(taskId: string) {
  return useQuery({
    queryKey: taskKeys.detail(taskId),
    queryFn: () => dataOf(api.GET("/api/tasks/{taskId}", { params: { path: { taskId } } })),
  });
}

export interface SubmitTaskInput {
  task: TaskRequest;
  /** The same key for the same body: a submission repeated after a lost answer creates no second task. */
  idempotencyKey: string;
}

/** Submits one task; the caller shows a refusal beside its form, where the text it refers to still is. */
export function useSubmitTask(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: "always",
    mutationFn: async ({ task, idempotencyKey }: SubmitTaskInput): Promise<TaskDetailView> => {
      const answer = await dataOf(
        api.POST("/api/clusters/{id}/tasks", {
          params: { path: { id: clusterId }, header: { "idempotency-key": idempotencyKey } },
          body: task,
        }),
      );
      // The operation answers one task for one, `{items}` for a batch; one was sent.
      if ("items" in answer) throw new Error("the server answered a batch for one task");
      return answer;
    },
    onSuccess: (created) => queryClient.setQueryData(taskKeys.detail(created.id), created),
    onSettled: () => refreshTaskQueries(queryClient, { clusterIds: [clusterId], taskIds: [] }),
  });
}

/** Cancel or retry: the answer is the task with its attempts as it now is; a refusal (409: already final, or not final) in a toast. */
function useTaskAction(action: "cancel" | "retry") {
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: "always",
    mutationFn: (task: Pick<TaskView, "id" | "cluster_id">) =>
      dataOf(
        action === "cancel"
          ? api.POST("/api/tasks/{taskId}/cancel", { params: { path: { taskId: task.id } } })
          : api.POST("/api/tasks/{taskId}/retry", { params: { path: { taskId: task.id } } }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(taskKeys.detail(saved.id), saved);
      toast.success(action === "cancel" ? "Task cancelled" : "Task queued again");
    },
    onError: (error) => toast.error(`Could not ${action} the task`, { description: refusalMessage(error) }),
    onSettled: (_saved, _error, task) => refreshTaskQueries(queryClient, { clusterIds: [task.cluster_id], taskIds: [task.id] }),
  });
}

export function useCancelTask() {
  return useTaskAction("cancel");
}

export function useRetryTask() {
  return useTaskAction("retry");
}
