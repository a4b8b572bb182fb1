/**
 * What the views are given: view models, not database rows. Views never import the SQL layer; a route passes
 * what it read (a d1 row with more fields is still assignable: TypeScript is structural), and each
 * type below lists only what some view reads, so a view's contract is visible in one place.
 */
import type { ClaimStatus } from '../lib/status';

export type Role = 'admin' | 'editor';

/** A rating of the active scale. */
export interface Rating {
  key: string;
  /** Position on the scale (higher = truer), or null for non-scale ratings such as "unproven". */
  value: number | null;
  color: string;
  position: number;
  labels: Record<string, string>;
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  active: boolean;
  createdAt: string;
}

/** An API token as the desk lists it (never its secret). */
export interface ApiToken {
  id: number;
  userId: number;
  ownerName: string;
  name: string;
  scope: 'read' | 'write' | 'admin';
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

export interface Claim {
  id: string;
  text: string;
  language: string;
  claimant: string | null;
  claimantType: 'person' | 'organization' | null;
  claimDate: string | null;
  appearances: string[];
  /** The editor-written short wording (ClaimReview claimReviewed), null until written. */
  claimReviewed: string | null;
  start: number | null;
  end: number | null;
  score: number | null;
  claimType: string | null;
  why: string[];
  status: ClaimStatus;
  duplicateOf: string | null;
  assigneeId: number | null;
  submissionCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface Source {
  id: number;
  claimId: string;
  url: string;
  title: string | null;
  publisher: string | null;
  excerpt: string | null;
  stance: 'supports' | 'refutes' | 'context';
  archivedUrl: string | null;
  /** On a published claim: added or withdrawn in its open correction draft. */
  draft?: 'add' | 'remove' | null;
  createdAt: string;
  updatedAt: string;
}

export interface Verdict {
  id: number;
  claimId: string;
  version: number;
  ratingKey: string;
  headline: string;
  explanation: string;
  language: string;
  correctionNote: string | null;
  authorName: string | null;
  createdAt: string;
  publishedAt: string | null;
}

interface AuditEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** A claim with everything its workspace shows. */
export interface ClaimDetail {
  claim: Claim;
  sources: Source[];
  /** Every verdict version, oldest first. */
  verdicts: Verdict[];
  /** The newest verdict version (draft or published), if any. */
  currentVerdict: Verdict | null;
  /** The newest verdict version readers can see, if any. */
  publishedVerdict: Verdict | null;
  audit: AuditEntry[];
}

export interface Article {
  id: string;
  url: string | null;
  title: string | null;
  publisher: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  publishedAt: string | null;
  body: string;
  createdAt: string;
}

/** The article a claim came from, as its workspace quotes it. */
export interface ArticleText {
  id: string;
  title: string | null;
  url: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  body: string;
}

/** An article in the queue's filter. */
export interface ArticleOption {
  id: string;
  title: string | null;
  language: string;
}

/** A similar claim, beside the one being edited. */
export interface ClaimMatch {
  id: string;
  text: string;
  status: string;
  language: string;
  /** 0..1; 1 for the same text up to harakat, digits, case and spacing. */
  similarity: number;
}

/** What readers said of a published verdict. */
export interface FeedbackSummary {
  helpful: number;
  notHelpful: number;
  /** The newest reasons readers gave (text as typed; render escaped). */
  recentReasons: { helpful: boolean; reason: string; createdAt: string }[];
}

interface QueueItem extends Claim {
  assigneeName: string | null;
  ratingKey: string | null;
  /** Calendar deadline (YYYY-MM-DD) or null. */
  dueDate: string | null;
}

/** One page of the claims queue. */
export interface QueuePage {
  items: QueueItem[];
  /** Keyset cursor of the next page (opaque to views). */
  nextCursor: string | null;
  /** Claims per status under the same filters (status itself ignored). */
  counts: Partial<Record<ClaimStatus, number>>;
  /** Claims a bulk action left alone (named in the notice). */
  described: { id: string; text: string; language: string; status: ClaimStatus }[];
}

/** A reader's submission as the desk sees it: never the contact address, only whether there is one. */
export interface ReaderSubmission {
  id: string;
  text: string;
  whereSeenUrl: string | null;
  whereSeenText: string | null;
  why: string | null;
  language: string;
  hasContact: boolean;
  createdAt: string;
}

/** A reader's submission, as its tracking page shows it. */
export interface TrackedSubmission {
  id: string;
  claimId: string;
  text: string;
  language: string;
  createdAt: string;
  hasContact: boolean;
  status: ClaimStatus;
  /** The claim readers can open for this submission, when published. */
  publishedClaimId: string | null;
}
