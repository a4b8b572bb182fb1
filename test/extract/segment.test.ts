import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../worker/extract/index';

const texts = (text: string, lang: string): string[] =>
  segmentSentences(text, lang).map((s) => s.text);

describe('segmentSentences: repairs to Intl.Segmenter', () => {
  it('does not split after titles and abbreviations (Mr. Dr. St. / M. Mme. / د.)', () => {
    expect(
      texts(
        "Mr. Smith met Dr. Jones at St. Mary's hospital on Monday. They talked about the budget.",
        'en',
      ),
    ).toEqual([
      "Mr. Smith met Dr. Jones at St. Mary's hospital on Monday.",
      'They talked about the budget.',
    ]);
    expect(
      texts(
        "M. Dupont et Mme. Martin ont signé l'accord lundi. Le texte entre en vigueur le 1er mars.",
        'fr',
      ),
    ).toEqual([
      "M. Dupont et Mme. Martin ont signé l'accord lundi.",
      'Le texte entre en vigueur le 1er mars.',
    ]);
    expect(
      texts(
        'قال د. محمد العلي إن النسبة بلغت ٣٫٥٪ هذا العام. وأضاف أن الحكومة ستواصل الإصلاحات.',
        'ar',
      ),
    ).toEqual([
      'قال د. محمد العلي إن النسبة بلغت ٣٫٥٪ هذا العام.',
      'وأضاف أن الحكومة ستواصل الإصلاحات.',
    ]);
  });

  it('does not split after initials or inside numbers, and "etc." splits only before a capital', () => {
    expect(
      texts(
        'J. K. Rowling sold 500 million books. The economy grew 3.5% in 2023, officials said on Monday.',
        'en',
      ),
    ).toEqual([
      'J. K. Rowling sold 500 million books.',
      'The economy grew 3.5% in 2023, officials said on Monday.',
    ]);
    expect(
      texts(
        'Sales of cars, vans, etc. rose by 4% last year. Exports were flat in the same period.',
        'en',
      ),
    ).toHaveLength(2);
  });

  it('a sentence-final "No." before a capital still ends the sentence', () => {
    expect(
      texts('Did prices rise 3 percent? No. The figure was 3.5 percent, officials said.', 'en'),
    ).toEqual(['Did prices rise 3 percent?', 'The figure was 3.5 percent, officials said.']);
  });

  it('never splits inside quotes opened mid-sentence (“ ” « » " ")', () => {
    expect(
      texts(
        'The minister said “We will not raise taxes. Not this year.” and then she left the room. Reporters followed.',
        'en',
      )[0],
    ).toBe(
      'The minister said “We will not raise taxes. Not this year.” and then she left the room.',
    );
    expect(
      texts(
        'He said "prices rose. Wages did not." before leaving the building. The rest is history.',
        'en',
      )[0],
    ).toBe('He said "prices rose. Wages did not." before leaving the building.');
    expect(
      texts(
        'Le ministre a déclaré « Nous ne céderons pas. Jamais. » devant les députés. La séance a été levée.',
        'fr',
      ),
    ).toEqual([
      'Le ministre a déclaré « Nous ne céderons pas. Jamais. » devant les députés.',
      'La séance a été levée.',
    ]);
    expect(
      texts(
        'وقال الوزير: «هذا رقم قياسي. غير مسبوق» أمام الصحفيين. ثم غادر القاعة بسرعة كبيرة.',
        'ar',
      ),
    ).toEqual([
      'وقال الوزير: «هذا رقم قياسي. غير مسبوق» أمام الصحفيين.',
      'ثم غادر القاعة بسرعة كبيرة.',
    ]);
  });

  it('an unclosed quote does not swallow the rest of the paragraph', () => {
    expect(
      texts('He called it “a scandal. Nobody will forget it. The vote was held on Monday.', 'en'),
    ).toHaveLength(3);
  });

  it('paragraph breaks are always boundaries, and headings, captions and bylines are dropped', () => {
    const text =
      'Budget Row Deepens\n\nThe council approved the budget on Monday after a long debate.\nPhoto: Reuters\nBy Jane Doe\nThe vote was 31 to 12 in favour of the plan';
    expect(texts(text, 'en')).toEqual([
      'The council approved the budget on Monday after a long debate.',
    ]);
    expect(
      texts(
        'First line without a stop but with many words in it so it is kept as a sentence\nSecond line.',
        'en',
      )[0],
    ).toBe('First line without a stop but with many words in it so it is kept as a sentence');
  });

  it('drops fragments with no verb-like content', () => {
    expect(
      texts('Photo: AFP. Monday, 12 March 2024. The army withdrew from the city on Monday.', 'en'),
    ).toEqual(['The army withdrew from the city on Monday.']);
    expect(
      texts('Crédit photo : AFP. Le gouvernement a annoncé un plan de relance.', 'fr'),
    ).toEqual(['Le gouvernement a annoncé un plan de relance.']);
    expect(texts('تصوير: رويترز. أعلنت الحكومة خطة جديدة للإسكان.', 'ar')).toEqual([
      'أعلنت الحكومة خطة جديدة للإسكان.',
    ]);
  });

  it('offsets point into the original text, through harakat, tatweel, invisibles and CRLF', () => {
    const input =
      '\u200Fقَالَ الوزيـــر إنّ النمو بلغ ٣٫٥٪ هذا العام.\r\n\r\n  The “record” was set in 2023, officials said on Monday.\u200B  ';
    const spans = segmentSentences(input, 'ar');
    expect(spans).toHaveLength(2);
    for (const s of spans) expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(spans[0]!.text.startsWith('قَالَ')).toBe(true);
  });
});
