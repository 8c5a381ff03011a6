import type { Metadata } from "next";
import { EditBlueprint } from "@/components/blueprint-studio/edit-blueprint";
import { blueprintPageTitle } from "@/app/(console)/page-titles";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await blueprintPageTitle(decodeURIComponent((await params).id), "Edit") };
}

export default async function EditBlueprintPage({ params }: Props) {
  const { id } = await params;
  return <EditBlueprint id={decodeURIComponent(id)} />;
}
