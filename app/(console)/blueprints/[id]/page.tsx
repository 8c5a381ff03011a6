import type { Metadata } from "next";
import { BlueprintDetails } from "@/components/blueprint-catalog/blueprint-details";
import { blueprintPageTitle } from "@/app/(console)/page-titles";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await blueprintPageTitle(decodeURIComponent((await params).id)) };
}

export default async function BlueprintPage({ params }: Props) {
  const { id } = await params;
  return <BlueprintDetails id={decodeURIComponent(id)} />;
}
