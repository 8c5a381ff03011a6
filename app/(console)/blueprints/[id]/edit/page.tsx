import type { Metadata } from "next";
import { EditBlueprint } from "@/components/blueprint-studio/edit-blueprint";

export const metadata: Metadata = { title: "Blueprint editor" };

export default async function EditBlueprintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditBlueprint id={decodeURIComponent(id)} />;
}
