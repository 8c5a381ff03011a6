// The copy of a saved blueprint's YAML in BLUEPRINTS_DIR/<id>.yaml, written atomically; the
// database stays the source, and a failed write rolls back the transaction that calls it.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { writeFileAtomically } from "./file";

export async function writeBlueprintCopy(id: string, yaml: string): Promise<void> {
  await mkdir(env.BLUEPRINTS_DIR, { recursive: true });
  await writeFileAtomically(path.join(env.BLUEPRINTS_DIR, `${id}.yaml`), yaml);
}
