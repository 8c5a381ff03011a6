// Revisions on a real SQLite file: the history, a stale save, and restoring an old text.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { audit } from "@/lib/test/test-audit";
import { getRevision } from "./get-revision";
import { listRevisions } from "./list-revisions";
import { restoreRevision } from "./restore-revision";
import { createBlueprint } from "./create-blueprint";
import { updateBlueprint } from "./update-blueprint";

// Flow lists written tightly and a long description: a re-serialised text would respace and fold them.
const yaml = (version: string, max: number) => `# kept comment
metadata: { id: hist-v1, name: History, version: ${version}, tags: [a,b] }
cluster: { type: team, min_workers: 1, max_workers: ${max} }
agents:
  - { name: boss, role: supervisor, description: "Plans the work of everyone below it and reports to nobody at all, ever" }
  - name: doer
    role: worker
    count: 1-${max}
    reports_to: boss
    capabilities: [write,   edit]
`;

describe("blueprint revisions", () => {
  it("lists every save, refuses a stale one, and restores an old text as a new revision", async () => {
    await createBlueprint({ id: "hist-v1", name: "History", version: "1.0.0", blueprint_yaml: yaml("1.0.0", 3) }, { audit });
    await updateBlueprint("hist-v1", { blueprint_yaml: yaml("1.1.0", 5) }, { audit, ifMatch: 1 });
    // Someone who loaded revision 1 saves after that: refused, nothing stored.
    await expect(updateBlueprint("hist-v1", { blueprint_yaml: yaml("1.2.0", 9) }, { audit, ifMatch: 1 })).rejects.toThrow(ConflictError);

    const history = await listRevisions("hist-v1");
    expect(history.map((entry) => [entry.revision, entry.version, entry.created_by])).toEqual([
      [2, "1.1.0", "tester@example.com"],
      [1, "1.0.0", "tester@example.com"],
    ]);

    const restored = await restoreRevision("hist-v1", 1, { audit, ifMatch: 2 });
    expect(restored).toMatchObject({ revision: 3, version: "1.1.1" });
    const text = (await getRevision("hist-v1", 3)).blueprint_yaml;
    expect(text).toBe(yaml("1.1.1", 3));
    const line = await db.auditEntry.findFirst({ where: { targetId: "hist-v1" }, orderBy: { id: "desc" } });
    expect(line?.summary).toBe("revision 3: restored revision 1, YAML 1.1.0 -> 1.1.1");

    await expect(getRevision("hist-v1", 9)).rejects.toThrow(NotFoundError);
    await expect(listRevisions("no-such")).rejects.toThrow(NotFoundError);
  });
});
