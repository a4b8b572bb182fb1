import { extractClaims } from '../worker/extract/index';
import { hashPassword, sha256Hex } from '../worker/lib/crypto';
import type { ClaimantType, Stance } from '../worker/lib/enums';
import { newId } from '../worker/lib/ids';
import type { Actor } from './audit';
import { addSource } from './sources';
import { createClaim, getClaim, transitionClaim } from './claims';
import { DEMO_ARTICLES, DEMO_EXPLANATIONS } from './demo-content';
import { countUsers, createUser } from './users';
import { appendVerdict } from './verdicts';
import { getClaimDetail } from './claim-detail';
import { publicSnapshot, publishClaim, publishDraft, startDraft } from './corrections';

export const DEMO_ADMIN = {
  email: 'admin@claimdesk.local',
  password: 'claimdesk-demo',
  name: 'Demo Admin',
};
export const DEMO_EDITOR = {
  email: 'editor@claimdesk.local',
  password: 'claimdesk-demo',
  name: 'محررة تجريبية',
};

/**
 * Fill an EMPTY database with demo accounts and content: three articles (ar, en, fr), claims in
 * several statuses, sources and published verdicts. Local development only — never run against
 * a deployed database. Returns false (and changes nothing) when users already exist.
 */
export async function seedDemo(db: D1Database): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const system: Actor = { userId: null, requestId: 'seed' };
  const admin = await createUser(
    db,
    {
      ...DEMO_ADMIN,
      role: 'admin',
      locale: 'en',
      password: await hashPassword(DEMO_ADMIN.password),
    },
    system,
  );
  const editor = await createUser(
    db,
    {
      ...DEMO_EDITOR,
      role: 'editor',
      locale: 'ar',
      password: await hashPassword(DEMO_EDITOR.password),
    },
    system,
  );
  if (!admin || !editor) throw new Error('demo users could not be created');
  const actor: Actor = { userId: admin.id, requestId: 'seed' };

  const articleIds: string[] = [];
  for (const a of DEMO_ARTICLES) {
    const id = newId();
    articleIds.push(id);
    await db
      .prepare(
        `INSERT INTO articles (id, url, title, publisher, language, direction, published_at, body, body_hash, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`,
      )
      .bind(
        id,
        a.url,
        a.title,
        a.publisher,
        a.language,
        a.language === 'ar' ? 'rtl' : 'ltr',
        a.publishedAt,
        a.body,
        await sha256Hex(a.body),
        admin.id,
        new Date().toISOString(),
      )
      .run();
  }

  // Claims taken from the articles by their own sentences (offsets point into the body).
  const fromArticle = async (
    index: number,
    sentenceStart: string,
    status: 'candidate' | 'queued',
    extra: {
      claimant?: string;
      claimantType?: ClaimantType;
      claimDate?: string;
      claimReviewed?: string;
    } = {},
  ) => {
    const article = DEMO_ARTICLES[index]!;
    const start = article.body.indexOf(sentenceStart);
    const end =
      article.body.indexOf('\n\n', start) === -1
        ? article.body.length
        : article.body.indexOf('\n\n', start);
    return createClaim(
      db,
      {
        text: article.body.slice(start, end),
        language: article.language,
        status,
        articleId: articleIds[index],
        start,
        end,
        appearances: [article.url],
        claimDate: extra.claimDate ?? article.publishedAt.slice(0, 10),
        ...extra,
      },
      actor,
    );
  };
  const publish = async (
    id: string,
    verdict: { ratingKey: string; headline: string; explanation: string; language: string },
    src: { url: string; title: string; stance: Stance },
  ) => {
    let claim = (await getClaim(db, id))!;
    await addSource(db, id, { ...src, publisher: null, excerpt: null, archivedUrl: null }, actor);
    const r1 = await transitionClaim(db, claim, 'in_review', {}, actor);
    if (!r1.ok) throw new Error('seed transition failed');
    claim = r1.claim;
    const v = await appendVerdict(db, id, { ...verdict, correctionNote: null }, actor);
    const sources = (await getClaimDetail(db, id))!.sources;
    const r2 = await publishClaim(
      db,
      claim,
      claim.version,
      {
        kind: 'publication',
        note: null,
        snapshot: publicSnapshot(claim, sources, v),
        verdictId: v.id,
        editorId: null,
        approverId: null,
      },
      actor,
    );
    if (!r2.ok) throw new Error('seed publish failed');
    return r2.claim;
  };

  const dams = await fromArticle(0, 'عمّان – أعلنت', 'queued', {
    claimant: 'وزارة المياه',
    claimantType: 'organization',
    claimReviewed: 'مخزون السدود انخفض إلى ٣٤٪، أدنى مستوى منذ ٢٠١٤',
  });
  await publish(
    dams.id,
    {
      ratingKey: 'mostly-true',
      headline: 'المخزون ٣٤٪ فعلًا، لكنه ليس الأدنى منذ ٢٠١٤',
      explanation: DEMO_EXPLANATIONS.dams,
      language: 'ar',
    },
    {
      url: 'https://data.example.org/water/dams-weekly',
      title: 'النشرة الأسبوعية لمخزون السدود',
      stance: 'supports',
    },
  );
  await fromArticle(0, 'وبحسب تقرير البنك الدولي', 'queued', {
    claimant: 'البنك الدولي',
    claimantType: 'organization',
    claimReviewed: 'الفرد يحصل على أقل من ١٠٠ متر مكعب من المياه سنويًا',
  });
  await fromArticle(0, 'ومن المتوقع', 'candidate', {
    claimReviewed: 'مشروع تحلية بكلفة ١٫٨ مليار دولار يبدأ العام المقبل',
  });

  const ridership = await fromArticle(1, 'The city transport authority', 'queued', {
    claimant: 'City transport authority',
    claimantType: 'organization',
    claimReviewed: 'Bus ridership rose 18% to a record 212 million trips',
  });
  const published = await publish(
    ridership.id,
    {
      ratingKey: 'false',
      headline: 'Ridership rose, but 212 million trips is not a record',
      explanation: DEMO_EXPLANATIONS.ridership,
      language: 'en',
    },
    {
      url: 'https://data.example.org/transport/annual-2019',
      title: 'Transport authority annual report 2019',
      stance: 'refutes',
    },
  );
  // A public correction: a draft beside the published claim, a new verdict, a public note.
  const drafted = await startDraft(db, published, actor);
  if (!drafted.ok) throw new Error('seed draft failed');
  const corrected = await appendVerdict(
    db,
    published.id,
    {
      ratingKey: 'mostly-false',
      headline: 'Ridership rose 18%, but 212 million trips is not a record',
      explanation: DEMO_EXPLANATIONS.ridershipCorrected,
      language: 'en',
      correctionNote: null,
    },
    actor,
  );
  const correctedSources = (await getClaimDetail(db, published.id))!.sources;
  const r3 = await publishDraft(
    db,
    drafted.claim,
    drafted.claim.version,
    {
      kind: 'correction',
      note: 'The first version wrongly said ridership had not risen.',
      snapshot: publicSnapshot(drafted.claim, correctedSources, corrected),
      verdictId: corrected.id,
      editorId: null,
      approverId: null,
    },
    actor,
  );
  if (!r3.ok) throw new Error('seed correction failed');
  const mayor = await fromArticle(1, 'Mayor Dana Whitfield', 'queued', {
    claimant: 'Dana Whitfield',
    claimantType: 'person',
    claimReviewed: 'The January bus fare cut paid for itself within six months',
  });
  await transitionClaim(db, mayor, 'in_review', {}, actor);
  await fromArticle(1, 'Commuters at the central', 'candidate', {
    claimReviewed: 'Buses are crowded but more reliable',
  });

  const jobs = await fromArticle(2, 'Le taux de chômage', 'queued', {
    claimant: 'Ministère du Travail',
    claimantType: 'organization',
    claimReviewed: 'Le chômage des 15-24 ans est à 16,2 %, au plus bas depuis 2016',
  });
  await publish(
    jobs.id,
    {
      ratingKey: 'true',
      headline: 'Le chômage des 15-24 ans est bien à 16,2 %, au plus bas depuis 2016',
      explanation: DEMO_EXPLANATIONS.jobs,
      language: 'fr',
    },
    {
      url: 'https://data.example.org/fr/emploi-t3',
      title: 'Enquête emploi, troisième trimestre',
      stance: 'supports',
    },
  );
  await fromArticle(2, 'Selon la ministre', 'queued', {
    claimant: 'Claire Duval',
    claimantType: 'person',
    claimReviewed: "Plus de 40 000 contrats d'apprentissage signés depuis janvier",
  });
  // The rest of each article's sentences as the extractor ranks them: candidates with score and reasons.
  for (const [index, article] of DEMO_ARTICLES.entries()) {
    const taken = await db
      .prepare('SELECT start_offset FROM claims WHERE article_id = ?1')
      .bind(articleIds[index])
      .all<{ start_offset: number }>();
    const used = new Set(taken.results.map((r) => r.start_offset));
    for (const c of extractClaims(article.body, { language: article.language }).candidates) {
      if (used.has(c.start)) {
        await db
          .prepare(
            'UPDATE claims SET score = ?2, claim_type = ?3, speaker = ?4, why = ?5 WHERE article_id = ?1 AND start_offset = ?6',
          )
          .bind(articleIds[index], c.score, c.type, c.speaker, JSON.stringify(c.why), c.start)
          .run();
        continue;
      }
      await createClaim(
        db,
        {
          text: c.text,
          language: article.language,
          status: 'candidate',
          articleId: articleIds[index],
          start: c.start,
          end: c.end,
          score: c.score,
          claimType: c.type,
          speaker: c.speaker,
          why: c.why,
        },
        actor,
      );
    }
  }
  await createClaim(
    db,
    {
      text: 'يقال إن أسعار الخبز ستتضاعف الشهر المقبل',
      language: 'ar',
      status: 'submitted',
      submissionCount: 3,
      claimReviewed: 'أسعار الخبز ستتضاعف الشهر المقبل',
    },
    { userId: null, requestId: 'seed' },
  );
  return true;
}
