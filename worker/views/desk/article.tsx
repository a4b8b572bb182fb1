import type { Child } from 'hono/jsx';
import type { Article, Claim } from '../models';
import { UserText } from '../shared/user-text';
import { StatusBadge } from './bits';
import { Csrf, DeskLayout, Notice, type DeskUi } from './layout';
import { explainEntry } from '../../i18n/s19-model';
import { claimTypeLabel } from '../../i18n/desk';
import { formatScore, localDigits as formatNumberText } from '../../i18n/numbers';
import { UndoNotice } from './undo-notice';
import { sliceText } from '../../lib/text';

/** The line after a triage action, with the moves its Undo names (`ID.version`). */
export interface ArticleUndo {
  text: string;
  moves: string[];
}

/**
 * The article body as text runs and <mark>s at the candidates' offsets (overlapping or
 * out-of-range offsets are skipped rather than guessed). Pure: exported for tests.
 */
export function highlightRuns(
  body: string,
  claims: Pick<Claim, 'id' | 'start' | 'end'>[],
): { text: string; claimId: string | null }[] {
  const spans = claims
    .filter(
      (c): c is typeof c & { start: number; end: number } =>
        c.start !== null &&
        c.end !== null &&
        c.start >= 0 &&
        c.end <= body.length &&
        c.start < c.end,
    )
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const runs: { text: string; claimId: string | null }[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    if (s.start > at) runs.push({ text: body.slice(at, s.start), claimId: null });
    runs.push({ text: body.slice(s.start, s.end), claimId: s.id });
    at = s.end;
  }
  if (at < body.length) runs.push({ text: body.slice(at), claimId: null });
  return runs;
}

function HighlightedBody(props: { ui: DeskUi; article: Article; claims: Claim[] }) {
  const byId = new Map(props.claims.map((c) => [c.id, c]));
  const out: Child[] = [];
  for (const run of highlightRuns(props.article.body, props.claims)) {
    const claim = run.claimId ? byId.get(run.claimId) : undefined;
    if (!claim) {
      out.push(run.text);
      continue;
    }
    out.push(
      <mark
        id={`m-${claim.id}`}
        class={`cand status-${claim.status}${claim.status === 'candidate' ? ` grade-${scoreGrade(claim.score)}` : ''}`}
        title={
          claim.score === null
            ? undefined
            : `${props.ui.t('score')} ${formatScore(claim.score, props.ui.locale)}`
        }
      >
        {run.text}
      </mark>,
      <a href={`#c-${claim.id}`} class="mark-meta" dir={props.ui.dir} lang={props.ui.locale}>
        {claim.score === null
          ? props.ui.t('open')
          : `${props.ui.t('score')} ${formatScore(claim.score, props.ui.locale)}${claim.claimType ? ` · ${claimTypeLabel(props.ui.t, claim.claimType)}` : ''}`}
      </a>,
    );
  }
  return (
    <div
      class="article-body"
      lang={props.article.language}
      dir={props.article.direction}
      aria-label={props.ui.t('articleBody')}
      role="region"
    >
      {out}
    </div>
  );
}

/** Four steps of highlight by score (1: below 0.4 … 4: 0.8 and above); 0 when unscored. */
export function scoreGrade(score: number | null): 0 | 1 | 2 | 3 | 4 {
  if (score === null) return 0;
  return score >= 0.8 ? 4 : score >= 0.6 ? 3 : score >= 0.4 ? 2 : 1;
}

/** The grades, strongest first, as the legend shows them (colour and words, never colour alone). */
function Legend(props: { ui: DeskUi }) {
  const { t } = props.ui;
  const steps = [
    { grade: 4, label: t('gradeHigh'), range: '0.80–1.00' },
    { grade: 3, label: t('gradeGood'), range: '0.60–0.79' },
    { grade: 2, label: t('gradeFair'), range: '0.40–0.59' },
    { grade: 1, label: t('gradeLow'), range: '0.00–0.39' },
  ];
  return (
    <div class="grade-legend">
      <p class="help">{t('gradeLegend')}</p>
      <ul>
        {steps.map((s) => (
          <li>
            <mark class={`cand grade-${s.grade}`}>{s.label}</mark>{' '}
            <span dir="ltr">{formatNumberText(s.range, props.ui.locale)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function CandidateItem(props: { ui: DeskUi; claim: Claim; position: number }) {
  const { ui, claim } = props;
  const { t } = ui;
  const open = claim.status === 'candidate';
  return (
    <li id={`c-${claim.id}`} class="candidate">
      <div class="cand-head">
        {open ? (
          <input
            type="checkbox"
            name="ids"
            value={claim.id}
            id={`sel-${claim.id}`}
            aria-label={t('selectClaim', { text: sliceText(claim.text, 60) })}
          />
        ) : null}
        <StatusBadge ui={ui} status={claim.status} />
        <span class="meta">
          <a href={`#m-${claim.id}`}>{t('positionInText', { n: props.position })}</a>
        </span>
        {claim.score !== null ? (
          <span class="meta">
            <span class={`grade-dot grade-${scoreGrade(claim.score)}`} aria-hidden="true"></span>
            {t('score')} <strong>{formatScore(claim.score, ui.locale)}</strong>
            {claim.claimType ? (
              <>
                {' · '}
                {t('type')} <strong>{claimTypeLabel(t, claim.claimType)}</strong>
              </>
            ) : null}
          </span>
        ) : null}
      </div>
      <UserText lang={claim.language} as="p" class="cand-text">
        <a href={`/desk/claims/${claim.id}`}>{claim.text}</a>
      </UserText>
      {claim.why.length > 0 ? (
        <p class="why">
          {t('why')}:{' '}
          {claim.why.map((w) => {
            const e = explainEntry(w, ui.locale);
            return e.term === null ? (
              <span class="feature" data-feature={w}>
                {e.label}
              </span>
            ) : (
              <span class="feature" data-feature="word" title={e.hint ?? undefined}>
                {e.label}: <UserText lang={claim.language} text={e.term} />
              </span>
            );
          })}
        </p>
      ) : null}
      {!open ? (
        <p class="cand-actions">
          <a href={`/desk/claims/${claim.id}`} class="button-link">
            {t('openClaim')}
          </a>
        </p>
      ) : null}
      {open ? (
        <div class="cand-actions">
          <button type="submit" name="one" value={`accept:${claim.id}`} class="primary">
            {t('accept')}
          </button>
          <button type="submit" name="one" value={`reject:${claim.id}`}>
            {t('reject')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** An ingested article with its candidates highlighted in place and a triage form beside it. */
export function ArticlePage(props: {
  ui: DeskUi;
  article: Article;
  claims: Claim[];
  /** How the candidates are listed: best score first, or in reading order. */
  order?: 'score' | 'doc';
  notice?: { kind: 'ok' | 'error'; text: string };
  undo?: ArticleUndo;
}) {
  const { ui, article, claims } = props;
  const { t } = ui;
  const title = article.title ?? t('untitled');
  const open = claims.some((c) => c.status === 'candidate');
  const order = props.order ?? 'score';
  const positions = new Map(
    [...claims].sort((a, b) => (a.start ?? 0) - (b.start ?? 0)).map((c, i) => [c.id, i + 1]),
  );
  return (
    <DeskLayout ui={ui} title={title} active="ingest">
      <h1>
        <UserText lang={article.language}>{title}</UserText>
      </h1>
      {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
      {props.undo ? (
        <UndoNotice
          ui={ui}
          text={props.undo.text}
          action={`/desk/articles/${article.id}/undo`}
          fields={props.undo.moves.map((value) => ({ name: 'moves', value }))}
        />
      ) : null}
      <p>
        <a href={`/desk?article=${article.id}`}>{t('seeInQueue')}</a>
      </p>
      <div class="article-layout">
        <HighlightedBody ui={ui} article={article} claims={claims} />
        <section aria-labelledby="cand-h" class="candidates">
          <h2 id="cand-h">{t('candidates')}</h2>
          {claims.length > 0 ? (
            <>
              <p class="order-switch">
                {order === 'score' ? (
                  <>
                    <strong>{t('orderByScore')}</strong> ·{' '}
                    <a href={`/desk/articles/${article.id}?order=doc`}>{t('orderInText')}</a>
                  </>
                ) : (
                  <>
                    <a href={`/desk/articles/${article.id}`}>{t('orderByScore')}</a> ·{' '}
                    <strong>{t('orderInText')}</strong>
                  </>
                )}
              </p>
              <Legend ui={ui} />
            </>
          ) : null}
          {claims.length === 0 ? (
            <p>{t('noCandidates')}</p>
          ) : (
            <form method="post" action={`/desk/articles/${article.id}/review`}>
              <Csrf ui={ui} />
              <p class="help">{t('candidatesHelp')}</p>
              {open ? (
                <div class="bulk-actions">
                  <button type="submit" name="bulk" value="accept" class="primary">
                    {t('acceptSelected')}
                  </button>
                  <button type="submit" name="bulk" value="reject">
                    {t('rejectSelected')}
                  </button>
                </div>
              ) : null}
              <ol class="cand-list">
                {claims.map((claim) => (
                  <CandidateItem ui={ui} claim={claim} position={positions.get(claim.id) ?? 0} />
                ))}
              </ol>
            </form>
          )}
        </section>
      </div>
    </DeskLayout>
  );
}
