/** "My work": what is assigned to me, due soon, mentions of me, new reader submissions. */
import { collabTranslator } from '../../i18n/desk-collab';
import type { ClaimStatus } from '../../lib/status';
import { UserText } from '../shared/user-text';
import { StatusBadge } from './bits';
import { DeskLayout, type DeskUi } from './layout';
import { RelDate, RelTime } from './rel-time';
import { deskCounts } from '../../i18n/s19-desk';
import { truncateText } from '../../lib/text';

export interface InboxClaimView {
  id: string;
  text: string;
  language: string;
  status: ClaimStatus;
  dueDate: string | null;
  submissionCount: number;
  createdAt: string;
}

export interface InboxMentionView {
  noteId: string;
  claimText: string;
  claimLanguage: string;
  authorName: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

interface Section<T> {
  items: T[];
  more: boolean;
}

export interface InboxView {
  assigned: Section<InboxClaimView>;
  due: Section<InboxClaimView>;
  mentions: Section<InboxMentionView>;
  submissions: Section<InboxClaimView>;
  /** The queue (or inbox) URLs with the matching filter, where one exists. */
  links: { assigned: string; submissions: string; mentions: string | null };
  today: string;
  now: Date;
}

/** The link to the whole list: always for queue filters, for mentions only when some are left out. */
function SeeAll(props: { ui: DeskUi; href: string | null; more: boolean; id: string }) {
  if (!props.href || (props.href.startsWith('/desk/inbox') && !props.more)) return null;
  return (
    <p class="see-all">
      <a href={props.href} aria-describedby={props.id}>
        {collabTranslator(props.ui.locale)('seeAll')}
      </a>
    </p>
  );
}

function ClaimRows(props: {
  ui: DeskUi;
  items: InboxClaimView[];
  view: InboxView;
  demand?: boolean;
}) {
  const { ui, view } = props;
  const c = collabTranslator(ui.locale);
  if (props.items.length === 0) return <p class="help">{c('inboxEmpty')}</p>;
  return (
    <ul class="inbox-list">
      {props.items.map((i) => (
        <li>
          <a href={`/desk/claims/${i.id}`} class="claim-link">
            <UserText lang={i.language}>{truncateText(i.text, 158)}</UserText>
          </a>
          <p class="meta">
            <StatusBadge ui={ui} status={i.status} />
            {i.dueDate ? (
              <>
                {' · '}
                <span class={i.dueDate < view.today ? 'overdue' : undefined}>
                  {i.dueDate < view.today ? `${c('overdue')}: ` : ''}
                  <RelDate date={i.dueDate} today={view.today} locale={ui.locale} />
                </span>
              </>
            ) : null}
            {props.demand ? (
              <>
                {' · '}
                {deskCounts(ui.locale).count('readerRequests', i.submissionCount)}
                {' · '}
                <RelTime iso={i.createdAt} now={view.now} locale={ui.locale} />
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function InboxPage(props: { ui: DeskUi; view: InboxView }) {
  const { ui, view } = props;
  const c = collabTranslator(ui.locale);
  return (
    <DeskLayout ui={ui} title={c('inboxTitle')} active="inbox">
      <h1>{c('inboxTitle')}</h1>
      <div class="inbox">
        <section class="panel" aria-labelledby="in-assigned-h">
          <h2 id="in-assigned-h">{c('inboxAssigned')}</h2>
          <ClaimRows ui={ui} items={view.assigned.items} view={view} />
          <SeeAll ui={ui} href={view.links.assigned} more={view.assigned.more} id="in-assigned-h" />
        </section>
        <section class="panel" aria-labelledby="in-due-h">
          <h2 id="in-due-h">{c('inboxDue')}</h2>
          <p class="help">{c('inboxDueHelp')}</p>
          <ClaimRows ui={ui} items={view.due.items} view={view} />
        </section>
        <section class="panel" aria-labelledby="in-mentions-h">
          <h2 id="in-mentions-h">{c('inboxMentions')}</h2>
          {view.mentions.items.length === 0 ? <p class="help">{c('inboxEmpty')}</p> : null}
          <ul class="inbox-list mentions">
            {view.mentions.items.map((m) => (
              <li class={m.readAt ? undefined : 'unread'}>
                <a href={`/desk/inbox/mentions/${m.noteId}`} class="claim-link">
                  {m.readAt ? null : <strong class="unread-mark">{c('unread')}: </strong>}
                  <UserText lang={m.claimLanguage}>{truncateText(m.claimText, 118)}</UserText>
                </a>
                <p class="meta">
                  {c('mentionedBy', { name: '\u2068' + m.authorName + '\u2069' })} ·{' '}
                  <RelTime iso={m.createdAt} now={view.now} locale={ui.locale} />
                </p>
                <UserText as="p" class="note-body">
                  {truncateText(m.body, 198)}
                </UserText>
              </li>
            ))}
          </ul>
          <SeeAll ui={ui} href={view.links.mentions} more={view.mentions.more} id="in-mentions-h" />
        </section>
        <section class="panel" aria-labelledby="in-subs-h">
          <h2 id="in-subs-h">{c('inboxSubmissions')}</h2>
          <ClaimRows ui={ui} items={view.submissions.items} view={view} demand />
          <SeeAll
            ui={ui}
            href={view.links.submissions}
            more={view.submissions.more}
            id="in-subs-h"
          />
        </section>
      </div>
    </DeskLayout>
  );
}
