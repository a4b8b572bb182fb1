/** Admin pages: accounts (create, role, deactivate) and the rating scale (labels per locale, colour, order). */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { activeScaleId } from '../../../d1/desk';
import { activeRatings, upsertRating } from '../../../d1/ratings';
import { listUsers, type UserPatch } from '../../../d1/users';
import { addAccount, changeAccount } from '../../domain/accounts';
import type { AppEnv } from '../../env';
import { actorOf } from '../../lib/actor';
import { AdminRatingsPage, AdminUsersPage } from '../../views/desk/admin';
import { deskMessage, deskUi, field, render, requireDesk } from '../../http/desk-context';

export const deskAdmin = new Hono<AppEnv>();
deskAdmin.use('*', requireDesk('admin'));

const NewUserForm = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
  role: z.enum(['admin', 'editor']),
  password: z.string().min(12).max(200),
  locale: z.enum(['', 'en', 'ar', 'fr']),
});

async function usersPage(c: Context<AppEnv>, extras: { notice?: { kind: 'ok' | 'error'; text: string }; values?: Record<string, string>; errors?: string[] } = {}, status: 200 | 409 | 422 = 200) {
  const users = await listUsers(c.env.DB);
  return render(c, <AdminUsersPage ui={deskUi(c)} users={users} {...extras} />, status);
}

deskAdmin.get('/users', (c) => {
  const t = deskUi(c).t;
  const ok = c.req.query('ok');
  return usersPage(c, ok === 'created' ? { notice: { kind: 'ok', text: t('userCreated') } } : ok === 'saved' ? { notice: { kind: 'ok', text: t('userSaved') } } : {});
});

deskAdmin.post('/users', async (c) => {
  const form = await c.req.parseBody({ all: true });
  const values = { email: field(form, 'email'), name: field(form, 'name'), role: field(form, 'role'), locale: field(form, 'locale') };
  const parsed = NewUserForm.safeParse({ ...values, password: typeof form.password === 'string' ? form.password : '' });
  const t = deskUi(c).t;
  if (!parsed.success) return usersPage(c, { notice: { kind: 'error', text: t('invalidForm') }, values, errors: parsed.error.issues.map((i) => String(i.path[0])) }, 422);
  const { password, locale, ...rest } = parsed.data;
  const result = await addAccount(c.env.DB, { ...rest, locale: locale || null, password }, actorOf(c));
  if (!result.ok) return usersPage(c, { notice: { kind: 'error', text: t('emailTaken') }, values, errors: ['email'] }, 409);
  return c.redirect('/desk/admin/users?ok=created', 303);
});

deskAdmin.post('/users/:id', async (c) => {
  const id = c.req.param('id');
  const form = await c.req.parseBody({ all: true });
  const t = deskUi(c).t;
  if (!/^\d{1,9}$/.test(id)) return deskMessage(c, 404, t('notFound'));
  const patch: UserPatch = {};
  const role = field(form, 'role');
  if (role === 'admin' || role === 'editor') patch.role = role;
  const active = field(form, 'active');
  if (active === '1' || active === '0') patch.active = active === '1';
  const result = await changeAccount(c.env.DB, Number(id), patch, actorOf(c));
  if (!result.ok && result.refusal.kind === 'nothing-to-change') return usersPage(c, { notice: { kind: 'error', text: t('invalidForm') } }, 422);
  if (!result.ok && result.refusal.kind === 'self-lockout') return usersPage(c, { notice: { kind: 'error', text: t('selfLockout') } }, 409);
  if (!result.ok) return deskMessage(c, 404, t('notFound'));
  return c.redirect('/desk/admin/users?ok=saved', 303);
});

const RatingForm = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,40}$/),
  value: z.union([z.literal(''), z.coerce.number().int().min(0).max(100)]),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  position: z.coerce.number().int().min(1).max(999),
  label_en: z.string().trim().min(1).max(80),
  label_ar: z.string().trim().max(80),
  label_fr: z.string().trim().max(80),
});

async function ratingsPage(c: Context<AppEnv>, notice?: { kind: 'ok' | 'error'; text: string }, status: 200 | 422 = 200) {
  return render(c, <AdminRatingsPage ui={deskUi(c)} ratings={await activeRatings(c.env.DB)} notice={notice} />, status);
}

deskAdmin.get('/ratings', (c) => ratingsPage(c, c.req.query('ok') === 'saved' ? { kind: 'ok', text: deskUi(c).t('ratingSaved') } : undefined));

deskAdmin.post('/ratings', async (c) => {
  const form = await c.req.parseBody({ all: true });
  const keys = ['key', 'value', 'color', 'position', 'label_en', 'label_ar', 'label_fr'] as const;
  const parsed = RatingForm.safeParse(Object.fromEntries(keys.map((k) => [k, field(form, k)])));
  const scaleId = await activeScaleId(c.env.DB);
  if (!parsed.success || !scaleId) return ratingsPage(c, { kind: 'error', text: deskUi(c).t('invalidForm') }, 422);
  const r = parsed.data;
  const labels: Record<string, string> = { en: r.label_en };
  if (r.label_ar) labels.ar = r.label_ar;
  if (r.label_fr) labels.fr = r.label_fr;
  await upsertRating(c.env.DB, scaleId, { key: r.key, value: r.value === '' ? null : r.value, color: r.color.toLowerCase(), position: r.position, labels }, actorOf(c));
  return c.redirect('/desk/admin/ratings?ok=saved', 303);
});
