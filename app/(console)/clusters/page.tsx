import type { Metadata } from "next";
import Link from "next/link";
import { EmptyPanel } from "@/components/ui/status-panels";

export const metadata: Metadata = { title: "Clusters" };

export default function ClustersPage() {
  return (
    <section aria-labelledby="clusters-heading" className="space-y-6">
      <h1 id="clusters-heading" className="text-2xl font-semibold">
        Clusters
      </h1>
      <EmptyPanel title="No clusters yet">
        Clusters are spawned from blueprints. Browse the{" "}
        <Link href="/blueprints" className="font-medium text-brand underline">
          blueprint catalogue
        </Link>{" "}
        to see what each one would spawn.
      </EmptyPanel>
    </section>
  );
}
