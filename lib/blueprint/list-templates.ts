// The starting points of "New blueprint": the example blueprints shipped in blueprints/.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { loadBlueprint } from "./load";

export interface BlueprintTemplate {
  id: string;
  name: string;
  description: string | null;
  yaml: string;
}

export async function listTemplates(): Promise<BlueprintTemplate[]> {
  // A path the bundler can see is scoped to blueprints/, so it traces that folder alone.
  const directory = path.join(process.cwd(), "blueprints");
  const files = (await readdir(directory)).filter((name) => name.endsWith(".yaml") || name.endsWith(".yml")).sort();
  return Promise.all(
    files.map(async (file) => {
      const yaml = await readFile(path.join(process.cwd(), "blueprints", file), "utf8");
      const { metadata } = loadBlueprint(yaml);
      return { id: metadata.id, name: metadata.name, description: metadata.description ?? null, yaml };
    }),
  );
}
