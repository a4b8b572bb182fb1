/**
 * Inside the Publication panel of a retracted claim: remove it from the public site (admins, a
 * reason readers see) or restore it. Plain forms with CSRF; they work without JavaScript.
 */
import type { Claim } from '../models';
import { removalStrings } from '../../i18n/s19-reader';
import { UserText } from '../shared/user-text';
import { Csrf, Notice, type DeskUi } from './layout';

/** An ISO time as the desk writes it (UTC, Western digits), isolated left-to-right. */
function when(iso: string): string {
  return `\u2066${iso.slice(0, 16).replace('T', ' ')}\u2069`;
}

export function RemovalBlock(props: {
  ui: DeskUi;
  claim: Claim;
  isAdmin: boolean;
  removal: { at: string; reason: string; byName: string | null } | null;
  form?: { removalReason?: string; removalError?: boolean };
}) {
  const { ui, claim, removal, form } = props;
  const r = removalStrings(ui.locale);
  if (removal) {
    return (
      <div class="removal" id="removal">
        <Notice kind="error">{r.deskRemoved(when(removal.at))}</Notice>
        {removal.reason ? (
          <UserText lang={null} as="blockquote">
            {removal.reason}
          </UserText>
        ) : null}
        {props.isAdmin ? (
          <form method="post" action={`/desk/claims/${claim.id}/removal/restore`} class="stack">
            <Csrf ui={ui} />
            <input type="hidden" name="version" value={String(claim.version)} />
            <p class="help">{r.deskRestoreHelp}</p>
            <button type="submit">{r.deskRestore}</button>
          </form>
        ) : null}
      </div>
    );
  }
  if (!props.isAdmin) return null;
  const bad = form?.removalError === true;
  return (
    <details class="retract" id="removal" open={bad ? true : undefined}>
      <summary>{r.deskTitle}</summary>
      <form method="post" action={`/desk/claims/${claim.id}/removal`} class="stack">
        <Csrf ui={ui} />
        <input type="hidden" name="version" value={String(claim.version)} />
        <p class="help">{r.deskHelp}</p>
        <label for="removal-reason">{r.deskReason}</label>
        <p class="help" id="removal-reason-help">
          {r.deskReasonHelp}
        </p>
        {bad ? (
          <p class="field-error" id="removal-reason-error">
            {r.deskReasonError}
          </p>
        ) : null}
        <textarea
          id="removal-reason"
          name="reason"
          dir="auto"
          rows={3}
          required
          minlength={3}
          maxlength={500}
          aria-invalid={bad ? 'true' : undefined}
          aria-describedby={
            bad ? 'removal-reason-help removal-reason-error' : 'removal-reason-help'
          }
        >
          {form?.removalReason ?? ''}
        </textarea>
        <button type="submit" class="danger">
          {r.deskRemove}
        </button>
      </form>
    </details>
  );
}
