// Browser-tab titles of the pages about one blueprint or cluster, with its name ("Marketing
// Department · Blueprints"; the root layout appends the app's name). The name is read only for a
// signed-in caller: the console layout sends anyone else to sign in.
import { headers } from "next/headers";
import { authenticateRequest } from "@/lib/auth/principal";
import { getBlueprintOrThrow } from "@/lib/blueprint/get-blueprint";
import { findClusterOrThrow } from "@/lib/cluster/find-cluster-or-throw";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";

/** `doing` leads the title: "Edit Marketing Department · Blueprints". */
export async function blueprintPageTitle(id: string, doing?: string): Promise<string> {
  const name = await nameForSignedIn(async () => (await getBlueprintOrThrow(id, { includeYaml: false })).name);
  return `${doing ? `${doing} ` : ""}${name ?? "Unknown blueprint"} · Blueprints`;
}

export async function clusterPageTitle(id: string): Promise<string> {
  const name = await nameForSignedIn(async () => (await findClusterOrThrow(id)).name);
  return `${name ?? "Unknown cluster"} · Clusters`;
}

async function nameForSignedIn(readName: () => Promise<string>): Promise<string | null> {
  const principal = await authenticateRequest(await headers()).catch((error: unknown) => {
    if (error instanceof UnauthenticatedError) return null;
    throw error;
  });
  if (!principal) return null;
  return readName().catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
}
