// A definition's resolved executor config -> the Executor that does its agents' work (server only).
// Cheap to call: the network executors share one connection pool (ExecutorSettings.dispatcher).
import type { ExecutorConfig } from "@/lib/blueprint/executor-schema";
import { createA2aExecutor } from "./a2a-executor";
import { type ExecutorSettings, executorSettingsFromEnv } from "./executor-settings";
import type { Executor } from "./executor";
import { createOpenaiExecutor } from "./openai-executor";
import { simulateExecutor } from "./simulate-executor";

export function createExecutor(config: ExecutorConfig, settings?: ExecutorSettings): Executor {
  switch (config.type) {
    case "simulate":
      return simulateExecutor;
    case "openai":
      return createOpenaiExecutor(config, settings ?? executorSettingsFromEnv());
    case "a2a":
      return createA2aExecutor(config, settings ?? executorSettingsFromEnv());
  }
}
