/** The public error page body (rendered inside the public layout, in the reader's language). */
export function PublicError(props: { title: string; detail?: string }) {
  return (
    <section class="error-page">
      <h1>{props.title}</h1>
      {props.detail ? <p>{props.detail}</p> : null}
      <p>
        <a href="/">←</a>
      </p>
    </section>
  );
}
