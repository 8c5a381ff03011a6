// Blueprint files on disk (Node only): read and write UTF-8 YAML with clear errors.
import { randomUUID } from "node:crypto";
import { readFile, rename, stat, writeFile } from "node:fs/promises";
import { stringify } from "yaml";
import { BlueprintFileError, BlueprintInvalidError } from "./errors";
import { type FindingPath, formatPath } from "./finding";
import { loadBlueprint } from "./load";
import { type Blueprint, type BlueprintInput, blueprintSchema } from "./schema";
import { MAX_YAML_BYTES } from "./yaml-source";

export async function loadBlueprintFile(filePath: string): Promise<Blueprint> {
  const bytes = await readBlueprintBytes(filePath);
  try {
    return loadBlueprint(bytes);
  } catch (error) {
    if (error instanceof BlueprintInvalidError) {
      throw new BlueprintInvalidError(error.findings.map((finding) => ({ ...finding, message: `${filePath}: ${finding.message}` })));
    }
    throw error;
  }
}

export async function readBlueprintBytes(filePath: string): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(filePath)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new BlueprintFileError("not_found", filePath, `blueprint file not found: ${filePath}`);
    }
    throw new BlueprintFileError("unreadable", filePath, `cannot read blueprint file ${filePath}: ${(error as Error).message}`);
  }
  if (size > MAX_YAML_BYTES) {
    throw new BlueprintFileError(
      "too_large",
      filePath,
      `blueprint file ${filePath} is ${Math.ceil(size / 1024)} KiB; at most 256 KiB is allowed`,
    );
  }
  return readFile(filePath);
}

/** Writes the blueprint as formatted YAML; refuses a blueprint that does not match the format. */
export async function saveBlueprintFile(blueprint: Blueprint | BlueprintInput, filePath: string): Promise<void> {
  const checked = blueprintSchema.safeParse(blueprint);
  if (!checked.success) {
    throw new BlueprintInvalidError(
      checked.error.issues.map((issue) => ({
        severity: "error",
        path: formatPath(issue.path as FindingPath),
        message: issue.message,
        line: 1,
        column: 1,
      })),
    );
  }
  await writeFileAtomically(filePath, stringify(blueprint, { indent: 2, lineWidth: 100 }));
}

/** Writes UTF-8 beside the target and renames, so a reader never sees half a file. */
export async function writeFileAtomically(filePath: string, text: string): Promise<void> {
  const temporary = `${filePath}.${randomUUID()}.tmp`;
  await writeFile(temporary, text, "utf8");
  await rename(temporary, filePath);
}
