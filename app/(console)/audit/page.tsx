// The audit log page, for admins only.
import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageSection } from "@/components/ui/page-section";
import { requirePagePrincipal } from "@/lib/auth/page-principal";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const principal = await requirePagePrincipal("/audit");
  return (
    <PageSection id="audit-heading" title="Audit log">
      {hasRole(principal.role, "admin") ? <AuditLog /> : <ForbiddenPanel required="admin" actual={principal.role} />}
    </PageSection>
  );
}
