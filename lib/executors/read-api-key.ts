// Executor secrets live in the console's environment, named by the blueprint (`api_key_env`) and
// read at each call, so a rotated key takes effect without touching the blueprint.
import { ExecutionError } from "./executor";

/** The key in the named variable; undefined when none is named. A named but unset variable is an error naming it, never a value. */
export function readApiKey(variable: string | undefined): string | undefined {
  if (variable === undefined) return undefined;
  const value = process.env[variable];
  if (value === undefined || value === "") {
    throw new ExecutionError(
      "configuration",
      `the environment variable ${variable} (the executor's api_key_env) is not set on the console's server`,
    );
  }
  return value;
}
