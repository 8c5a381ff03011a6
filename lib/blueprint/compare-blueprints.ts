// What changed in meaning between two versions of a blueprint, in words, above the text diff:
// "name A -> B", "worker range 2-8 -> 2-12", "new agent editor", "reports_to of copywriter: a -> b".
// Works on the YAML as data, so it also compares texts that break rules.
import { formatCount, isRecord } from "./rules";

type Definition = { role?: unknown; count?: unknown; reports_to?: unknown };

export function describeBlueprintChanges(before: unknown, after: unknown): string[] {
  const changes: string[] = [];
  const was = asRecord(before);
  const now = asRecord(after);
  const field = (record: Record<string, unknown>, ...path: string[]) => path.reduce<unknown>((value, key) => asRecord(value)[key], record);

  const versionBefore = field(was, "metadata", "version");
  const versionAfter = field(now, "metadata", "version");
  if (versionBefore !== versionAfter) changes.push(`version ${show(versionBefore)} -> ${show(versionAfter)}`);
  // What the catalogue shows comes from the metadata, so its changes are changes of meaning too.
  for (const key of ["name", "description", "tags"]) {
    const a = show(field(was, "metadata", key));
    const b = show(field(now, "metadata", key));
    if (a !== b) changes.push(`${key} ${a} -> ${b}`);
  }

  const rangeBefore = `${show(field(was, "cluster", "min_workers"))}-${show(field(was, "cluster", "max_workers"))}`;
  const rangeAfter = `${show(field(now, "cluster", "min_workers"))}-${show(field(now, "cluster", "max_workers"))}`;
  if (rangeBefore !== rangeAfter) changes.push(`worker range ${rangeBefore} -> ${rangeAfter}`);
  for (const key of ["type", "target_workers"]) {
    const a = field(was, "cluster", key);
    const b = field(now, "cluster", key);
    if (a !== b) changes.push(`${key} ${show(a)} -> ${show(b)}`);
  }
  const scalingBefore = JSON.stringify(field(was, "cluster", "scaling") ?? null);
  const scalingAfter = JSON.stringify(field(now, "cluster", "scaling") ?? null);
  if (scalingBefore !== scalingAfter)
    changes.push(
      scalingAfter === "null" ? "autoscaling removed" : scalingBefore === "null" ? "autoscaling added" : "scaling policy changed",
    );

  const agentsBefore = definitionsByName(field(was, "agents"));
  const agentsAfter = definitionsByName(field(now, "agents"));
  for (const [name, definition] of agentsAfter) {
    const old = agentsBefore.get(name);
    if (!old) {
      changes.push(`new agent ${name} (${show(definition.role)})`);
      continue;
    }
    if (old.role !== definition.role) changes.push(`role of ${name}: ${show(old.role)} -> ${show(definition.role)}`);
    if (describeCount(old.count) !== describeCount(definition.count))
      changes.push(`count of ${name}: ${describeCount(old.count)} -> ${describeCount(definition.count)}`);
    if (old.reports_to !== definition.reports_to)
      changes.push(`reports_to of ${name}: ${show(old.reports_to)} -> ${show(definition.reports_to)}`);
  }
  for (const name of agentsBefore.keys()) if (!agentsAfter.has(name)) changes.push(`agent ${name} removed`);
  return changes;
}

function definitionsByName(agents: unknown): Map<string, Definition> {
  const byName = new Map<string, Definition>();
  if (!Array.isArray(agents)) return byName;
  for (const agent of agents) {
    const record = asRecord(agent);
    if (typeof record.name === "string" && !byName.has(record.name)) byName.set(record.name, record);
  }
  return byName;
}

function describeCount(count: unknown): string {
  return formatCount(count) ?? show(count);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return "none";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(show).join(", ");
  return typeof value === "string" ? value : JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
