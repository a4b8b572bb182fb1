/** The workspace's team forms: add a note, set the due date, replace the tags, tick a checklist step. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  addNote,
  changeDueDate,
  changeTags,
  toggleStep,
  type CollabFieldError,
  type CollabRefusal,
} from '../../domain/collab';
import type { AppEnv } from '../../env';
import { mentionMails } from '../../http/mention-mails';
import { actorOf } from '../../http/actor';
import { deskMessage, deskUi, requireDesk } from '../../http/desk-context';
import { showWorkspace } from '../../http/desk-workspace';
import { collabTranslator, type CollabKey } from '../../i18n/desk-collab';
import { ID_PATTERN } from '../../lib/ids';
import { formValidator, type OnInvalid } from '../../middleware/form-validator';
import type { CollabFormState } from '../../views/desk/workspace-collab';

export const deskCollab = new Hono<AppEnv>();
deskCollab.use('*', requireDesk());

const text = (max: number) => z.string().max(max).nullable().optional();
const NoteForm = z.object({ body: text(20_000) });
const DueForm = z.object({ dueDate: text(40), expected: text(10) });
const TagsForm = z.object({ tags: text(2_000), expected: text(2_000) });
const StepForm = z.object({
  position: z.number().int().min(0).max(99),
  label: z.string().max(200),
  done: z.boolean(),
});

/** A form the validator refused (a field far too long, a missing step): the page again, 422. */
const refuse: OnInvalid<string> = (c) =>
  showWorkspace(
    c,
    c.req.param('id') ?? '',
    { notice: { kind: 'error', text: deskUi(c).t('invalidForm') } },
    422,
  );

/** The desk's wording of a field error. */
function fieldText(c: Context<AppEnv>, e: CollabFieldError): string {
  const t = collabTranslator(deskUi(c).locale);
  return t(`err_${e.code}` as CollabKey, { max: e.max ?? '', names: (e.names ?? []).join(', ') });
}

/** Success → back to the workspace with its notice; a refusal → the page with field errors or the stale notice. */
function answer(
  c: Context<AppEnv>,
  id: string,
  result: { ok: true } | { ok: false; refusal: CollabRefusal },
  done: string,
  values: CollabFormState['values'],
) {
  if (result.ok) return c.redirect(`/desk/claims/${id}?collab=${done}#team`, 303);
  const r = result.refusal;
  if (r.kind === 'not-found') return deskMessage(c, 404, deskUi(c).t('notFound'));
  if (r.kind === 'stale')
    return showWorkspace(
      c,
      id,
      { notice: { kind: 'error', text: collabTranslator(deskUi(c).locale)('collabStale') } },
      409,
    );
  const errors: CollabFormState['errors'] = {};
  for (const f of r.fields)
    errors[f.field === 'position' ? 'step' : (f.field as 'body')] = fieldText(c, f);
  return showWorkspace(
    c,
    id,
    { notice: { kind: 'error', text: deskUi(c).t('invalidForm') }, collab: { values, errors } },
    422,
  );
}

deskCollab.post('/:id/notes', formValidator(NoteForm, refuse), async (c) => {
  const id = c.req.param('id');
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const body = c.req.valid('form').body ?? '';
  const result = await addNote(c.env.DB, id, { body }, actorOf(c));
  if (result.ok) await mentionMails(c, id, result.value);
  return answer(c, id, result, 'note', { body });
});

deskCollab.post('/:id/due', formValidator(DueForm, refuse), async (c) => {
  const id = c.req.param('id');
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const form = c.req.valid('form');
  const dueDate = form.dueDate ?? '';
  const result = await changeDueDate(
    c.env.DB,
    id,
    { dueDate, expected: form.expected ?? '' },
    actorOf(c),
  );
  return answer(c, id, result, 'due', { dueDate });
});

deskCollab.post('/:id/tags', formValidator(TagsForm, refuse), async (c) => {
  const id = c.req.param('id');
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const form = c.req.valid('form');
  const tags = form.tags ?? '';
  const result = await changeTags(
    c.env.DB,
    id,
    { tags, expected: form.expected ?? '' },
    actorOf(c),
  );
  return answer(c, id, result, 'tags', { tags });
});

deskCollab.post('/:id/checklist', formValidator(StepForm, refuse), async (c) => {
  const id = c.req.param('id');
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const result = await toggleStep(c.env.DB, id, c.req.valid('form'), actorOf(c));
  return answer(c, id, result, 'checklist', {});
});
