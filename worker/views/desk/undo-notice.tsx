import { Csrf, type DeskUi } from './layout';

/**
 * "Rejected. Undo": the status line after a triage action, with one POST form (CSRF, no script
 * needed) that undoes it. `fields` are the hidden inputs naming the move(s) to undo; the server
 * checks each claim's version again, so they are only hints.
 */
export function UndoNotice(props: {
  ui: DeskUi;
  text: string;
  action: string;
  fields: { name: string; value: string }[];
}) {
  const { ui } = props;
  return (
    <div class="notice notice-ok undo-notice" role="status">
      <span>{props.text}</span>{' '}
      <form method="post" action={props.action} class="inline-form">
        <Csrf ui={ui} />
        {props.fields.map((f) => (
          <input type="hidden" name={f.name} value={f.value} />
        ))}
        <button type="submit">{ui.t('undo')}</button>
      </form>
    </div>
  );
}
