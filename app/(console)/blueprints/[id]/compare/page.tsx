import type { Metadata } from "next";
import { RevisionCompare } from "@/components/blueprint-studio/revision-compare";
import { blueprintPageTitle } from "@/app/(console)/page-titles";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await blueprintPageTitle(decodeURIComponent((await params).id), "Compare revisions of") };
}

export default async function CompareRevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { from, to } = await searchParams;
  return <RevisionCompare blueprintId={decodeURIComponent(id)} from={Number(from)} to={Number(to)} />;
}
