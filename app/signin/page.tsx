import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { headers } from "next/headers";
import { authenticateRequest } from "@/lib/auth/principal";
import { needsSetup } from "@/lib/auth/needs-setup";
import { safeReturnPath } from "@/lib/client/auth-client";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (await needsSetup()) redirect("/setup");
  const { callbackUrl } = await searchParams;
  // Someone already signed in has nothing to do here.
  if (await authenticateRequest(await headers()).catch(() => null)) redirect(safeReturnPath(callbackUrl));
  return (
    <AuthCard title="Sign in" intro="With the email and password an admin gave you.">
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
