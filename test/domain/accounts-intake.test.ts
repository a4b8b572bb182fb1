/** Accounts, sign-in and public intake called directly (no HTTP), against the real D1. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { findSession } from '../../d1/sessions';
import { addAccount, changeAccount } from '../../worker/domain/accounts';
import { LOGIN_LIMIT_PER_PAIR, signIn, signOut } from '../../worker/domain/auth';
import { SUBMIT_RATE, submitClaim } from '../../worker/domain/intake';
import { SubmissionFields } from '../../worker/schemas';
import { sha256Hex } from '../../worker/lib/crypto';
import { DUMMY_TOKEN } from '../../worker/turnstile';
import { count, makeUser, TEST_PASSWORD, unique } from '../helpers';

describe('addAccount / changeAccount', () => {
  it('hashes the password, refuses a taken e-mail, and never lets an admin lock themselves out', async () => {
    const email = `${unique('acct')}@test.example`;
    const created = await addAccount(
      env.DB,
      { email, name: 'New editor', role: 'editor', password: TEST_PASSWORD },
      { userId: null, requestId: 'test' },
    );
    if (!created.ok) throw new Error('not created');
    expect(await count('users', 'email = ?1 AND password_hash != ?2', email, TEST_PASSWORD)).toBe(
      1,
    );
    expect(
      await addAccount(
        env.DB,
        { email, name: 'Again', role: 'editor', password: TEST_PASSWORD },
        { userId: null, requestId: 'test' },
      ),
    ).toEqual({ ok: false, refusal: { kind: 'email-taken' } });
    const admin = await makeUser('admin');
    const me = { userId: admin.id, requestId: 'test' };
    expect(await changeAccount(env.DB, admin.id, { role: 'editor' }, me)).toEqual({
      ok: false,
      refusal: { kind: 'self-lockout' },
    });
    expect(await changeAccount(env.DB, admin.id, { active: false }, me)).toEqual({
      ok: false,
      refusal: { kind: 'self-lockout' },
    });
    expect(await changeAccount(env.DB, created.value.id, {}, me)).toEqual({
      ok: false,
      refusal: { kind: 'nothing-to-change' },
    });
    expect(await changeAccount(env.DB, 999_999_999, { active: false }, me)).toEqual({
      ok: false,
      refusal: { kind: 'not-found' },
    });
    expect(await changeAccount(env.DB, created.value.id, { role: 'admin' }, me)).toMatchObject({
      ok: true,
      value: { role: 'admin' },
      changed: [],
    });
  });
});

describe('signIn / signOut', () => {
  it('starts a session, rotates the one it replaces, and signs out server-side', async () => {
    const u = await makeUser();
    const client = { address: unique('addr'), replaces: null };
    const first = await signIn(env.DB, { email: u.email, password: TEST_PASSWORD }, client);
    if (!first.ok) throw new Error('sign-in refused');
    expect(first.value.user).toMatchObject({ id: u.id, email: u.email });
    expect(first.value.user).not.toHaveProperty('password');
    const firstHash = await sha256Hex(first.value.token);
    expect(await findSession(env.DB, firstHash)).not.toBeNull();
    const second = await signIn(
      env.DB,
      { email: u.email.toUpperCase(), password: TEST_PASSWORD },
      { ...client, replaces: firstHash },
    );
    if (!second.ok) throw new Error('sign-in refused');
    expect(await findSession(env.DB, firstHash)).toBeNull();
    const secondHash = await sha256Hex(second.value.token);
    await signOut(
      env.DB,
      { tokenHash: secondHash, apiTokenId: null },
      { userId: u.id, requestId: 't' },
    );
    expect(await findSession(env.DB, secondHash)).toBeNull();
  });

  it('refuses wrong credentials alike and rate-limits an (account, address) pair', async () => {
    const u = await makeUser();
    const client = { address: unique('addr'), replaces: null };
    expect(
      await signIn(env.DB, { email: `${unique()}@nowhere.example`, password: 'x' }, client),
    ).toEqual({ ok: false, refusal: { kind: 'invalid-credentials' } });
    for (let i = 0; i < LOGIN_LIMIT_PER_PAIR; i++) {
      expect(await signIn(env.DB, { email: u.email, password: 'wrong' }, client)).toEqual({
        ok: false,
        refusal: { kind: 'invalid-credentials' },
      });
    }
    const limited = await signIn(env.DB, { email: u.email, password: TEST_PASSWORD }, client);
    expect(limited).toMatchObject({ ok: false, refusal: { kind: 'rate-limited' } });
    // Only that (account, address) pair: the owner elsewhere still signs in.
    const elsewhere = await signIn(
      env.DB,
      { email: u.email, password: TEST_PASSWORD },
      { address: unique('addr'), replaces: null },
    );
    expect(elsewhere.ok).toBe(true);
  });
});

describe('submitClaim', () => {
  const input = (extra: Record<string, string> = {}) => {
    return SubmissionFields.parse({
      text: `${unique('The mayor said ')} the bridge cost 3 billion`,
      ...extra,
    });
  };
  const actor = { userId: null, requestId: 'test-intake' };

  it('stores a submission with a tracking token; a submission is not a public change', async () => {
    const r = await submitClaim(
      env,
      input({ email: 'reader@example.org' }),
      { address: unique('addr'), turnstileToken: DUMMY_TOKEN },
      actor,
    );
    if (!r.ok) throw new Error(`refused: ${r.refusal.kind}`);
    expect(r.changed).toEqual([]);
    expect(r.value).toMatchObject({ language: 'en', result: { newClaim: true } });
    expect(
      await count(
        'submissions',
        'tracking_hash = ?1 AND contact_email_enc IS NOT NULL',
        await sha256Hex(r.value.trackingToken),
      ),
    ).toBe(1);
  });

  it('refuses the honeypot, a failed Turnstile check and too many submissions from one address', async () => {
    const address = unique('addr');
    expect(
      await submitClaim(
        env,
        input({ website: 'http://spam.example' }),
        { address, turnstileToken: DUMMY_TOKEN },
        actor,
      ),
    ).toEqual({ ok: false, refusal: { kind: 'honeypot' } });
    expect(await submitClaim(env, input(), { address, turnstileToken: null }, actor)).toMatchObject(
      { ok: false, refusal: { kind: 'captcha' } },
    );
    for (let i = 1; i < SUBMIT_RATE.limit; i++)
      expect(
        (await submitClaim(env, input(), { address, turnstileToken: DUMMY_TOKEN }, actor)).ok,
      ).toBe(true);
    expect(
      await submitClaim(env, input(), { address, turnstileToken: DUMMY_TOKEN }, actor),
    ).toMatchObject({ ok: false, refusal: { kind: 'rate-limited' } });
  });
});
