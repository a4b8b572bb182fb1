import type { Claim } from '../models';
import { LANGUAGE_NAMES, type DeskKey } from '../../i18n/desk';
import type { Language } from '../../lib/lang';
import { shown, UserText } from '../shared/user-text';
import { Csrf, DeskLayout, type DeskUi } from './layout';
import { ClaimFields, type ClaimValues } from './claim-fields';
import { wordDiff } from './word-diff';

export type { ClaimValues as ClaimFormValues };

const FIELDS: { key: keyof ClaimValues; label: DeskKey }[] = [
  { key: 'text', label: 'claimText' },
  { key: 'claimReviewed', label: 'claimReviewed' },
  { key: 'claimant', label: 'claimant' },
  { key: 'claimantType', label: 'claimantType' },
  { key: 'claimDate', label: 'claimDate' },
  { key: 'language', label: 'claimLanguage' },
];

function valuesOf(claim: Claim): ClaimValues {
  return {
    text: claim.text,
    claimant: claim.claimant ?? '',
    claimantType: claim.claimantType ?? '',
    claimDate: claim.claimDate?.slice(0, 10) ?? '',
    language: claim.language,
    claimReviewed: claim.claimReviewed ?? '',
  };
}

/**
 * Three-way merge proposal: a field the editor changed keeps the editor's value, a field only
 * the other person changed takes the stored value. Pure: exported for tests.
 */
export function mergeProposal(
  original: ClaimValues,
  mine: ClaimValues,
  theirs: ClaimValues,
): ClaimValues {
  const out = { ...theirs };
  for (const { key } of FIELDS) if (mine[key] !== original[key]) out[key] = mine[key];
  return out;
}

/** The stale-edit screen: the editor's version and the stored one side by side, and a merge form on the newer version. */
export function ConflictPage(props: {
  ui: DeskUi;
  current: Claim;
  mine: ClaimValues;
  original: ClaimValues;
  myVersion: number;
}) {
  const { ui, current, mine } = props;
  const { t } = ui;
  const theirs = valuesOf(current);
  const merged = mergeProposal(props.original, mine, theirs);
  return (
    <DeskLayout ui={ui} title={t('conflictTitle')} active="queue">
      <h1>{t('conflictTitle')}</h1>
      <p role="alert" class="notice notice-error">
        {t('conflictHelp', { mine: props.myVersion, theirs: current.version })}
      </p>
      <table class="conflict">
        <thead>
          <tr>
            <th scope="col">{t('field')}</th>
            <th scope="col">{t('yourEdit', { n: props.myVersion })}</th>
            <th scope="col">{t('currentVersion', { n: current.version })}</th>
          </tr>
        </thead>
        <tbody>
          {FIELDS.map(({ key, label }) => {
            const differs = mine[key] !== theirs[key];
            // The claim text is in the claim's language; other fields get their direction from their content.
            const show = (v: ClaimValues) =>
              key === 'claimantType' && v[key]
                ? t(v[key] as DeskKey)
                : key === 'language'
                  ? (LANGUAGE_NAMES[v[key] as Language] ?? v[key])
                  : v[key];
            const lang = (v: ClaimValues) =>
              key === 'text' || key === 'claimReviewed' ? v.language : null;
            return (
              <tr class={differs ? 'differs' : undefined}>
                <th scope="row">{t(label)}</th>
                <td>
                  <UserText lang={lang(mine)} class="mine">
                    {show(mine)}
                  </UserText>
                </td>
                <td>
                  {key === 'text' && differs ? (
                    <UserText lang={theirs.language} class="theirs">
                      {wordDiff(mine.text, theirs.text).map((p) =>
                        p.op === 'same' ? (
                          shown(p.text)
                        ) : p.op === 'add' ? (
                          <ins>{shown(p.text)}</ins>
                        ) : (
                          <del>{shown(p.text)}</del>
                        ),
                      )}
                    </UserText>
                  ) : (
                    <UserText lang={lang(theirs)} class="theirs">
                      {show(theirs)}
                    </UserText>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <section aria-labelledby="merge-h" class="panel">
        <h2 id="merge-h">{t('mergeTitle')}</h2>
        <form method="post" action={`/desk/claims/${current.id}/edit`} class="stack">
          <Csrf ui={ui} />
          <input type="hidden" name="version" value={String(current.version)} />
          <ClaimFields ui={ui} values={merged} original={theirs} idPrefix="m" />
          <button type="submit" class="primary">
            {t('save')}
          </button>
        </form>
        <p>
          <a href={`/desk/claims/${current.id}`}>{t('discardMine')}</a>
        </p>
      </section>
    </DeskLayout>
  );
}
