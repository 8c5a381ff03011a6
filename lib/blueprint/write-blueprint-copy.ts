// The copy of a saved blueprint's YAML in BLUEPRINTS_DIR/<id>.yaml, written atomically and removed
// with the blueprint; the database stays the source, and a failed write rolls back the
// transaction that calls it.
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { writeFileAtomically } from "./file";

export async function writeBlueprintCopy(id: string, yaml: string): Promise<void> {
  await mkdir(env.BLUEPRINTS_DIR, { recursive: true });
  await writeFileAtomically(blueprintCopyPath(id), yaml);
}

/** Removes the copy; a blueprint that never had one (an example, say) is fine. */
export async function removeBlueprintCopy(id: string): Promise<void> {
  await rm(blueprintCopyPath(id), { force: true });
}

export function blueprintCopyPath(id: string): string {
  return path.join(env.BLUEPRINTS_DIR, `${id}.yaml`);
}
