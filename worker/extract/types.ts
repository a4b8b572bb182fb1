/** The kinds of claim the extractor tells apart (stored in claims.claim_type). */
export type ClaimType =
  'quantity' | 'comparison' | 'causal' | 'prediction' | 'attributed' | 'event' | 'other';

export interface Candidate {
  text: string;
  start: number;
  end: number;
  score: number;
  type: ClaimType;
  speaker: string | null;
  why: string[];
}
