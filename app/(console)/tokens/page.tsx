// The API token page: every signed-in user manages their own tokens here.
import type { Metadata } from "next";
import { TokenManager } from "@/components/tokens/token-manager";
import { PageSection } from "@/components/ui/page-section";
import { requirePagePrincipal } from "@/lib/auth/page-principal";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  // Only for the sign-in redirect: every role may manage its own tokens.
  await requirePagePrincipal("/tokens");
  return (
    <PageSection id="tokens-heading" title="API tokens">
      <p className="max-w-3xl text-sm text-slate-700">
        An API token lets a script call the console&apos;s API as you. It acts with your role as it is when each request arrives, stops
        working when your account is disabled, and is sent as{" "}
        <code className="rounded bg-slate-100 px-1 font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <TokenManager />
    </PageSection>
  );
}
