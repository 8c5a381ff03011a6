import { BlueprintDetails } from "@/components/blueprint-catalog/blueprint-details";

export default async function BlueprintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <BlueprintDetails id={decodeURIComponent(id)} />;
}
