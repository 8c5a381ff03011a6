import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { needsSetup } from "@/lib/auth/needs-setup";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

// Shown only while no user exists; afterwards the console is set up and this page sends people to sign in.
export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/signin");
  return (
    <AuthCard title="Set up the console" intro="Create the first admin account. It can then add the other users and their roles.">
      <SetupForm />
    </AuthCard>
  );
}
