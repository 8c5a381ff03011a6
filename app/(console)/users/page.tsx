// The user administration page, for admins only.
import type { Metadata } from "next";
import { UserAdmin } from "@/components/admin/user-admin";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageSection } from "@/components/ui/page-section";
import { requirePagePrincipal } from "@/lib/auth/page-principal";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const principal = await requirePagePrincipal("/users");
  return (
    <PageSection id="users-heading" title="Users">
      {hasRole(principal.role, "admin") ? <UserAdmin /> : <ForbiddenPanel required="admin" actual={principal.role} />}
    </PageSection>
  );
}
