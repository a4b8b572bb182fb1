/** Stable machine-readable reasons an article could not be ingested from a URL. */
export type IngestErrorCode =
  | 'invalid_url'
  | 'url_scheme_refused'
  | 'url_port_refused'
  | 'url_credentials_refused'
  | 'url_host_refused'
  | 'too_many_redirects'
  | 'redirect_without_location'
  | 'upstream_timeout'
  | 'upstream_unreachable'
  | 'upstream_status'
  | 'unsupported_content_type'
  | 'article_too_large'
  | 'no_article_text';

/** The URL is refused, or the page holds no article: 422. Everything else the remote site did: 502. */
const CALLER_FAULTS: ReadonlySet<IngestErrorCode> = new Set([
  'invalid_url',
  'url_scheme_refused',
  'url_port_refused',
  'url_credentials_refused',
  'url_host_refused',
  'no_article_text',
]);

/** A typed failure of fetching or reading an article; routes map `status` and `code` to problem+json. */
export class IngestError extends Error {
  readonly status: 422 | 502;

  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
    this.status = CALLER_FAULTS.has(code) ? 422 : 502;
  }
}
