// An operator may give a cluster its own executor through `config.executor` when creating it. It
// is held to the blueprint format's rules (spec/tasks.md): a valid executor, and no URL on a
// link-local or cloud metadata address, so the console never stores what it would refuse to call.
import { executorSchema } from "@/lib/blueprint/executor-schema";
import { InvalidInputError } from "@/lib/errors";
import { forbiddenUrlReason } from "@/lib/executors/address-guard";
import type { ProblemFieldError } from "@/lib/shapes/problem";

export function assertExecutorOverrideAllowed(config: Record<string, unknown> | undefined): void {
  if (config?.executor === undefined) return;
  const parsed = executorSchema.safeParse(config.executor);
  const problems: ProblemFieldError[] = parsed.success
    ? urlProblems(parsed.data)
    : parsed.error.issues.map((issue) => ({ path: ["config", "executor", ...issue.path].join("."), message: issue.message }));
  if (problems.length > 0) throw new InvalidInputError("config.executor cannot be used", problems);
}

function urlProblems(executor: { type: string; url?: string; base_url?: string }): ProblemFieldError[] {
  const field = executor.type === "a2a" ? "url" : "base_url";
  const url = executor.url ?? executor.base_url;
  const reason = url === undefined ? undefined : forbiddenUrlReason(url);
  return reason ? [{ path: `config.executor.${field}`, message: reason }] : [];
}
