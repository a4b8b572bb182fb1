/**
 * Answers for a retracted-and-removed fact-check: the public page's 410 Gone (site chrome, the
 * reader's language) and the API's 410 problem+json.
 */
import type { Context } from 'hono';
import type { PublicClaimPage } from '../../d1/public';
import { getRemoval } from '../../d1/removal';
import type { AppEnv } from '../env';
import { formatDate } from '../i18n/public';
import { removalStrings } from '../i18n/s19-reader';
import { ProblemError } from '../lib/problem';
import { RemovedPage } from '../views/public/removed-page';
import { langSuffix, localeOf, renderPage } from './public-context';

/** Throws the API's 410 when an admin removed the claim from the public site. */
export async function goneIfRemoved(db: D1Database, claimId: string): Promise<void> {
  const removal = await getRemoval(db, claimId);
  if (!removal) return;
  throw new ProblemError(410, {
    title: 'This fact-check was retracted and removed',
    detail: removal.reason,
    code: 'removed',
    removedAt: removal.at,
    restore: `DELETE /api/v1/claims/${claimId}/removal`,
  });
}

/** The public 410 page of a removed claim (no claim text, no verdict: the date and the reason). */
export function removedPage(
  c: Context<AppEnv>,
  page: PublicClaimPage & { removal: NonNullable<PublicClaimPage['removal']> },
): Response | Promise<Response> {
  const locale = localeOf(c);
  const r = removalStrings(locale);
  const retraction = [...page.versions].reverse().find((v) => v.kind === 'retraction');
  const retractedAt = retraction?.publishedAt ?? page.claim.retractedAt;
  c.header('Cache-Control', 'no-store');
  return renderPage(
    c,
    { title: r.goneTitle, noindex: true },
    <RemovedPage
      locale={locale}
      removedOn={formatDate(page.removal.at, locale)}
      retractedOn={retractedAt ? formatDate(retractedAt, locale) : null}
      reason={page.removal.reason}
      policyHref={`/how-we-rate${langSuffix(c)}`}
      lang={c.req.query('lang') ? locale : undefined}
    />,
    410,
  );
}
