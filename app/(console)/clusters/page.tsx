import type { Metadata } from "next";
import Link from "next/link";
import { PageSection } from "@/components/ui/page-section";
import { EmptyPanel } from "@/components/ui/status-panels";

export const metadata: Metadata = { title: "Clusters" };

export default function ClustersPage() {
  return (
    <PageSection id="clusters-heading" title="Clusters">
      <EmptyPanel title="No clusters yet">
        Clusters are spawned from blueprints. Browse the{" "}
        <Link href="/blueprints" className="font-medium text-brand underline">
          blueprint catalogue
        </Link>{" "}
        to see what each one would spawn.
      </EmptyPanel>
    </PageSection>
  );
}
