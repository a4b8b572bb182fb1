import { describe, expect, it } from 'vitest';
import { call, unique } from '../helpers';
import { publishedClaim } from '../public/fixtures';
import { postForm, validFields } from '../public/submit-helpers';

/** A unique Arabic word (letters only: digits would be read as numbers). */
function arabicWord(): string {
  return unique('')
    .replace(/[^0-9]/g, '')
    .replace(/\d/g, (d) => 'بتثجحخدذرز'[Number(d)]!);
}

describe('a reader’s fragment of a published claim on /submit', () => {
  it('finds a published Arabic claim from a short word-for-word fragment (form without JavaScript and the JSON)', async () => {
    const place = `مدينة ${arabicWord()}`;
    const published = await publishedClaim({
      language: 'ar',
      text: `قال وزير المالية في مؤتمر صحفي إن الحكومة أنفقت ٢١٢ مليون دولار على دعم الخبز في ${place} خلال عام ٢٠٢٣ وإن الدعم سيستمر`,
    });
    const fragment = `أنفقت ٢١٢ مليون دولار على دعم الخبز في ${place}`;

    const res = await postForm('/submit/check?lang=ar', validFields({ text: fragment }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/claims/${published.id}`);

    const json = (await (
      await call(`/submit/matches?lang=ar&text=${encodeURIComponent(fragment)}`)
    ).json()) as { matches: { id: string }[] };
    expect(json.matches[0]?.id).toBe(published.id);
  });

  it('finds it when the reader writes the number another way (ASCII digits with separators)', async () => {
    const place = `مدينة ${arabicWord()}`;
    const published = await publishedClaim({
      language: 'ar',
      text: `أعلنت الوزارة أن ${place} استقبلت ١٧ مليون سائح في عام ٢٠٢٣`,
    });
    const json = (await (
      await call(`/submit/matches?text=${encodeURIComponent(`${place} استقبلت 17,000,000 سائح`)}`)
    ).json()) as { matches: { id: string }[] };
    expect(json.matches.map((m) => m.id)).toContain(published.id);
  });

  it('does not offer a published claim about the same thing in another year', async () => {
    const place = `مدينة ${arabicWord()}`;
    const published = await publishedClaim({
      language: 'ar',
      text: `أنفقت الحكومة ٢١٢ مليون دولار على دعم الخبز في ${place} في عام ٢٠٢٣`,
    });
    const json = (await (
      await call(
        `/submit/matches?text=${encodeURIComponent(`أنفقت الحكومة ٢١٢ مليون دولار على دعم الخبز في ${place} في عام ٢٠١٨`)}`,
      )
    ).json()) as { matches: { id: string }[] };
    expect(json.matches.map((m) => m.id)).not.toContain(published.id);
  });
});
