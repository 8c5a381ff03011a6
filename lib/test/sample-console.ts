// A console database with rows in every table, every optional column filled, for tests that move
// or compare whole databases (db copy). Written through the client, so any provider works.
import { inRowSlices } from "@/lib/db/batches";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const at = (iso: string) => new Date(iso);
const T0 = Date.parse("2025-11-30T10:00:00.000Z");

/** Fills `client`: one or a few rows of each table, and `metricPoints` raw points. */
export async function fillSampleConsole(client: PrismaClient, options: { metricPoints: number }): Promise<void> {
  await client.user.createMany({
    data: [
      {
        id: "user-admin",
        email: "admin@example.com",
        name: "Ada Admin",
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
        role: "admin",
        createdAt: at("2026-11-01T08:00:00.123Z"),
        updatedAt: at("2026-11-02T08:00:00.456Z"),
        lastSignInAt: at("2026-11-29T08:00:00.789Z"),
      },
      {
        id: "user-viewer",
        email: "viewer@example.com",
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$b3RoZXI",
        role: "viewer",
        disabledAt: at("2026-11-20T12:00:00.000Z"),
        createdAt: at("2026-11-03T08:00:00.000Z"),
        updatedAt: at("2026-11-20T12:00:00.000Z"),
      },
    ],
  });
  await client.apiToken.create({
    data: {
      id: "token-1",
      userId: "user-admin",
      name: "ci",
      prefix: "cc_abcd",
      secretHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      expiresAt: at("2027-01-31T00:00:00.000Z"),
      revokedAt: at("2026-11-28T00:00:00.000Z"),
      lastUsedAt: at("2026-11-27T00:00:00.000Z"),
      createdAt: at("2026-11-05T00:00:00.000Z"),
    },
  });
  await client.blueprint.create({
    data: {
      id: "marketing-v1",
      name: "Marketing",
      version: "1.1.0",
      description: "Campaigns, «quoted» ünïcode and 'quotes'",
      tagsJson: '["marketing","content"]',
      isActive: false,
      currentRevision: 2,
      agentCount: 3,
      createdAt: at("2026-11-01T09:00:00.000Z"),
      updatedAt: at("2026-11-02T09:00:00.000Z"),
      revisions: {
        create: [
          { revision: 1, version: "1.0.0", blueprintYaml: "name: Marketing\n", createdBy: "admin@example.com" },
          { revision: 2, version: "1.1.0", blueprintYaml: "name: Marketing\nversion: 1.1.0\n", createdBy: "admin@example.com" },
        ],
      },
    },
  });
  await client.cluster.create({
    data: {
      id: "cluster-1",
      name: "Q1 campaign",
      description: "spring",
      type: "marketing",
      status: "active",
      blueprintId: "marketing-v1",
      blueprintVersion: "1.1.0",
      blueprintRevision: 2,
      minWorkers: 1,
      maxWorkers: 10,
      targetWorkers: 2,
      currentWorkers: 2,
      healthScore: 0.875,
      configJson: '{"region":"eu"}',
      createdBy: "admin@example.com",
      revision: 7,
      createdAt: at("2026-11-10T10:00:00.000Z"),
      updatedAt: at("2026-11-10T11:00:00.000Z"),
      startedAt: at("2026-11-10T10:00:01.000Z"),
      hibernatedAt: at("2026-11-10T10:30:00.000Z"),
    },
  });
  await client.agent.createMany({
    data: ["supervisor", "worker"].map((role, index) => ({
      id: `agent-${index}`,
      clusterId: "cluster-1",
      name: `${role}-1`,
      definition: role,
      ordinal: 1,
      role,
      status: "active",
      supervisorId: index === 0 ? null : "agent-0",
      capabilitiesJson: '["research"]',
      skillsJson: '["copy"]',
      configJson: '{"model":"x"}',
      createdAt: at("2026-11-10T10:00:00.000Z"),
      updatedAt: at("2026-11-10T10:00:02.000Z"),
    })),
  });
  await client.clusterEvent.createMany({
    data: [1, 2, 3].map((n) => ({
      clusterId: "cluster-1",
      kind: "scaled",
      fromStatus: "active",
      toStatus: "active",
      fromWorkers: n,
      toWorkers: n + 1,
      reason: `step ${n}`,
      actor: "autoscaler",
      createdAt: new Date(T0 + n),
    })),
  });
  // Gaps in the ids, as deletions and pruning leave them: the sequences must continue past the largest.
  await client.clusterChange.createMany({
    data: [
      { id: 40, clusterId: "cluster-1", createdAt: new Date(T0) },
      { id: 97, clusterId: "gone", deleted: true, actor: "ops@example.com", taskId: "task-1", createdAt: new Date(T0 + 1) },
    ],
  });
  await client.autoscalerState.create({
    data: {
      clusterId: "cluster-1",
      pause: "scale_in",
      nextEvaluationAt: T0 + 5000,
      lastEvaluatedAt: T0,
      historyJson: "[[1,2]]",
      lastDecisionJson: '{"reason":"steady"}',
    },
  });
  // The previous console's lease, long expired: not copied.
  await client.autoscalerLease.create({ data: { name: "autoscaler", holder: "old-host:1234", expiresAt: T0 } });
  await client.task.create({
    data: {
      id: "task-1",
      clusterId: "cluster-1",
      inputJson: '"Draft three subject lines"',
      definition: "worker",
      capability: "research",
      priority: 8,
      timeoutS: 60,
      maxAttempts: 3,
      attemptCount: 1,
      lastAttempt: 2,
      parentTaskId: "task-0",
      metadataJson: '{"k":"v"}',
      status: "succeeded",
      resultJson: '{"text":"ok"}',
      errorJson: '{"type":"timeout"}',
      agentId: "agent-1",
      leaseExpiresAt: T0 + 10_000.5,
      runAfter: T0,
      createdBy: "admin@example.com",
      createdAt: T0 + 0.001,
      updatedAt: T0 + 2,
      startedAt: T0 + 1,
      finishedAt: T0 + 2,
      attempts: {
        create: [
          {
            clusterId: "cluster-1",
            number: 1,
            agentId: "agent-1",
            startedAt: T0,
            endedAt: T0 + 1,
            outcome: "lost",
            refusedOutcome: "succeeded",
          },
          {
            clusterId: "cluster-1",
            number: 2,
            agentId: "agent-1",
            startedAt: T0 + 1,
            endedAt: T0 + 2,
            outcome: "succeeded",
            errorJson: "{}",
            executorRef: "remote-7",
            factsJson: '{"tokens":12}',
          },
        ],
      },
    },
  });
  await client.taskSubmission.create({
    data: { clusterId: "cluster-1", key: "batch-1", requestHash: "abc", taskIdsJson: '["task-1"]', single: true, createdAt: T0 },
  });
  await client.auditEntry.createMany({
    data: [
      {
        at: at("2026-11-10T10:00:00.000Z"),
        actorId: "user-admin",
        actorEmail: "admin@example.com",
        action: "cluster.create",
        targetType: "cluster",
        targetId: "cluster-1",
        summary: "created Q1 campaign",
        ip: "10.0.0.1",
        requestId: "req-1",
      },
      { action: "user.signin", targetType: "user", summary: "signed in" },
    ],
  });
  await fillMetrics(client, options.metricPoints);
}

async function fillMetrics(client: PrismaClient, points: number): Promise<void> {
  const names = ["queue_depth", "tasks_per_minute"];
  // Raw multi-row inserts: createMany takes seconds per ten thousand rows.
  const rows = Array.from({ length: points }, (_, i) => [`cluster-1`, names[i % 2]!, i / 3, T0 + i * 250]);
  await inRowSlices(
    rows,
    150,
    (row) => row,
    (values) => client.$executeRaw`INSERT INTO metric_points (cluster_id, name, value, ts) VALUES ${values}`,
  );
  await client.metricMinute.createMany({
    data: names.flatMap((name) =>
      [0, 1, 2].map((m) => ({
        clusterId: "cluster-1",
        name,
        minute: Math.floor(T0 / 60_000) + m,
        count: 4,
        sum: 10.5,
        min: 0.1,
        max: 9.9,
      })),
    ),
  });
  await client.metricLatest.createMany({
    data: names.map((name) => ({ clusterId: "cluster-1", name, value: 1.5, ts: T0, firstTs: T0 - 1, lastNonZeroTs: T0, postedTs: T0 })),
  });
}
