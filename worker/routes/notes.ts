import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listNotes } from '../../d1/collab';
import { getClaim } from '../../d1/claims';
import { addNote } from '../domain/collab';
import { mentionMails } from '../http/mention-mails';
import type { AppEnv } from '../env';
import { actorOf } from '../http/actor';
import { refusalProblem } from '../http/refusal-problem';
import { NOTE_MAX } from '../lib/collab';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { IdParam, jsonBody, jsonResponse, problems } from '../schemas';

/** Internal notes of a claim: /api/v1/claims/:id/notes (editors only; never in a public view). */
const notesBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
notesBase.use('*', requireUser());

const NoteSchema = z
  .object({
    id: z.string(),
    claimId: z.string(),
    authorId: z.number().int(),
    authorName: z.string(),
    body: z.string(),
    createdAt: z.string(),
    mentionIds: z.array(z.number().int()),
  })
  .openapi('Note');

const NoteBody = z.strictObject({
  // The domain counts characters after trimming and names unknown mentions; this is only a ceiling.
  body: z
    .string()
    .max(NOTE_MAX * 4)
    .openapi({ description: `At most ${NOTE_MAX} characters; @handle mentions a desk user` }),
});

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const notes = notesBase
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/notes',
      tags: ['notes'],
      summary: "A claim's internal notes, oldest first",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ notes: z.array(NoteSchema) }), 'The notes'),
        ...problems(400, 401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const [claim, list] = await Promise.all([getClaim(c.env.DB, id), listNotes(c.env.DB, id)]);
      if (!claim) throw problem(404, 'Claim not found', { code: 'not_found' });
      return c.json({ notes: list }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/notes',
      tags: ['notes'],
      summary: 'Add an internal note (append-only; @mentions must name desk users)',
      request: { params: IdParam, body: jsonBody(NoteBody) },
      responses: {
        201: jsonResponse(
          z.object({ note: NoteSchema, mentionedUserIds: z.array(z.number().int()) }),
          'Added',
        ),
        ...problems(400, 401, 404, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const result = await addNote(c.env.DB, id, c.req.valid('json'), actorOf(c));
      if (!result.ok) {
        const r = result.refusal;
        throw r.kind === 'stale' ? problem(409, 'Conflict', { code: 'stale' }) : refusalProblem(r);
      }
      await mentionMails(c, id, result.value);
      return c.json(result.value, 201);
    },
  );
