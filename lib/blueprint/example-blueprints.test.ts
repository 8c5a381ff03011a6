// The list of shipped examples stays equal to the example files the repository holds.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_BLUEPRINTS, EXAMPLE_BLUEPRINTS_DIRECTORY } from "./example-blueprints";
import { loadBlueprint } from "./load";

function trackedExampleFiles(): string[] | null {
  try {
    const listed = execFileSync("git", ["ls-files", "--", EXAMPLE_BLUEPRINTS_DIRECTORY], { encoding: "utf8" });
    return listed
      .split("\n")
      .filter((file) => /\.ya?ml$/.test(file))
      .map((file) => path.basename(file))
      .sort();
  } catch {
    return null;
  }
}

describe("EXAMPLE_BLUEPRINTS", () => {
  it.each(EXAMPLE_BLUEPRINTS)("$file carries the id $id", ({ file, id }) => {
    expect(loadBlueprint(readFileSync(path.join(EXAMPLE_BLUEPRINTS_DIRECTORY, file))).metadata.id).toBe(id);
  });

  it.each(EXAMPLE_BLUEPRINTS)("$file's opening comment gives the workers it starts with", ({ file }) => {
    const text = readFileSync(path.join(EXAMPLE_BLUEPRINTS_DIRECTORY, file), "utf8");
    const promised = /\((\d+) workers at creation/.exec(text.split("\n")[0]!)?.[1];
    const { cluster } = loadBlueprint(text);
    if (promised !== undefined) expect(Number(promised)).toBe(cluster.target_workers ?? cluster.min_workers);
  });

  it("names every YAML file git tracks under blueprints/, so a new example is never left out", (context) => {
    const tracked = trackedExampleFiles();
    // A copy without git (an unpacked release) has nothing to compare against.
    if (tracked === null) context.skip();
    expect(EXAMPLE_BLUEPRINTS.map((example) => example.file)).toEqual(tracked);
  });

  // An older console saved an edited example as blueprints/<id>.yaml; with the id as its name, that
  // copy would have replaced the example and still passed the id check.
  it("never names a file after its own id, the name a console gives a saved blueprint", () => {
    for (const { file, id } of EXAMPLE_BLUEPRINTS) expect(file).not.toBe(`${id}.yaml`);
  });
});
