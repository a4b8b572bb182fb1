/**
 * POST /desk/articles: the desk's form front for article ingest. The pipeline itself is the one
 * POST /api/v1/articles uses (worker/ingest/ingest-article.ts); this answers with a redirect to
 * the triage page, or the form again with each mistake in its own words next to its field.
 * Unlike the API, text and URL together are not an error here: the URL wins (the page is fetched,
 * the pasted text is not used) and the triage page says so.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../env';
import { IngestError, type IngestErrorCode } from '../../ingest/errors';
import { ingestArticle, MAX_BODY } from '../../ingest/ingest-article';
import { actorOf } from '../../http/actor';
import type { DeskKey, Translate } from '../../i18n/desk';
import { fieldMessages } from '../../i18n/desk';
import { formValidator, type OnInvalid } from '../../middleware/form-validator';
import { ARTICLE_TEXT_MIN, HttpUrl, NewArticleBody, text } from '../../schemas';
import { IngestPage, type IngestErrors, type IngestValues } from '../../views/desk/ingest';
import { deskUi, render } from '../../http/desk-context';
import { sliceText } from '../../lib/text';

export const deskIngest = new Hono<AppEnv>();

/** Title and language keep the API's rules; text and URL are checked here, one message each. */
const IngestForm = z.object({
  text: text().optional(),
  url: text().trim().optional(),
  title: NewArticleBody.shape.title,
  language: NewArticleBody.shape.language,
});

/** The form again with what was typed and why it was refused. */
function refuse(
  c: Context<AppEnv>,
  form: Record<string, string | undefined>,
  errors: IngestErrors,
) {
  const values: IngestValues = {
    text: (form.text ?? '').slice(0, MAX_BODY),
    url: sliceText(form.url ?? '', 2048),
    title: sliceText(form.title ?? '', 500),
    language: form.language ?? '',
  };
  return render(c, <IngestPage ui={deskUi(c)} values={values} errors={errors} />, 422);
}

const refuseArticle: OnInvalid<string> = (c, errors, values) =>
  refuse(c, values, fieldMessages(deskUi(c).t, errors));

/** Why a fetch failed, in a few words. */
const FETCH_REASON: Partial<Record<IngestErrorCode, DeskKey>> = {
  upstream_timeout: 'fetch_timeout',
  upstream_unreachable: 'fetch_unreachable',
  upstream_status: 'fetch_status',
  unsupported_content_type: 'fetch_type',
  article_too_large: 'fetch_large',
  too_many_redirects: 'fetch_redirects',
  redirect_without_location: 'fetch_redirects',
};

/** An ingest failure as the message under the URL field. */
export function ingestErrorText(t: Translate, code: IngestErrorCode): string {
  if (code === 'invalid_url') return t('ingestUrlMalformed');
  if (code === 'no_article_text') return t('ingestNoText');
  if (code.startsWith('url_')) return t('ingestUrlRefused');
  return t('ingestFetchFailed', { reason: t(FETCH_REASON[code] ?? 'fetch_unreachable') });
}

deskIngest.post('/', formValidator(IngestForm, refuseArticle), async (c) => {
  const input = c.req.valid('form');
  const t = deskUi(c).t;
  const pasted = input.text?.trim() ?? '';
  const url = input.url ?? '';
  const typed = { ...input, text: input.text ?? '', url };
  if (!pasted && !url) return refuse(c, typed, { text: t('ingestEmpty') });
  if (url && !HttpUrl.safeParse(url).success)
    return refuse(c, typed, { url: t('ingestUrlMalformed') });
  if (!url && pasted.length < ARTICLE_TEXT_MIN)
    return refuse(c, typed, { text: t('ingestTooShort', { n: ARTICLE_TEXT_MIN }) });
  if (!url && pasted.length > MAX_BODY)
    return refuse(c, typed, { text: t('ingestTooLong', { n: MAX_BODY }) });
  try {
    const outcome = await ingestArticle(
      c.env,
      c.req.url,
      url
        ? { url, title: input.title, language: input.language }
        : { text: pasted, title: input.title, language: input.language },
      actorOf(c),
    );
    const done = !outcome.created ? '?done=duplicate' : url && pasted ? '?done=both' : '';
    return c.redirect(`/desk/articles/${outcome.article.id}${done}`, 303);
  } catch (err) {
    if (err instanceof IngestError) return refuse(c, typed, { url: ingestErrorText(t, err.code) });
    throw err;
  }
});
