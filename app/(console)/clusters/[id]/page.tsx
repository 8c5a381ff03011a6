import { ClusterDetails } from "@/components/clusters/cluster-details";

export default async function ClusterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ClusterDetails id={decodeURIComponent(id)} />;
}
