import type { Metadata } from "next";
import { RevisionCompare } from "@/components/blueprint-studio/revision-compare";

export const metadata: Metadata = { title: "Compare revisions" };

export default async function CompareRevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { id } = await params;
  const { from, to } = await searchParams;
  return <RevisionCompare blueprintId={decodeURIComponent(id)} from={Number(from)} to={Number(to)} />;
}
