// Deep merge of free-form config maps: nested maps merge, anything else in `override` replaces.
// An executor is replaced whole: merging an openai override into an a2a executor would keep the
// a2a `url` beside the new `base_url` and give an executor of neither kind.
type ConfigMap = Record<string, unknown>;

const isMap = (value: unknown): value is ConfigMap => typeof value === "object" && value !== null && !Array.isArray(value);

const REPLACED_WHOLE = new Set(["executor"]);

export function mergeConfig(base: ConfigMap, override: ConfigMap): ConfigMap {
  const merged: ConfigMap = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    merged[key] = isMap(current) && isMap(value) && !REPLACED_WHOLE.has(key) ? mergeConfig(current, value) : value;
  }
  return merged;
}
