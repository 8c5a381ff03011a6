// The signed-in user for server-rendered pages: redirects to the setup page while no user
// exists, and to the sign-in page (coming back afterwards) without a valid session.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authenticateRequest, type Principal, UnauthenticatedError } from "./principal";
import { needsSetup } from "./users";

export async function requirePagePrincipal(returnTo: string): Promise<Principal> {
  const principal = await authenticateRequest(await headers()).catch((error: unknown) => {
    if (error instanceof UnauthenticatedError) return null;
    throw error;
  });
  if (principal) return principal;
  if (await needsSetup()) redirect("/setup");
  redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
}
