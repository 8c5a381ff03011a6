// The signed-in user for server-rendered pages: redirects to the setup page while no user
// exists, and to the sign-in page (coming back afterwards) without a valid session.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { UnauthenticatedError } from "@/lib/errors";
import { authenticateRequest, type Principal } from "./principal";
import { needsSetup } from "./needs-setup";

/** `returnTo` defaults to the address the request asked for (set by proxy.ts). */
export async function requirePagePrincipal(returnTo?: string): Promise<Principal> {
  const requestHeaders = await headers();
  const principal = await authenticateRequest(requestHeaders).catch((error: unknown) => {
    if (error instanceof UnauthenticatedError) return null;
    throw error;
  });
  if (principal) return principal;
  if (await needsSetup()) redirect("/setup");
  // Written by proxy.ts, whose header name lib/ may not import from the app root.
  const requested = returnTo ?? requestHeaders.get("x-console-path") ?? "/";
  redirect(`/signin?callbackUrl=${encodeURIComponent(requested)}`);
}
