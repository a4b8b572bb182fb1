/** Admins: the default checklist steps every claim starts from (Settings page, its own form). */
import { Hono } from 'hono';
import { z } from 'zod';
import { saveChecklistDefaults } from '../../../d1/collab';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { deskMessage, deskUi, requireDesk } from '../../http/desk-context';
import { CHECKLIST_MAX, STEP_MAX_LEN } from '../../lib/collab';
import { formValidator } from '../../middleware/form-validator';

export const deskAdminChecklist = new Hono<AppEnv>();
deskAdminChecklist.use('*', requireDesk('admin'));

const ChecklistForm = z.object({ steps: z.string().max(5_000).nullable().optional() });

deskAdminChecklist.post(
  '/checklist',
  formValidator(ChecklistForm, (c) => deskMessage(c, 422, deskUi(c).t('invalidForm'))),
  async (c) => {
    const steps = (c.req.valid('form').steps ?? '')
      .split('\n')
      .map((s) => s.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
    if (steps.length > CHECKLIST_MAX || steps.some((s) => s.length > STEP_MAX_LEN))
      return deskMessage(c, 422, deskUi(c).t('invalidForm'));
    await saveChecklistDefaults(c.env.DB, steps, actorOf(c));
    return c.redirect('/desk/admin/settings?ok=saved', 303);
  },
);
