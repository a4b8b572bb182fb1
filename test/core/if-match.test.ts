import { describe, expect, it } from 'vitest';
import { parseIfMatch } from '../../worker/lib/etag';
import { apiClaim, callJson, count, makeUser } from '../helpers';

const patch = (token: string, id: string, ifMatch?: string) =>
  callJson(`/api/v1/claims/${id}`, {
    method: 'PATCH',
    token,
    body: { claimant: 'Someone' },
    headers: ifMatch === undefined ? {} : { 'If-Match': ifMatch },
  });
const transition = (token: string, id: string, ifMatch?: string) =>
  callJson(`/api/v1/claims/${id}/transition`, {
    token,
    body: { to: 'in_review' },
    headers: ifMatch === undefined ? {} : { 'If-Match': ifMatch },
  });

describe('If-Match on PATCH /api/v1/claims/:id (RFC 9110)', () => {
  it('428 only when the header is missing', async () => {
    const u = await makeUser();
    const claim = await apiClaim(u.token);
    const { res, body } = await patch(u.token, claim.id);
    expect(res.status).toBe(428);
    expect(body.code).toBe('precondition_required');
    expect(body.errors[0].field).toBe('header.If-Match');
  });

  it('412 with the current claim and ETag for a well-formed tag that does not match', async () => {
    const u = await makeUser();
    const claim = await apiClaim(u.token);
    for (const tag of ['"v7"', '"something-else"', 'W/"v1"', '"v2", "v3"']) {
      const { res, body } = await patch(u.token, claim.id, tag);
      expect(res.status, tag).toBe(412);
      expect(body.code).toBe('version_conflict');
      expect(body.current).toMatchObject({ id: claim.id, version: 1 });
      expect(res.headers.get('ETag')).toBe('"v1"');
    }
    expect(await count('audit_log', "entity_id = ?1 AND action = 'claim.update'", claim.id)).toBe(
      0,
    );
  });

  it('400 with a field error for a header that is not an entity tag', async () => {
    const u = await makeUser();
    const claim = await apiClaim(u.token);
    for (const tag of ['v1', '"v1', ',', 'W/v1', '"v1" "v2"', '**']) {
      const { res, body } = await patch(u.token, claim.id, tag);
      expect(res.status, JSON.stringify(tag)).toBe(400);
      expect(body.errors).toEqual([{ field: 'header.If-Match', message: expect.any(String) }]);
    }
  });

  it('* matches any existing claim; a list matches when one member does', async () => {
    const u = await makeUser();
    const claim = await apiClaim(u.token);
    const any = await patch(u.token, claim.id, '*');
    expect(any.res.status).toBe(200);
    expect(any.res.headers.get('ETag')).toBe('"v2"');
    const list = await patch(u.token, claim.id, '"v1", "v2"');
    expect(list.res.status).toBe(200);
    expect(list.body.claim.version).toBe(3);
    expect((await patch(u.token, '0000000000000000', '*')).res.status).toBe(404);
  });
});

describe('If-Match on POST /api/v1/claims/:id/transition', () => {
  it('is optional: no header moves from whatever version is current', async () => {
    const u = await makeUser();
    const claim = await apiClaim(u.token);
    expect((await transition(u.token, claim.id)).res.status).toBe(200);
  });

  it('412 for a stale tag, 400 for a malformed one, 200 for * or the current tag', async () => {
    const u = await makeUser();
    const claim = await apiClaim(u.token);
    const stale = await transition(u.token, claim.id, '"v9"');
    expect(stale.res.status).toBe(412);
    expect(stale.res.headers.get('ETag')).toBe('"v1"');
    expect(stale.body.current.status).toBe('queued');
    const bad = await transition(u.token, claim.id, 'v1');
    expect(bad.res.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('header.If-Match');
    const star = await transition(u.token, claim.id, '*');
    expect(star.res.status).toBe(200);
    expect(star.body.claim).toMatchObject({ status: 'in_review', version: 2 });
    const other = await apiClaim(u.token);
    expect((await transition(u.token, other.id, '"v1"')).res.status).toBe(200);
  });
});

describe('parseIfMatch', () => {
  it('reads *, lists, weak and foreign tags', () => {
    expect(parseIfMatch(undefined)).toEqual({ kind: 'missing' });
    expect(parseIfMatch(' * ')).toEqual({ kind: 'any' });
    expect(parseIfMatch('"v3"')).toEqual({ kind: 'versions', versions: [3] });
    expect(parseIfMatch('"v3" , "x",W/"v4", "v5",')).toEqual({
      kind: 'versions',
      versions: [3, 5],
    });
    expect(parseIfMatch('"a,b"')).toEqual({ kind: 'versions', versions: [] });
    expect(parseIfMatch('"v3",,"v4"')).toEqual({ kind: 'versions', versions: [3, 4] });
    for (const bad of ['', ',', 'v3', '"v3', '"v3" "v4"', 'w/"v3"', '"v 3"'])
      expect(parseIfMatch(bad), bad).toEqual({ kind: 'malformed' });
  });
});
