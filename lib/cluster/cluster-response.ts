// A cluster as an HTTP answer: the JSON view with its revision as ETag.
import { db } from "@/lib/db";
import type { Cluster } from "@/lib/generated/prisma/client";
import { etagFor } from "@/lib/http/etag";
import { toClusterView } from "./cluster-record";

export async function clusterResponse(cluster: Cluster, status = 200): Promise<Response> {
  const blueprint = await db.blueprint.findUnique({ where: { id: cluster.blueprintId }, select: { currentRevision: true } });
  // The foreign key keeps the blueprint; the fallback only covers a row deleted by hand.
  const latest = blueprint?.currentRevision ?? cluster.blueprintRevision;
  return Response.json(toClusterView(cluster, latest), { status, headers: { etag: etagFor(cluster.revision) } });
}
