type Operation = { summary?: string; tags?: string[] };
type Doc = { info: { title: string; description?: string }; paths?: object };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The API reference: Swagger UI (swagger-ui-dist, served from /vendor/swagger-ui/ by Static
 * Assets) reads /api/openapi.json and shows schemas, examples and "Try it out" with a bearer
 * token. Without JavaScript the page is a plain table of every operation.
 */
export function ApiDocsPage({ doc }: { doc: Doc }) {
  const rows = (
    Object.entries(doc.paths ?? {}) as [string, Partial<Record<string, Operation>>][]
  ).flatMap(([path, item]) =>
    METHODS.filter((m) => item?.[m]).map((m) => ({
      path,
      method: m.toUpperCase(),
      summary: item?.[m]?.summary ?? '',
      tag: item?.[m]?.tags?.[0] ?? '',
    })),
  );
  return (
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{doc.info.title}</title>
        <link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css" />
      </head>
      <body>
        <div id="api-reference" data-spec-url="/api/openapi.json"></div>
        <script src="/vendor/swagger-ui/swagger-ui-bundle.js" defer></script>
        <script src="/js/api-docs.js" defer></script>
        <noscript>
          <main>
            <h1>{doc.info.title}</h1>
            <p>{doc.info.description}</p>
            <p>
              Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>
            </p>
            <table>
              <caption>Operations</caption>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  <th scope="col">Method</th>
                  <th scope="col">Path</th>
                  <th scope="col">What it does</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>{r.tag}</td>
                    <td>
                      <code>{r.method}</code>
                    </td>
                    <td>
                      <code>{r.path}</code>
                    </td>
                    <td>{r.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </main>
        </noscript>
      </body>
    </html>
  );
}
