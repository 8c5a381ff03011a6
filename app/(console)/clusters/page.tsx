import type { Metadata } from "next";
import { ClusterList } from "@/components/clusters/cluster-list";
import { PageSection } from "@/components/ui/page-section";

export const metadata: Metadata = { title: "Clusters" };

export default function ClustersPage() {
  return (
    <PageSection id="clusters-heading" title="Clusters">
      <ClusterList />
    </PageSection>
  );
}
