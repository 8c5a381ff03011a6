import type { Metadata } from "next";
import { ClusterDetails } from "@/components/clusters/cluster-details";
import { clusterPageTitle } from "@/app/(console)/page-titles";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await clusterPageTitle(decodeURIComponent((await params).id)) };
}

export default async function ClusterPage({ params }: Props) {
  const { id } = await params;
  return <ClusterDetails id={decodeURIComponent(id)} />;
}
