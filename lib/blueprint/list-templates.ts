// The starting points of "New blueprint": the example blueprints shipped in blueprints/ (example-blueprints.ts).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { EXAMPLE_BLUEPRINTS } from "./example-blueprints";
import { loadBlueprint } from "./load";

export interface BlueprintTemplate {
  /** The example's file name without `.yaml` ("marketing"): what `/blueprints/new?template=` names. */
  key: string;
  id: string;
  name: string;
  description: string | null;
  yaml: string;
}

export async function listTemplates(): Promise<BlueprintTemplate[]> {
  const templates = await Promise.all(
    EXAMPLE_BLUEPRINTS.map(async (example) => {
      // A path the bundler can see is scoped to blueprints/, so it traces that folder alone.
      const yaml = await readFile(path.join(process.cwd(), "blueprints", example.file), "utf8").catch(ignoreMissing);
      if (yaml === null) return null;
      const { metadata } = loadBlueprint(yaml);
      // A file an older console overwrote with a saved blueprint of the same name is no example.
      if (metadata.id !== example.id) return null;
      return {
        key: path.basename(example.file, ".yaml"),
        id: metadata.id,
        name: metadata.name,
        description: metadata.description ?? null,
        yaml,
      };
    }),
  );
  return templates.filter((template) => template !== null);
}

/** An example someone deleted is simply not offered; any other read error is real. */
function ignoreMissing(error: NodeJS.ErrnoException): null {
  if (error.code === "ENOENT") return null;
  throw error;
}
