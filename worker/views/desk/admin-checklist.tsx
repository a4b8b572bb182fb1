/** Settings: the default checklist steps each claim starts from. */
import { collabTranslator } from '../../i18n/desk-collab';
import { CHECKLIST_MAX, STEP_MAX_LEN } from '../../lib/collab';
import { Csrf, type DeskUi } from './layout';

export function ChecklistDefaults(props: { ui: DeskUi; steps: string[] }) {
  const { ui } = props;
  const c = collabTranslator(ui.locale);
  return (
    <section class="panel" aria-labelledby="checklist-defaults-h">
      <h2 id="checklist-defaults-h">{c('checklistDefaults')}</h2>
      <form method="post" action="/desk/admin/settings/checklist" class="stack">
        <Csrf ui={ui} />
        <label for="checklist-steps">{c('checklistDefaults')}</label>
        <textarea
          id="checklist-steps"
          name="steps"
          rows={6}
          dir="auto"
          aria-describedby="checklist-steps-help"
        >
          {props.steps.join('\n')}
        </textarea>
        <p class="help" id="checklist-steps-help">
          {c('checklistDefaultsHelp', { max: CHECKLIST_MAX, len: STEP_MAX_LEN })}
        </p>
        <button type="submit" class="primary">
          {c('saveChecklist')}
        </button>
      </form>
    </section>
  );
}
