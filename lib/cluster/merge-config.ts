// Deep merge of free-form config maps: nested maps merge, anything else in `override` replaces.
type ConfigMap = Record<string, unknown>;

const isMap = (value: unknown): value is ConfigMap => typeof value === "object" && value !== null && !Array.isArray(value);

export function mergeConfig(base: ConfigMap, override: ConfigMap): ConfigMap {
  const merged: ConfigMap = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    merged[key] = isMap(current) && isMap(value) ? mergeConfig(current, value) : value;
  }
  return merged;
}
