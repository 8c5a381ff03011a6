// Turns stored blueprint and blueprint revision rows into the API's snake_case shapes.
import type { Blueprint as BlueprintRow, BlueprintRevision } from "@/lib/generated/prisma/client";
import type { BlueprintSummary, RevisionSummary } from "./api-schema";

export function toBlueprintSummary(row: BlueprintRow): BlueprintSummary {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    description: row.description,
    tags: parseTags(row.tagsJson),
    is_active: row.isActive,
    revision: row.currentRevision,
    agent_count: row.agentCount,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toRevisionSummary(row: BlueprintRevision): RevisionSummary {
  return { revision: row.revision, version: row.version, created_at: row.createdAt.toISOString(), created_by: row.createdBy };
}

function parseTags(tagsJson: string): string[] {
  const parsed: unknown = JSON.parse(tagsJson);
  return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === "string") : [];
}
