/** The claim workspace's team panels: internal notes with @mentions, due date, topic tags, checklist. */
import { collabTranslator, type CollabKey } from '../../i18n/desk-collab';
import { NOTE_MAX, TAG_MAX_LEN, TAGS_MAX, tagsKey } from '../../lib/collab';
import { UserText } from '../shared/user-text';
import { Csrf, type DeskUi } from './layout';
import { RelDate, RelTime } from './rel-time';

export interface CollabView {
  dueDate: string | null;
  tags: string[];
  notes: {
    id: string;
    authorName: string;
    body: string;
    createdAt: string;
  }[];
  checklist: {
    position: number;
    label: string;
    doneByName: string | null;
    doneAt: string | null;
  }[];
  /** Handles of the active desk users (the hint under the note field). */
  handles: string[];
  today: string;
  now: Date;
}

/** A refused collaboration form: what was typed and each bad field's error. */
export interface CollabFormState {
  values: { body?: string; dueDate?: string; tags?: string };
  errors: Partial<Record<'body' | 'dueDate' | 'tags' | 'step', string>>;
}

interface Props {
  ui: DeskUi;
  claimId: string;
  collab: CollabView;
  form?: CollabFormState;
}

function FieldError(props: { id: string; text?: string }) {
  return props.text ? (
    <p class="field-error" id={props.id}>
      {props.text}
    </p>
  ) : null;
}

/** Internal notes, oldest first, and the form to add one. Never rendered outside the desk. */
export function NotesPanel(props: Props) {
  const { ui, collab, form, claimId } = props;
  const c = collabTranslator(ui.locale);
  const error = form?.errors.body;
  return (
    <section aria-labelledby="notes-h" class="panel" id="notes">
      <h2 id="notes-h">{c('notes')}</h2>
      {collab.notes.length === 0 ? <p class="help">{c('noNotes')}</p> : null}
      <ol class="notes">
        {collab.notes.map((n) => (
          <li id={`note-${n.id}`}>
            <p class="meta">
              <bdi>{n.authorName}</bdi> ·{' '}
              <RelTime iso={n.createdAt} now={collab.now} locale={ui.locale} />
            </p>
            <UserText as="p" class="note-body">
              {n.body}
            </UserText>
          </li>
        ))}
      </ol>
      <form method="post" action={`/desk/claims/${claimId}/notes`} class="stack">
        <Csrf ui={ui} />
        <label for="note-body">{c('noteBody')}</label>
        <textarea
          id="note-body"
          name="body"
          rows={3}
          maxlength={NOTE_MAX}
          required
          dir="auto"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'note-error note-help' : 'note-help'}
        >
          {form?.values.body ?? ''}
        </textarea>
        <FieldError id="note-error" text={error} />
        <p class="help" id="note-help">
          {c('notesHelp', { max: NOTE_MAX })}{' '}
          {collab.handles.length ? (
            <bdi dir="ltr">
              {c('mentionable', { handles: collab.handles.map((h) => `@${h}`).join(' ') })}
            </bdi>
          ) : null}
        </p>
        <button type="submit">{c('addNote')}</button>
      </form>
    </section>
  );
}

/** Due date, tags and checklist: the side column's team panel. */
export function TeamPanel(props: Props) {
  const { ui, collab, form, claimId } = props;
  const c = collabTranslator(ui.locale);
  const dueError = form?.errors.dueDate;
  const tagsError = form?.errors.tags;
  return (
    <section aria-labelledby="team-h" class="panel" id="team">
      <h2 id="team-h">{c('collabTitle')}</h2>
      <h3 id="due-h">{c('dueDate')}</h3>
      <p>
        {collab.dueDate ? (
          <>
            <span dir="ltr">{collab.dueDate}</span> (
            <RelDate date={collab.dueDate} today={collab.today} locale={ui.locale} />)
            {collab.dueDate < collab.today ? (
              <strong class="overdue"> {c('overdue')}</strong>
            ) : null}
          </>
        ) : (
          <span class="help">{c('noDue')}</span>
        )}
      </p>
      <form method="post" action={`/desk/claims/${claimId}/due`} class="stack">
        <Csrf ui={ui} />
        <input type="hidden" name="expected" value={collab.dueDate ?? ''} />
        <label for="due-date">{c('dueDate')}</label>
        <input
          type="date"
          id="due-date"
          name="dueDate"
          min={collab.today}
          value={form?.values.dueDate ?? collab.dueDate ?? ''}
          aria-invalid={dueError ? 'true' : undefined}
          aria-describedby={dueError ? 'due-error due-help' : 'due-help'}
        />
        <FieldError id="due-error" text={dueError} />
        <p class="help" id="due-help">
          {c('dueDateHelp')}
        </p>
        <button type="submit">{c('saveDue')}</button>
      </form>

      <h3 id="tags-h">{c('tags')}</h3>
      {collab.tags.length ? (
        <ul class="tags">
          {collab.tags.map((t) => (
            <li>
              <bdi>{t}</bdi>
            </li>
          ))}
        </ul>
      ) : (
        <p class="help">{c('noTags')}</p>
      )}
      <form method="post" action={`/desk/claims/${claimId}/tags`} class="stack">
        <Csrf ui={ui} />
        <input type="hidden" name="expected" value={tagsKey(collab.tags)} />
        <label for="tags-input">{c('tags')}</label>
        <input
          type="text"
          id="tags-input"
          name="tags"
          dir="auto"
          maxlength={TAGS_MAX * (TAG_MAX_LEN + 2)}
          value={form?.values.tags ?? collab.tags.join(', ')}
          aria-invalid={tagsError ? 'true' : undefined}
          aria-describedby={tagsError ? 'tags-error tags-help' : 'tags-help'}
        />
        <FieldError id="tags-error" text={tagsError} />
        <p class="help" id="tags-help">
          {c('tagsHelp', { max: TAGS_MAX, len: TAG_MAX_LEN })}
        </p>
        <button type="submit">{c('saveTags')}</button>
      </form>

      <h3 id="checklist-h">{c('checklist')}</h3>
      <FieldError id="step-error" text={form?.errors.step} />
      {collab.checklist.length === 0 ? <p class="help">{c('checklistEmpty')}</p> : null}
      <ul class="checklist">
        {collab.checklist.map((s) => (
          <li class={s.doneAt ? 'done' : undefined}>
            <form method="post" action={`/desk/claims/${claimId}/checklist`} class="step">
              <Csrf ui={ui} />
              <input type="hidden" name="position" value={String(s.position)} />
              <input type="hidden" name="label" value={s.label} />
              <input type="hidden" name="done" value={s.doneAt ? '0' : '1'} />
              <span class="step-mark" aria-hidden="true">
                {s.doneAt ? '☑' : '☐'}
              </span>
              <span class="step-label">
                <bdi>{s.label}</bdi>
                {s.doneAt ? (
                  <span class="meta">
                    {' '}
                    {c('doneBy', { name: '' }).trim()} <bdi>{s.doneByName ?? '—'}</bdi>,{' '}
                    <RelTime iso={s.doneAt} now={collab.now} locale={ui.locale} />
                  </span>
                ) : null}
              </span>
              <button type="submit" aria-label={`${c(s.doneAt ? 'untick' : 'tick')}: ${s.label}`}>
                {c((s.doneAt ? 'untick' : 'tick') satisfies CollabKey)}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
