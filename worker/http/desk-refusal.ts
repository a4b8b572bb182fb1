/** A domain refusal in the desk's words (every kind; rules of the record by their stable code). */
import type { Refusal } from '../domain/outcome';
import { DESK_STRINGS_EN, type DeskKey, type Translate } from '../i18n/desk';

export function refusalText(t: Translate, r: Refusal): string {
  switch (r.kind) {
    case 'conflict': {
      const key = `refusal_${r.code}`;
      return key in DESK_STRINGS_EN ? t(key as DeskKey) : r.message;
    }
    case 'forbidden':
    case 'illegal-state':
      return r.message;
    case 'invalid':
      return t('invalidForm');
    case 'stale':
      return t('stale');
    case 'verdict-required':
      return t('needVerdict');
    case 'illegal-move':
      return t('illegalMove');
    case 'not-found':
      return t('notFound');
    case 'superseded':
      return t('undoSuperseded');
    case 'not-undoable':
      return t('notUndoable');
  }
}
