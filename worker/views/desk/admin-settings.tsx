/** Newsroom settings (admins): whether publishing needs a second editor. */
import { ChecklistDefaults } from './admin-checklist';
import { Csrf, DeskLayout, Notice, type DeskUi } from './layout';

export function AdminSettingsPage(props: {
  ui: DeskUi;
  settings: { publishNeedsSecondEditor: boolean };
  notice?: { kind: 'ok' | 'error'; text: string };
  /** The default checklist steps (admin-checklist.tsx); the section is left out without them. */
  checklist?: string[];
}) {
  const { ui, settings } = props;
  const { t } = ui;
  return (
    <DeskLayout ui={ui} title={t('settingsTitle')} active="settings">
      <h1>{t('settingsTitle')}</h1>
      {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
      <section class="panel" aria-labelledby="second-editor-h">
        <h2 id="second-editor-h">{t('secondEditor')}</h2>
        <form method="post" action="/desk/admin/settings" class="stack">
          <Csrf ui={ui} />
          <label class="check">
            <input
              type="checkbox"
              name="publishNeedsSecondEditor"
              value="1"
              checked={settings.publishNeedsSecondEditor}
              aria-describedby="second-editor-help"
            />{' '}
            {t('secondEditor')}
          </label>
          <p class="help" id="second-editor-help">
            {t('secondEditorHelp')}
          </p>
          <button type="submit" class="primary">
            {t('saveSettings')}
          </button>
        </form>
      </section>
      {props.checklist ? <ChecklistDefaults ui={ui} steps={props.checklist} /> : null}
    </DeskLayout>
  );
}
