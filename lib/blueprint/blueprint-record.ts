// Turns stored blueprint rows into the API's snake_case shapes.
import type { Blueprint as BlueprintRow } from "@/lib/generated/prisma/client";
import type { BlueprintSummary } from "./api-schema";

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

function parseTags(tagsJson: string): string[] {
  const parsed: unknown = JSON.parse(tagsJson);
  return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === "string") : [];
}
