/**
 * The one rendering of a refused form, desk and public alike: an error summary at the top of the
 * page (role="alert", its heading focused on load, each entry a link to its field, so it works
 * without JavaScript) and each field's message next to the field, tied to it by aria-describedby.
 */

/** A field's message in the reader's words, by field name. */
export type FieldMessages = Partial<Record<string, string>>;

/** One line of the summary: the field's element id and what is wrong, in words. */
export interface SummaryItem {
  id: string;
  label: string;
  message: string;
}

/** The id of a field's message element. */
export const errorId = (fieldId: string) => `${fieldId}-error`;

/** aria-invalid and aria-describedby for a field (plus any hint ids it already points at). */
export function fieldAria(
  fieldId: string,
  message: string | undefined,
  ...hints: string[]
): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  const ids = [...hints, message ? errorId(fieldId) : ''].filter(Boolean);
  return {
    ...(message ? { 'aria-invalid': 'true' as const } : {}),
    ...(ids.length ? { 'aria-describedby': ids.join(' ') } : {}),
  };
}

/** The message under a field (nothing when the field is fine). */
export function FieldError(props: { id: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="field-error" id={errorId(props.id)}>
      <LatinIsolated text={props.message} />
    </p>
  );
}

/** The summary a refused form opens with; nothing when there is no item. */
export function ErrorSummary(props: { title: string; items: SummaryItem[]; intro?: string }) {
  if (props.items.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" tabindex={-1} autofocus>
        {props.title}
      </h2>
      {props.intro ? <p>{props.intro}</p> : null}
      <ul>
        {props.items.map((i) => (
          <li>
            <a href={`#${i.id}`}>
              {i.label}: <LatinIsolated text={i.message} />
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Summary items for the fields of `fields` (in that order) that have a message. */
export function summaryItems(
  messages: FieldMessages | undefined,
  fields: readonly { name: string; id: string; label: string }[],
): SummaryItem[] {
  if (!messages) return [];
  return fields.flatMap((f) => {
    const message = messages[f.name];
    return message ? [{ id: f.id, label: f.label, message }] : [];
  });
}
import { LatinIsolated } from './user-text';
