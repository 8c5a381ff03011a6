// Every mutation writes exactly one audit line with its change; a refused one writes none.
import { beforeAll, describe, expect, it } from "vitest";
import { createFirstAdmin } from "@/lib/auth/create-first-admin";
import { createToken } from "@/lib/auth/create-token";
import { createUser } from "@/lib/auth/create-user";
import { revokeToken } from "@/lib/auth/revoke-token";
import { updateUser } from "@/lib/auth/update-user";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { createBlueprint } from "@/lib/blueprint/create-blueprint";
import { updateBlueprint } from "@/lib/blueprint/update-blueprint";
import { createCluster } from "@/lib/cluster/create-cluster";
import { deleteCluster } from "@/lib/cluster/delete-cluster";
import { hibernateCluster } from "@/lib/cluster/hibernate-cluster";
import { reactivateCluster } from "@/lib/cluster/reactivate-cluster";
import { scaleCluster } from "@/lib/cluster/scale-cluster";
import { updateCluster } from "@/lib/cluster/update-cluster";
import { db } from "@/lib/db";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import type { AuditContext } from "./audit-context";
import { listAudit } from "./list-audit";

const audit: AuditContext = { actorId: null, actorEmail: "ops@test.dev", ip: "10.0.0.7", requestId: "req-1" };
const runtime = new LocalAgentRuntime();
const yaml = (version: string) => `metadata: { id: audit-v1, name: Audited, version: ${version} }
cluster: { type: team, min_workers: 1, max_workers: 4 }
agents:
  - { name: lead, role: supervisor, capabilities: [plan] }
  - { name: hand, role: worker, count: 1-4, capabilities: [work] }
`;

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

/** Runs the action and returns the audit lines it wrote. */
async function linesWrittenBy(action: () => Promise<unknown>) {
  const before = await db.auditEntry.aggregate({ _max: { id: true } });
  await action();
  return db.auditEntry.findMany({ where: { id: { gt: before._max.id ?? 0 } }, orderBy: { id: "asc" } });
}

async function expectNoLineFrom(action: () => Promise<unknown>) {
  const before = await db.auditEntry.count();
  await expect(action()).rejects.toThrow();
  expect(await db.auditEntry.count()).toBe(before);
}

describe("the audit log", () => {
  it("records each cluster action once, with actor, target, summary, address and request id", async () => {
    let clusterId = "";
    const created = await linesWrittenBy(async () => {
      clusterId = (await createCluster({ blueprint_id: "marketing-v1", name: "Audited cluster", target_workers: 3 }, { runtime, audit }))
        .id;
    });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      action: "cluster.create",
      actorEmail: "ops@test.dev",
      targetType: "cluster",
      targetId: clusterId,
      ip: "10.0.0.7",
      requestId: "req-1",
    });
    expect(created[0]!.summary).toBe("Audited cluster: spawned from marketing-v1@1.0.0; workers 0 -> 3, active");

    const steps: Array<[string, () => Promise<unknown>, string]> = [
      [
        "cluster.scale",
        () => scaleCluster(clusterId, 6, { runtime, audit }),
        "Audited cluster: scaled to 6 workers; workers 3 -> 6, active",
      ],
      [
        "cluster.hibernate",
        () => hibernateCluster(clusterId, { runtime, audit }),
        "Audited cluster: hibernated by request; workers 6 -> 0, hibernated",
      ],
      [
        "cluster.reactivate",
        () => reactivateCluster(clusterId, 4, { runtime, audit }),
        "Audited cluster: reactivated with 4 workers; workers 0 -> 4, active",
      ],
      [
        "cluster.update",
        () => updateCluster(clusterId, { name: "Renamed", max_workers: 10 }, { audit }),
        'Renamed: name "Audited cluster" -> "Renamed", max_workers 12 -> 10',
      ],
      ["cluster.delete", () => deleteCluster(clusterId, { runtime, audit }), "Renamed: deleted with 9 agents"],
    ];
    for (const [action, run, summary] of steps) {
      const lines = await linesWrittenBy(run);
      expect(lines.map((line) => [line.action, line.summary])).toEqual([[action, summary]]);
    }
  });

  it("records blueprint, user and token changes once each", async () => {
    const cases: Array<[string, () => Promise<unknown>]> = [
      [
        "blueprint.create",
        () => createBlueprint({ id: "audit-v1", name: "Audited", version: "1.0.0", blueprint_yaml: yaml("1.0.0") }, { audit }),
      ],
      ["blueprint.update", () => updateBlueprint("audit-v1", { blueprint_yaml: yaml("1.1.0") }, { audit })],
      ["user.create", () => createUser({ email: "new@test.dev", password: "new-user-password", role: "viewer" }, { audit })],
    ];
    for (const [action, run] of cases) expect((await linesWrittenBy(run)).map((line) => line.action)).toEqual([action]);

    const user = await db.user.findUniqueOrThrow({ where: { email: "new@test.dev" } });
    const roleChange = await linesWrittenBy(() => updateUser(user.id, { role: "operator" }, { audit }));
    expect(roleChange.map((line) => line.summary)).toEqual(["new@test.dev: role viewer -> operator"]);
    let tokenId = "";
    const tokenLines = await linesWrittenBy(async () => {
      tokenId = (await createToken(user, { name: "ci" }, { audit })).id;
    });
    expect(tokenLines.map((line) => line.action)).toEqual(["token.create"]);
    expect(JSON.stringify(tokenLines)).not.toContain("cct_");
    expect(
      (await linesWrittenBy(() => revokeToken(tokenId, { id: user.id, isAdmin: false }, { audit }))).map((line) => line.action),
    ).toEqual(["token.revoke"]);
    // Revoking again changes nothing, so it records nothing.
    expect(await linesWrittenBy(() => revokeToken(tokenId, { id: user.id, isAdmin: false }, { audit }))).toEqual([]);
  });

  it("writes nothing for a refused change", async () => {
    const cluster = await createCluster({ blueprint_id: "marketing-v1", name: "Refusals", target_workers: 3 }, { runtime, audit });
    await expectNoLineFrom(() => scaleCluster(cluster.id, 99, { runtime, audit }));
    await expectNoLineFrom(() => scaleCluster(cluster.id, 4, { runtime, audit, ifMatch: cluster.revision - 1 }));
    await expectNoLineFrom(() => updateCluster(cluster.id, { min_workers: 9 }, { audit }));
    await expectNoLineFrom(() => createCluster({ blueprint_id: "marketing-v1", name: "Too big", target_workers: 99 }, { runtime, audit }));
    await expectNoLineFrom(() => createCluster({ blueprint_id: "no-such-blueprint", name: "Orphan" }, { runtime, audit }));
    await expectNoLineFrom(() =>
      createBlueprint({ id: "marketing-v1", name: "Again", version: "1.0.0", blueprint_yaml: yaml("1.0.0") }, { audit }),
    );
    await expectNoLineFrom(() => createUser({ email: "new@test.dev", password: "another-password", role: "viewer" }, { audit }));
    await expectNoLineFrom(() => createFirstAdmin({ email: "late@test.dev", password: "late-password-1" }));
  });

  it("keeps the only enabled admin an admin", async () => {
    const admin = await createUser({ email: "root@test.dev", password: "root-password-1", role: "admin" }, { audit });
    await expectNoLineFrom(() => updateUser(admin.id, { role: "viewer" }, { audit }));
    await expectNoLineFrom(() => updateUser(admin.id, { disabled: true }, { audit }));
  });

  it("filters by actor, action prefix, target and time", async () => {
    const byPrefix = await listAudit({ action: "cluster.", page: 1, page_size: 100 });
    expect(byPrefix.items.length).toBeGreaterThan(5);
    expect(byPrefix.items.every((entry) => entry.action.startsWith("cluster."))).toBe(true);
    expect((await listAudit({ actor: "OPS@", page: 1, page_size: 100 })).total).toBe(
      await db.auditEntry.count({ where: { actorEmail: "ops@test.dev" } }),
    );
    expect((await listAudit({ target: "blueprint", page: 1, page_size: 100 })).items.map((entry) => entry.action)).toEqual([
      "blueprint.update",
      "blueprint.create",
    ]);
    expect((await listAudit({ from: new Date(Date.now() + 60_000).toISOString(), page: 1, page_size: 10 })).total).toBe(0);
  });

  it("names each target as it is called now, and keeps the id of one that is gone", async () => {
    const cluster = await createCluster({ blueprint_id: "marketing-v1", name: "Named target", target_workers: 2 }, { runtime, audit });
    const user = await createUser({ email: "named@test.dev", password: "named-password-1", role: "viewer" }, { audit });
    const token = await createToken(user, { name: "named token" }, { audit });
    await updateCluster(cluster.id, { name: "Renamed target" }, { audit });
    const namesOf = async (targetId: string) =>
      (await listAudit({ target: targetId, page: 1, page_size: 100 })).items.map((entry) => [entry.action, entry.target_name]);

    expect(await namesOf(cluster.id)).toEqual([
      ["cluster.update", "Renamed target"],
      ["cluster.create", "Renamed target"],
    ]);
    expect(await namesOf(user.id)).toEqual([["user.create", "named@test.dev"]]);
    expect(await namesOf(token.id)).toEqual([["token.create", "named token"]]);
    expect(await namesOf("marketing-v1")).toEqual([]);
    expect((await listAudit({ target: "audit-v1", page: 1, page_size: 100 })).items.every((entry) => entry.target_name === "Audited")).toBe(
      true,
    );

    await deleteCluster(cluster.id, { runtime, audit });
    const afterDelete = (await listAudit({ target: cluster.id, page: 1, page_size: 100 })).items;
    expect(afterDelete.map((entry) => [entry.action, entry.target_id, entry.target_name])).toEqual([
      ["cluster.delete", cluster.id, null],
      ["cluster.update", cluster.id, null],
      ["cluster.create", cluster.id, null],
    ]);
  });
});
