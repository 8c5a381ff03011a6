// A console page's outer frame: its heading, labelling the section for assistive technology.
import type { ReactNode } from "react";

export function PageSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-6">
      <h1 id={id} className="text-2xl font-semibold">
        {title}
      </h1>
      {children}
    </section>
  );
}
