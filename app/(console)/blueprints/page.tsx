import type { Metadata } from "next";
import { BlueprintList } from "@/components/blueprint-catalog/blueprint-list";

export const metadata: Metadata = { title: "Blueprints" };

export default function BlueprintsPage() {
  return (
    <section aria-labelledby="blueprints-heading" className="space-y-6">
      <h1 id="blueprints-heading" className="text-2xl font-semibold">
        Blueprints
      </h1>
      <BlueprintList />
    </section>
  );
}
