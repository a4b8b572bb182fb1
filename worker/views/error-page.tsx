/** The plain HTML error page for non-API routes (no stack, no internals). */
export function ErrorPage(props: { status: number; title: string; detail?: string }) {
  return (
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.status} · ${props.title} · ClaimDesk`}</title>
        <link rel="stylesheet" href="/css/base.css" />
      </head>
      <body>
        <main class="error-page">
          <h1>{props.title}</h1>
          {props.detail ? <p>{props.detail}</p> : null}
          <p>
            <a href="/">ClaimDesk</a>
          </p>
        </main>
      </body>
    </html>
  );
}
