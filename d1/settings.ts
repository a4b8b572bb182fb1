/** Newsroom settings (migration 0008): a small key → value table edited by admins. */
import { auditStatement, type Actor } from './audit';

export interface NewsroomSettings {
  /** Publishing (first publication, correction, update) needs a second editor's approval. */
  publishNeedsSecondEditor: boolean;
}

const DEFAULTS: NewsroomSettings = { publishNeedsSecondEditor: false };

/** The settings row statement (for batches). */
export function settingsStatement(db: D1Database): D1PreparedStatement {
  return db.prepare(`SELECT key, value FROM settings`);
}

export function toSettings(rows: { key: string; value: string }[] | undefined): NewsroomSettings {
  const byKey = new Map((rows ?? []).map((r) => [r.key, r.value]));
  return {
    publishNeedsSecondEditor: byKey.has('publish_needs_second_editor')
      ? byKey.get('publish_needs_second_editor') === '1'
      : DEFAULTS.publishNeedsSecondEditor,
  };
}

export async function getSettings(db: D1Database): Promise<NewsroomSettings> {
  const { results } = await settingsStatement(db).all<{ key: string; value: string }>();
  return toSettings(results);
}

/** Save the settings and the audit row in one batch. */
export async function saveSettings(
  db: D1Database,
  next: NewsroomSettings,
  actor: Actor,
): Promise<NewsroomSettings> {
  const before = await getSettings(db);
  await db.batch([
    db
      .prepare(
        `INSERT INTO settings (key, value) VALUES ('publish_needs_second_editor', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .bind(next.publishNeedsSecondEditor ? '1' : '0'),
    auditStatement(
      db,
      actor,
      'settings.update',
      { type: 'settings', id: 'newsroom' },
      before,
      next,
    ),
  ]);
  return next;
}
