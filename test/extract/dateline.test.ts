import { describe, expect, it } from 'vitest';
import { stripDateline } from '../../worker/extract/dateline';

describe('stripDateline', () => {
  it.each([
    [
      'WASHINGTON (Reuters) — Unemployment fell to 3.9% in May.',
      'Unemployment fell to 3.9% in May.',
    ],
    ['(AFP) - Prices rose by 12% last year.', 'Prices rose by 12% last year.'],
    ['القاهرة (رويترز) - ارتفع التضخم إلى 30 في المئة.', 'ارتفع التضخم إلى 30 في المئة.'],
    ['PARIS, 3 mars (AFP) - Le chômage a baissé de 2 %.', 'Le chômage a baissé de 2 %.'],
    ['LONDON, March 3 (Reuters) -Inflation doubled.', 'Inflation doubled.'],
    ['NEW YORK (AP): The city added 10,000 jobs.', 'The city added 10,000 jobs.'],
  ])('cuts the dateline of %s', (input, expected) => {
    const out = stripDateline(input);
    expect(out.text).toBe(expected);
    expect(input.slice(out.cut)).toBe(expected);
  });

  it.each([
    'The minister (Labour) - said taxes would fall.',
    'Unemployment fell (Reuters reported) in May.',
    'He said (AFP) - nothing.',
    'Exports rose by 5% in 2024.',
    '(AFP) -',
  ])('leaves %s alone', (input) => {
    expect(stripDateline(input)).toEqual({ text: input, cut: 0 });
  });
});
