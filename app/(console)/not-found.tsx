// A console address that leads nowhere, shown inside the console's header and navigation so the
// user can carry on from here.
import Link from "next/link";
import { PageSection } from "@/components/ui/page-section";

export default function ConsoleNotFound() {
  return (
    <PageSection id="not-found-heading" title="Page not found">
      <p className="text-slate-700">There is no console page at this address. It may have moved, or the link may be mistyped.</p>
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <li>
          <Link href="/clusters" className="font-medium text-brand underline">
            Go to the clusters
          </Link>
        </li>
        <li>
          <Link href="/blueprints" className="font-medium text-brand underline">
            Go to the blueprints
          </Link>
        </li>
      </ul>
    </PageSection>
  );
}
