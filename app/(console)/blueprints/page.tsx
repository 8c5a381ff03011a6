import type { Metadata } from "next";
import { BlueprintList } from "@/components/blueprint-catalog/blueprint-list";
import { PageSection } from "@/components/ui/page-section";

export const metadata: Metadata = { title: "Blueprints" };

export default function BlueprintsPage() {
  return (
    <PageSection id="blueprints-heading" title="Blueprints">
      <BlueprintList />
    </PageSection>
  );
}
