/**
 * POST /desk/articles: the desk's form front for article ingest. The pipeline itself is the one
 * POST /api/v1/articles uses (worker/ingest/ingest-article.ts); this answers with a redirect to
 * the triage page, or the form again with the reason.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { IngestError } from '../../ingest/errors';
import { ingestArticle, MAX_BODY } from '../../ingest/ingest-article';
import { actorOf } from '../../http/actor';
import { formValidator, type OnInvalid } from '../../middleware/form-validator';
import { NewArticleBody } from '../../schemas';
import { IngestPage, type IngestValues } from '../../views/desk/ingest';
import { deskUi, render } from '../../http/desk-context';

export const deskIngest = new Hono<AppEnv>();

/** The form again with what was typed and why it was refused. */
function refuse(c: Context<AppEnv>, form: Record<string, string | undefined>, error: string) {
  const values: IngestValues = {
    text: (form.text ?? '').slice(0, MAX_BODY),
    url: (form.url ?? '').slice(0, 2048),
    title: (form.title ?? '').slice(0, 500),
    language: form.language ?? '',
  };
  return render(c, <IngestPage ui={deskUi(c)} values={values} error={error} />, 422);
}

// The API's body: text or a URL (not both), an optional title and language.
const refuseArticle: OnInvalid<string> = (c, _errors, values) =>
  refuse(c, values, deskUi(c).t('textOrUrl'));

deskIngest.post('/', formValidator(NewArticleBody, refuseArticle), async (c) => {
  const input = c.req.valid('form');
  try {
    const outcome = await ingestArticle(
      c.env,
      c.req.url,
      { text: input.text, url: input.url, title: input.title, language: input.language },
      actorOf(c),
    );
    return c.redirect(
      `/desk/articles/${outcome.article.id}${outcome.created ? '' : '?done=duplicate'}`,
      303,
    );
  } catch (err) {
    if (err instanceof IngestError) return refuse(c, input, err.message);
    throw err;
  }
});
