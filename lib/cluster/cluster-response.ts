// A cluster as an HTTP answer: the JSON view with its revision as ETag.
import { etagFor } from "@/lib/http/etag";
import type { Cluster } from "@/lib/generated/prisma/client";
import { toClusterView } from "./cluster-record";

export function clusterResponse(cluster: Cluster, status = 200): Response {
  return Response.json(toClusterView(cluster), { status, headers: { etag: etagFor(cluster.revision) } });
}
