// The API's interactive documentation, rendered by Swagger UI from GET /api/openapi.json.
import type { Metadata } from "next";
import { ApiDocs } from "@/components/api-docs/api-docs";
import { PageSection } from "@/components/ui/page-section";
import { requirePagePrincipal } from "@/lib/auth/page-principal";

export const metadata: Metadata = { title: "API docs" };

export default async function DocsPage() {
  await requirePagePrincipal("/docs");
  return (
    <PageSection id="docs-heading" title="API docs">
      <p className="max-w-3xl text-sm text-slate-700">
        Every route of the console&apos;s API, generated from the schemas that validate its requests. To try a call, create a token under
        API tokens, press Authorize and paste it as the bearer token; calls then act as that token&apos;s owner. The document itself is at{" "}
        <a className="text-brand underline" href="/api/openapi.json">
          /api/openapi.json
        </a>
        .
      </p>
      <ApiDocs />
    </PageSection>
  );
}
