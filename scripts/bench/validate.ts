// npm run bench:validate - median time of validateBlueprint against a bare yaml.parse of the same text.
import { Bench } from "tinybench";
import { parse } from "yaml";
import { validateBlueprint, validateWithPositions } from "../../lib/blueprint/validate";
import { generateBlueprint } from "./generate-blueprint";

const bench = new Bench({ time: 1000, warmup: true });
const sizes = [10, 100, 1000];
for (const size of sizes) {
  const text = generateBlueprint(size);
  const check = validateBlueprint(text);
  if (!check.valid) throw new Error(`generated blueprint of ${size} is invalid: ${JSON.stringify(check.errors.slice(0, 3))}`);
  bench.add(`validate ${size}`, () => void validateBlueprint(text));
  bench.add(`parse ${size}`, () => void parse(text));
  // The full positioned path, and a blueprint with findings (a repeated name, no capabilities),
  // whose findings the fast path places by parsing only the pieces they point into.
  bench.add(`positioned ${size}`, () => void validateWithPositions(text));
  const withFindings = `${text}  - { name: director, role: specialist, reports_to: director }\n`;
  if (validateBlueprint(withFindings).errors.length === 0) throw new Error("the text with findings has none");
  bench.add(`findings ${size}`, () => void validateBlueprint(withFindings));
}
await bench.run();

const median = (name: string) => {
  const task = bench.getTask(name);
  if (task?.result.state !== "completed") throw new Error(`${name} did not complete`);
  return task.result.latency.p50;
};
console.log("definitions  validateBlueprint median  yaml.parse median  ratio  positioned path median  ratio  with findings median  ratio");
for (const size of sizes) {
  const validate = median(`validate ${size}`);
  const parseOnly = median(`parse ${size}`);
  const positioned = median(`positioned ${size}`);
  const findings = median(`findings ${size}`);
  console.log(
    `${String(size).padStart(11)}  ${validate.toFixed(3).padStart(20)} ms  ${parseOnly.toFixed(3).padStart(14)} ms  ${(validate / parseOnly).toFixed(2).padStart(5)}x` +
      `  ${positioned.toFixed(3).padStart(19)} ms  ${(positioned / parseOnly).toFixed(2).padStart(5)}x` +
      `  ${findings.toFixed(3).padStart(18)} ms  ${(findings / parseOnly).toFixed(2).padStart(5)}x`,
  );
}
console.log("target: 1000 definitions under 20 ms median and under 2.5x the bare parse");
