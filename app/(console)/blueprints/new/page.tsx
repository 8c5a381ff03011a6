import type { Metadata } from "next";
import { NewBlueprint } from "@/components/blueprint-studio/new-blueprint";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageSection } from "@/components/ui/page-section";
import { requirePagePrincipal } from "@/lib/auth/page-principal";
import { hasRole } from "@/lib/auth/roles";
import { listTemplates } from "@/lib/blueprint/list-templates";

export const metadata: Metadata = { title: "New blueprint" };

type Props = { searchParams: Promise<{ template?: string | string[] }> };

export default async function NewBlueprintPage({ searchParams }: Props) {
  const principal = await requirePagePrincipal("/blueprints/new");
  if (!hasRole(principal.role, "admin")) {
    return (
      <PageSection id="new-blueprint-heading" title="New blueprint">
        <ForbiddenPanel required="admin" actual={principal.role} />
      </PageSection>
    );
  }
  const { template } = await searchParams;
  return <NewBlueprint templates={await listTemplates()} chosen={typeof template === "string" ? template : undefined} />;
}
