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
  // What a blueprint with findings costs: every finding needs the positioned node tree.
  bench.add(`positioned ${size}`, () => void validateWithPositions(text));
}
await bench.run();

const median = (name: string) => {
  const task = bench.getTask(name);
  if (task?.result.state !== "completed") throw new Error(`${name} did not complete`);
  return task.result.latency.p50;
};
console.log("definitions  validateBlueprint median  yaml.parse median  ratio  positioned path median  ratio");
for (const size of sizes) {
  const validate = median(`validate ${size}`);
  const parseOnly = median(`parse ${size}`);
  const positioned = median(`positioned ${size}`);
  console.log(
    `${String(size).padStart(11)}  ${validate.toFixed(3).padStart(20)} ms  ${parseOnly.toFixed(3).padStart(14)} ms  ${(validate / parseOnly).toFixed(2).padStart(5)}x` +
      `  ${positioned.toFixed(3).padStart(19)} ms  ${(positioned / parseOnly).toFixed(2).padStart(5)}x`,
  );
}
console.log("target: 1000 definitions under 20 ms median and under 2.5x the bare parse");
