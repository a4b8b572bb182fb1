/**
 * Desk admin: ClaimReview import (/desk/import): the source form, the preview (their labels →
 * our ratings, each review with its matched claim), the committed summary. Plain forms with CSRF,
 * no script; everything from the other publisher is bidi-isolated.
 */
import type { ImportTranslate } from '../../i18n/s19-import';
import { UserText } from '../shared/user-text';
import { Time } from './bits';
import { Csrf, DeskLayout, Notice, type DeskUi } from './layout';
import { sliceText } from '../../lib/text';

/** View models (d1/external-reviews.ts rows are assignable to them). */
export interface ImportSummary {
  id: string;
  sourceUrl: string | null;
  itemCount: number;
  status: string;
  createdAt: string;
}
export interface ImportView {
  id: string;
  sourceUrl: string | null;
  status: 'preview' | 'committed';
  importedCount: number | null;
  labels: { publisherName: string; label: string; proposed: string | null; confirmed: boolean }[];
  items: {
    reviewUrl: string;
    publisher: { name: string };
    claimText: string;
    claimDate: string | null;
    datePublished: string | null;
    rating: { label: string };
    language: string | null;
    label: number;
    matches: { id: string; text: string; similarity: number }[];
    proposedClaimId: string | null;
    duplicate: boolean;
  }[];
  problems: { index: number; url: string | null; message: string }[];
}
export interface RatingOption {
  key: string;
  label: string;
}

type NoticeProp = { kind: 'ok' | 'error'; text: string } | undefined;

function Url(props: { url: string }) {
  return (
    <bdi dir="ltr" class="url">
      {props.url}
    </bdi>
  );
}

export function ImportStartPage(props: {
  ui: DeskUi;
  m: ImportTranslate;
  recent: ImportSummary[];
  notice?: NoticeProp;
  values?: { url?: string; document?: string };
  errors?: string[];
}) {
  const { ui, m } = props;
  const bad = (f: string) => (props.errors?.includes(f) ? 'true' : undefined);
  return (
    <DeskLayout ui={ui} title={m('importTitle')} active="import">
      <h1>{m('importTitle')}</h1>
      <p class="help">{m('importHelp')}</p>
      {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
      <section class="panel narrow" aria-labelledby="import-h">
        <h2 id="import-h">{m('previewButton')}</h2>
        <form method="post" action="/desk/import" class="stack">
          <Csrf ui={ui} />
          <label for="import-url">{m('fromUrl')}</label>
          <input
            id="import-url"
            name="url"
            type="url"
            dir="ltr"
            placeholder="https://"
            value={props.values?.url ?? ''}
            aria-invalid={bad('url')}
          />
          <label for="import-document">{m('orDocument')}</label>
          <textarea
            id="import-document"
            name="document"
            dir="ltr"
            rows={8}
            spellcheck={false}
            aria-invalid={bad('document')}
          >
            {props.values?.document ?? ''}
          </textarea>
          <button type="submit">{m('previewButton')}</button>
        </form>
      </section>
      <section class="panel" aria-labelledby="recent-h">
        <h2 id="recent-h">{m('recent')}</h2>
        {props.recent.length === 0 ? <p>{m('noImports')}</p> : null}
        <ul>
          {props.recent.map((r) => (
            <li>
              <a href={`/desk/import/${r.id}`}>
                {r.sourceUrl ? <Url url={r.sourceUrl} /> : <code dir="ltr">{r.id}</code>}
              </a>{' '}
              <small>
                ({r.itemCount} ·{' '}
                {m(r.status === 'committed' ? 'status_committed' : 'status_preview')} ·{' '}
                <Time iso={r.createdAt} />)
              </small>
            </li>
          ))}
        </ul>
      </section>
    </DeskLayout>
  );
}

export function ImportPreviewPage(props: {
  ui: DeskUi;
  m: ImportTranslate;
  imp: ImportView;
  ratings: RatingOption[];
  notice?: NoticeProp;
  /** What the admin chose last time (a refused commit), else the proposals. */
  chosen?: { map: string[]; claim: string[]; include: Set<number> };
  /** Per item index: the error that blocks it. */
  itemErrors?: Map<number, string>;
}) {
  const { ui, m, imp } = props;
  const committed = imp.status === 'committed';
  const mapOf = (i: number) => props.chosen?.map[i] ?? imp.labels[i]?.proposed ?? '';
  const claimOf = (i: number) => props.chosen?.claim[i] ?? imp.items[i]?.proposedClaimId ?? 'none';
  const included = (i: number) => (props.chosen ? props.chosen.include.has(i) : true);
  return (
    <DeskLayout ui={ui} title={m(committed ? 'committedTitle' : 'previewTitle')} active="import">
      <h1>{m(committed ? 'committedTitle' : 'previewTitle')}</h1>
      {imp.sourceUrl ? (
        <p>
          <Url url={imp.sourceUrl} />
        </p>
      ) : null}
      {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
      <form method="post" action={`/desk/import/${imp.id}/commit`} class="stack">
        <Csrf ui={ui} />
        <section class="panel" aria-labelledby="map-h">
          <h2 id="map-h">{m('mappingsTitle')}</h2>
          <p class="help">{m('mappingsHelp')}</p>
          <table class="import-map">
            <thead>
              <tr>
                <th scope="col">{m('publisher')}</th>
                <th scope="col">{m('theirLabel')}</th>
                <th scope="col">{m('ourRating')}</th>
              </tr>
            </thead>
            <tbody>
              {imp.labels.map((l, i) => (
                <tr>
                  <td>
                    <UserText text={l.publisherName} />
                  </td>
                  <td>
                    <label for={`map-${i}`}>
                      <UserText text={l.label} />
                    </label>
                    {l.confirmed ? <small> ({m('confirmedBefore')})</small> : null}
                  </td>
                  <td>
                    <select id={`map-${i}`} name="map" disabled={committed}>
                      <option value="" selected={mapOf(i) === ''}>
                        {m('chooseRating')}
                      </option>
                      {props.ratings.map((r) => (
                        <option value={r.key} selected={mapOf(i) === r.key}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="items-h">
          <h2 id="items-h">{m('itemsTitle', { n: imp.items.length })}</h2>
          <ol class="import-items">
            {imp.items.map((item, i) => {
              const error = props.itemErrors?.get(i);
              return (
                <li class="panel" aria-invalid={error ? 'true' : undefined}>
                  {error ? (
                    <p class="notice notice-error" role="alert">
                      {error}
                    </p>
                  ) : null}
                  <p>
                    <UserText as="span" lang={item.language} text={item.claimText} />
                  </p>
                  <dl class="facts">
                    <dt>{m('publisher')}</dt>
                    <dd>
                      <UserText text={item.publisher.name} /> · <Url url={item.reviewUrl} />
                    </dd>
                    <dt>{m('theirLabel')}</dt>
                    <dd>
                      <UserText lang={item.language} text={item.rating.label} />
                    </dd>
                    {item.datePublished ? (
                      <>
                        <dt>{m('published')}</dt>
                        <dd>
                          <bdi dir="ltr">{item.datePublished}</bdi>
                        </dd>
                      </>
                    ) : null}
                    {item.claimDate ? (
                      <>
                        <dt>{m('claimDate')}</dt>
                        <dd>
                          <bdi dir="ltr">{item.claimDate}</bdi>
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  {item.duplicate ? <p class="help">{m('duplicate')}</p> : null}
                  <label>
                    <input
                      type="checkbox"
                      name="include"
                      value={String(i)}
                      checked={included(i)}
                      disabled={committed}
                    />{' '}
                    {m('include')}
                  </label>
                  <label for={`claim-${i}`}>{m('matchedClaim')}</label>
                  <select id={`claim-${i}`} name="claim" disabled={committed}>
                    <option value="none" selected={claimOf(i) === 'none'}>
                      {m('noMatch')}
                    </option>
                    {item.matches.map((c) => (
                      <option value={c.id} selected={claimOf(i) === c.id}>
                        {`${Math.round(c.similarity * 100)}% · ${sliceText(c.text, 90)}`}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ol>
        </section>
        {imp.problems.length ? (
          <section class="panel" aria-labelledby="problems-h">
            <h2 id="problems-h">{m('problemsTitle')}</h2>
            <ul>
              {imp.problems.map((p) => (
                <li>
                  {p.url ? <Url url={p.url} /> : `#${p.index + 1}`}: {p.message}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {committed ? null : <button type="submit">{m('commitButton')}</button>}
      </form>
    </DeskLayout>
  );
}
