import type { Metadata } from "next";
import { NewBlueprint } from "@/components/blueprint-studio/new-blueprint";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageSection } from "@/components/ui/page-section";
import { requirePagePrincipal } from "@/lib/auth/page-principal";
import { hasRole } from "@/lib/auth/roles";
import { listTemplates } from "@/lib/blueprint/list-templates";

export const metadata: Metadata = { title: "New blueprint" };

export default async function NewBlueprintPage() {
  const principal = await requirePagePrincipal("/blueprints/new");
  if (!hasRole(principal.role, "admin")) {
    return (
      <PageSection id="new-blueprint-heading" title="New blueprint">
        <ForbiddenPanel required="admin" actual={principal.role} />
      </PageSection>
    );
  }
  return <NewBlueprint templates={await listTemplates()} />;
}
