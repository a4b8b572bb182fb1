/** Admin pages: accounts (create, role, deactivate) and the rating scale (labels per locale, colour, order). */
import { fieldMessages } from '../../i18n/desk';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { activeScaleId } from '../../../d1/desk';
import { activeRatings, upsertRating } from '../../../d1/ratings';
import { getSettings, saveSettings } from '../../../d1/settings';
import { getChecklistDefaults } from '../../../d1/collab';
import { getUser, listUsers, type UserPatch } from '../../../d1/users';
import { addAccount, changeAccount } from '../../domain/accounts';
import { twoFactorUserIds } from '../../../d1/two-factor';
import { issueResetLink } from '../../domain/passwords';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { DESK_LOCALES } from '../../i18n/desk';
import { formValidator, typedValues, type OnInvalid } from '../../middleware/form-validator';
import { HexColor, NewUserBody, nonEmpty, RatingKey, text, UserPatchFields } from '../../schemas';
import { AdminRatingsPage, AdminUsersPage } from '../../views/desk/admin';
import { AdminSettingsPage } from '../../views/desk/admin-settings';
import { ResetLinkPage } from '../../views/desk/account';
import { originOf } from '../../http/public-context';
import { deskMessage, deskUi, render, requireDesk } from '../../http/desk-context';

export const deskAdmin = new Hono<AppEnv>();
deskAdmin.use('*', requireDesk('admin'));

/** The desk offers its own UI languages; blank = the browser's. */
const NewUserForm = NewUserBody.extend({ locale: z.enum(DESK_LOCALES).nullable() });
const UserForm = z
  .object({ role: UserPatchFields.role, active: UserPatchFields.active })
  .refine(nonEmpty);

const USER_KEYS = ['email', 'name', 'role', 'locale'] as const;

async function usersPage(
  c: Context<AppEnv>,
  extras: {
    notice?: { kind: 'ok' | 'error'; text: string };
    values?: Record<string, string>;
    errors?: Record<string, string>;
  } = {},
  status: 200 | 409 | 422 = 200,
) {
  const [users, twoFactor] = await Promise.all([listUsers(c.env.DB), twoFactorUserIds(c.env.DB)]);
  return render(
    c,
    <AdminUsersPage ui={deskUi(c)} users={users} twoFactorIds={twoFactor} {...extras} />,
    status,
  );
}

deskAdmin.get('/users', (c) => {
  const t = deskUi(c).t;
  const ok = c.req.query('ok');
  return usersPage(
    c,
    ok === 'created'
      ? { notice: { kind: 'ok', text: t('userCreated') } }
      : ok === 'saved'
        ? { notice: { kind: 'ok', text: t('userSaved') } }
        : {},
  );
});

const refuseNewUser: OnInvalid<string> = (c, errors, values) =>
  usersPage(
    c,
    {
      values: typedValues(values, USER_KEYS),
      errors: fieldMessages(deskUi(c).t, errors),
    },
    422,
  );

deskAdmin.post('/users', formValidator(NewUserForm, refuseNewUser), async (c) => {
  const { password, locale, ...rest } = c.req.valid('form');
  const values = { ...rest, locale: locale ?? '' };
  const t = deskUi(c).t;
  const result = await addAccount(c.env.DB, { ...rest, locale, password }, actorOf(c));
  if (!result.ok) return usersPage(c, { values, errors: { email: t('emailTaken') } }, 409);
  return c.redirect('/desk/admin/users?ok=created', 303);
});

const refuseUser: OnInvalid<string> = async (c) => {
  const id = c.req.param('id') ?? '';
  const exists = /^\d{1,9}$/.test(id) && (await getUser(c.env.DB, Number(id)));
  if (!exists) return deskMessage(c, 404, deskUi(c).t('notFound'));
  return usersPage(c, { notice: { kind: 'error', text: deskUi(c).t('invalidForm') } }, 422);
};

deskAdmin.post('/users/:id', formValidator(UserForm, refuseUser), async (c) => {
  const id = c.req.param('id');
  const t = deskUi(c).t;
  if (!/^\d{1,9}$/.test(id)) return deskMessage(c, 404, t('notFound'));
  const { role, active } = c.req.valid('form');
  const patch: UserPatch = {};
  if (role !== undefined) patch.role = role;
  if (active !== undefined) patch.active = active;
  const result = await changeAccount(c.env.DB, Number(id), patch, actorOf(c));
  if (!result.ok && result.refusal.kind === 'nothing-to-change')
    return usersPage(c, { notice: { kind: 'error', text: t('invalidForm') } }, 422);
  if (!result.ok && result.refusal.kind === 'self-lockout')
    return usersPage(c, { notice: { kind: 'error', text: t('selfLockout') } }, 409);
  if (!result.ok) return deskMessage(c, 404, t('notFound'));
  return c.redirect('/desk/admin/users?ok=saved', 303);
});

/**
 * A one-time reset link for an account, shown once to the admin to hand over (ClaimDesk sends no
 * e-mail; the page says so). requireDesk('admin') has checked the CSRF token.
 */
deskAdmin.post('/users/:id/reset-link', async (c) => {
  const id = c.req.param('id');
  const t = deskUi(c).t;
  if (!/^\d{1,9}$/.test(id)) return deskMessage(c, 404, t('notFound'));
  const result = await issueResetLink(c.env.DB, Number(id), actorOf(c));
  if (!result.ok && result.refusal.kind === 'inactive')
    return usersPage(c, { notice: { kind: 'error', text: t('resetLinkInactive') } }, 409);
  if (!result.ok) return deskMessage(c, 404, t('notFound'));
  const { user, token, expiresAt } = result.value;
  return render(
    c,
    <ResetLinkPage
      ui={deskUi(c)}
      name={user.name}
      link={`${originOf(c)}/desk/reset/${token}`}
      expiresAt={expiresAt}
    />,
  );
});

const Label = text().trim().max(80);
const RatingForm = z.object({
  key: RatingKey,
  /** Blank: not on the numeric scale (e.g. "unproven"). */
  value: z.number().int().min(0).max(100).nullable(),
  color: HexColor,
  position: z.number().int().min(1).max(999),
  label_en: Label.min(1),
  label_ar: Label.optional(),
  label_fr: Label.optional(),
});

async function ratingsPage(
  c: Context<AppEnv>,
  notice?: { kind: 'ok' | 'error'; text: string },
  status: 200 | 422 = 200,
) {
  return render(
    c,
    <AdminRatingsPage ui={deskUi(c)} ratings={await activeRatings(c.env.DB)} notice={notice} />,
    status,
  );
}

deskAdmin.get('/ratings', (c) =>
  ratingsPage(
    c,
    c.req.query('ok') === 'saved' ? { kind: 'ok', text: deskUi(c).t('ratingSaved') } : undefined,
  ),
);

const refuseRating: OnInvalid<string> = (c) =>
  ratingsPage(c, { kind: 'error', text: deskUi(c).t('invalidForm') }, 422);

deskAdmin.post('/ratings', formValidator(RatingForm, refuseRating), async (c) => {
  const r = c.req.valid('form');
  const scaleId = await activeScaleId(c.env.DB);
  if (!scaleId) return refuseRating(c, {}, {});
  const labels: Record<string, string> = { en: r.label_en };
  if (r.label_ar) labels.ar = r.label_ar;
  if (r.label_fr) labels.fr = r.label_fr;
  await upsertRating(
    c.env.DB,
    scaleId,
    { key: r.key, value: r.value, color: r.color.toLowerCase(), position: r.position, labels },
    actorOf(c),
  );
  return c.redirect('/desk/admin/ratings?ok=saved', 303);
});

const SettingsForm = z.object({ publishNeedsSecondEditor: z.boolean() });

deskAdmin.get('/settings', async (c) => {
  const ui = deskUi(c);
  const [settings, checklist] = await Promise.all([
    getSettings(c.env.DB),
    getChecklistDefaults(c.env.DB),
  ]);
  const notice =
    c.req.query('ok') === 'saved'
      ? { kind: 'ok' as const, text: ui.t('settingsSaved') }
      : undefined;
  return render(
    c,
    <AdminSettingsPage ui={ui} settings={settings} notice={notice} checklist={checklist} />,
  );
});

/** Newsroom settings: saved with its audit row (settings.update) by d1/settings.ts. */
deskAdmin.post(
  '/settings',
  formValidator(SettingsForm, async (c) => {
    const ui = deskUi(c);
    const settings = await getSettings(c.env.DB);
    const notice = { kind: 'error' as const, text: ui.t('invalidForm') };
    return render(c, <AdminSettingsPage ui={ui} settings={settings} notice={notice} />, 422);
  }),
  async (c) => {
    await saveSettings(c.env.DB, c.req.valid('form'), actorOf(c));
    return c.redirect('/desk/admin/settings?ok=saved', 303);
  },
);
