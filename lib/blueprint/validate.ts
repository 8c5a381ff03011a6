// validateBlueprint: every rule of the format, all findings at once, each with line and column.
import type { z } from "zod";
import { compareFindings, type Finding, type FindingPath, formatPath } from "./finding";
import { checkBlueprintRules, type RuleFinding } from "./rules";
import { agentDefinitionSchema, type Blueprint, blueprintSchema, clusterSettingsSchema, metadataSchema, scalingSchema } from "./schema";
import { closestMatch, didYouMean } from "./suggest";
import { loadYamlFast } from "./fast-yaml";
import { createSectionLocator } from "./section-locator";
import { MAX_NESTING_DEPTH, parseYamlSource, readYamlText, type YamlSource } from "./yaml-source";

export interface BlueprintValidation {
  valid: boolean;
  errors: Finding[];
  warnings: Finding[];
  /** The parsed blueprint when there are no errors. */
  blueprint?: Blueprint;
  /** The YAML as plain data whenever it parses, rule breaks included: what the editor's preview draws. */
  document?: unknown;
}

export function validateBlueprint(source: string | Uint8Array): BlueprintValidation {
  const { text, errors: textErrors, spansLines } = readYamlText(source);
  if (textErrors.length > 0) return { valid: false, errors: textErrors, warnings: [] };
  // js-yaml is laxer than YAML 1.2 about the indentation of flow collections and quoted scalars that span lines.
  return (spansLines ? undefined : validateFast(text)) ?? validateWithPositions(text);
}

/**
 * The fast path: js-yaml's value, checked by zod and the rules. A valid blueprint needs no
 * positions; findings are placed by parsing only the pieces they point into. Undefined sends the
 * caller to the positioned path.
 */
function validateFast(text: string): BlueprintValidation | undefined {
  const value = loadYamlFast(text, MAX_NESTING_DEPTH);
  if (value === undefined) return undefined;
  const parsed = blueprintSchema.safeParse(value, { reportInput: true });
  const ruleFindings = checkBlueprintRules(value);
  if (parsed.success && ruleFindings.length === 0)
    return { valid: true, errors: [], warnings: [], blueprint: parsed.data, document: value };
  const locate = createSectionLocator(text, value);
  if (!locate) return undefined;
  let placedAll = true;
  const source: YamlSource = {
    value,
    errors: [],
    locate: (path, target) => {
      const at = locate(path, target);
      if (!at) placedAll = false;
      return at ?? { line: 1, column: 1 };
    },
  };
  const result = collectFindings(parsed, ruleFindings, source);
  return placedAll ? result : undefined;
}

/** Every finding with its position; exported for the test that holds both paths to the same answers, and the bench. */
export function validateWithPositions(text: string): BlueprintValidation {
  const yaml = parseYamlSource(text);
  if (yaml.errors.length > 0) return { valid: false, errors: yaml.errors, warnings: [] };
  return collectFindings(blueprintSchema.safeParse(yaml.value, { reportInput: true }), checkBlueprintRules(yaml.value), yaml);
}

function collectFindings(
  parsed: z.ZodSafeParseResult<Blueprint>,
  ruleFindings: readonly RuleFinding[],
  yaml: YamlSource,
): BlueprintValidation {
  const findings: Finding[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) findings.push(...describeIssue(issue, yaml));
  }
  for (const finding of ruleFindings) findings.push(place(finding, yaml));

  const errors = findings.filter((finding) => finding.severity === "error").sort(compareFindings);
  const warnings = findings.filter((finding) => finding.severity === "warning").sort(compareFindings);
  const valid = errors.length === 0 && parsed.success;
  return { valid, errors, warnings, blueprint: valid ? parsed.data : undefined, document: yaml.value };
}

function place(finding: RuleFinding, yaml: YamlSource): Finding {
  const { line, column } = yaml.locate(finding.path, finding.target);
  return { severity: finding.severity, path: formatPath(finding.path), message: finding.message, line, column };
}

const KNOWN_KEYS: Record<string, string[]> = {
  "": Object.keys(blueprintSchema.shape),
  metadata: Object.keys(metadataSchema.shape),
  cluster: Object.keys(clusterSettingsSchema.shape),
  "cluster.scaling": Object.keys(scalingSchema.shape),
  agent: Object.keys(agentDefinitionSchema.shape),
};

function knownKeysAt(path: FindingPath): string[] {
  if (path[0] === "agents" && path.length === 2) return KNOWN_KEYS.agent!;
  return KNOWN_KEYS[formatPath(path)] ?? [];
}

function describeIssue(issue: z.core.$ZodIssue, yaml: YamlSource): Finding[] {
  const path = issue.path as FindingPath;
  if (issue.code === "unrecognized_keys") {
    const known = knownKeysAt(path);
    return issue.keys.map((key) =>
      place({ severity: "error", path: [...path, key], target: "key", message: `unknown key "${key}"${didYouMean(key, known)}` }, yaml),
    );
  }
  const field = String(path[path.length - 1] ?? "document");
  const isMissing = issue.input === undefined && ["invalid_type", "invalid_value", "invalid_union"].includes(issue.code);
  if (isMissing) {
    return [place({ severity: "error", path, target: "key", message: `"${field}" is required` }, yaml)];
  }
  if (issue.code === "invalid_value" && typeof issue.input === "string") {
    const hint = closestMatch(issue.input, issue.values.map(String));
    const message = hint === undefined ? issue.message : `${issue.message}; did you mean "${hint}"?`;
    return [place({ severity: "error", path, message }, yaml)];
  }
  return [place({ severity: "error", path, message: issue.message }, yaml)];
}
