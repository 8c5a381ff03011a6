// Swagger UI's layout for the docs page: its own BaseLayout with the operations in a <div> instead
// of a <main>. The console's layout already has the page's one main landmark around the docs, and
// a second one, nested in it, tells a screen reader that the page has two main contents.
// Swagger UI's plugin API (a component named as the `layout` option) is the documented way to
// change the layout; it hands plugins its own React, which the elements below must come from.

interface SwaggerReact {
  createElement(type: unknown, props?: object | null, ...children: unknown[]): unknown;
}

interface SwaggerLayoutProps {
  getComponent(name: string, container?: boolean): unknown;
  specSelectors: {
    loadingStatus(): string;
    specStr(): string;
    isSwagger2(): boolean;
    isOAS3(): boolean;
    isOAS31(): boolean;
    isOAS32(): boolean;
    servers(): { size: number } | undefined;
    schemes(): { size: number } | undefined;
    securityDefinitions(): unknown;
  };
}

export const DOCS_LAYOUT = "ConsoleDocsLayout";

export function docsLayoutPlugin({ React }: { React: SwaggerReact }) {
  const h = React.createElement;

  function ConsoleDocsLayout(props: SwaggerLayoutProps) {
    const { getComponent, specSelectors: spec } = props;
    // Loading, failure and an empty document: BaseLayout shows them, without a main landmark.
    if (spec.loadingStatus() !== "success" || !spec.specStr()) return h(getComponent("BaseLayout", true), props);
    const [Row, Col, Errors] = [getComponent("Row"), getComponent("Col"), getComponent("errors", true)];
    const hasServers = Boolean(spec.servers()?.size);
    const hasSchemes = Boolean(spec.schemes()?.size);
    const hasSecurity = Boolean(spec.securityDefinitions());
    const isOAS31 = spec.isOAS31();
    const isOAS32 = spec.isOAS32();
    const fullWidth = (name: string, className?: string) =>
      h(Row, { className }, h(Col, { mobile: 12, desktop: 12 }, h(getComponent(name, true))));
    return h(
      "div",
      { className: "swagger-ui" },
      h(getComponent("SvgAssets")),
      h(
        getComponent("VersionPragmaFilter"),
        { isSwagger2: spec.isSwagger2(), isOAS3: spec.isOAS3(), isOAS31, isOAS32, alsoShow: h(Errors) },
        h(Errors),
        h(Row, { className: "information-container" }, h(Col, { mobile: 12 }, h(getComponent("InfoContainer", true)))),
        hasServers || hasSchemes || hasSecurity
          ? h(
              "div",
              { className: "scheme-container" },
              h(
                Col,
                { className: "schemes wrapper", mobile: 12 },
                hasServers || hasSchemes
                  ? h(
                      "div",
                      { className: "schemes-server-container" },
                      hasServers ? h(getComponent("ServersContainer", true)) : null,
                      hasSchemes ? h(getComponent("SchemesContainer", true)) : null,
                    )
                  : null,
                hasSecurity ? h(getComponent("AuthorizeBtnContainer", true)) : null,
              ),
            )
          : null,
        h(getComponent("FilterContainer", true)),
        h(
          "div",
          { id: "operations", tabIndex: -1, style: { outline: "none" } },
          fullWidth("operations"),
          isOAS31 || isOAS32 ? fullWidth("Webhooks", "webhooks-container") : null,
          fullWidth("Models"),
        ),
      ),
    );
  }

  return { components: { [DOCS_LAYOUT]: ConsoleDocsLayout } };
}
