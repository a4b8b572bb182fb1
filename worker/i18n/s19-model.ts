import type { Language } from '../lib/lang';
import { featureLabel } from './features';
import { pick, type MessagesByLocale } from './pick';

/** Strings of the learned check-worthiness explanation ("word: unemployment" beside a candidate). */
interface ModelMessages {
  /** Label before a word or word pair the model weighed most in the sentence. */
  word: string;
  /** Tooltip of such an entry. */
  wordHint: string;
}

const messages: MessagesByLocale<ModelMessages> = {
  en: { word: 'word', wordHint: 'A word that raised the score most (learned model)' },
  ar: { word: 'كلمة', wordHint: 'كلمة رفعت الدرجة أكثر من غيرها (نموذج متعلَّم)' },
  fr: { word: 'mot', wordHint: 'Un mot qui a le plus relevé le score (modèle appris)' },
};

/** The `why` entries the extractor stores: a feature id, or `word:<term>` (the term as the article wrote it). */
export function explainEntry(
  entry: string,
  locale: Language,
): { label: string; term: string | null; hint: string | null } {
  if (entry.startsWith('word:')) {
    const m = pick(messages, locale);
    return { label: m.word, term: entry.slice('word:'.length), hint: m.wordHint };
  }
  return { label: featureLabel(entry, locale), term: null, hint: null };
}
