"use client";
// Swagger UI's standalone bundle, from our own origin (app/docs-assets), started on a div once the
// script has loaded; it reads the document from /api/openapi.json and sends "try it out" calls
// with the token the reader authorizes, in a layout without a second main landmark (docs-layout.ts).
// No validator badge: it would call swagger.io.
import Script from "next/script";
import "swagger-ui-dist/swagger-ui.css";
import { useEffect, useRef, useState } from "react";
import { LoadingPanel } from "@/components/ui/status-panels";
import { DOCS_LAYOUT, docsLayoutPlugin } from "./docs-layout";

type SwaggerUIBundle = (options: {
  domNode: HTMLElement;
  url: string;
  deepLinking: boolean;
  persistAuthorization: boolean;
  tryItOutEnabled: boolean;
  validatorUrl: null;
  plugins: Array<typeof docsLayoutPlugin>;
  layout: string;
}) => unknown;

export function ApiDocs() {
  const target = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(() => typeof window !== "undefined" && "SwaggerUIBundle" in window);
  useEffect(() => {
    const start = (window as unknown as { SwaggerUIBundle?: SwaggerUIBundle }).SwaggerUIBundle;
    if (loaded && start && target.current)
      start({
        domNode: target.current,
        url: "/api/openapi.json",
        deepLinking: true,
        persistAuthorization: true,
        tryItOutEnabled: true,
        validatorUrl: null,
        plugins: [docsLayoutPlugin],
        layout: DOCS_LAYOUT,
      });
  }, [loaded]);
  return (
    <>
      <Script src="/docs-assets/swagger-ui-bundle.js" strategy="afterInteractive" onReady={() => setLoaded(true)} />
      {loaded ? null : <LoadingPanel label="Loading the API docs…" />}
      <div ref={target} className="rounded-lg border border-slate-200 bg-white" data-testid="api-docs" />
    </>
  );
}
