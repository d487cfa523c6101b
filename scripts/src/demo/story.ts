// The demo story: who owns, contributes, builds, consumes and runs what. Content is in ../../demo/content.
import type { DataKind, NodeKind } from '@slmnet/client';
import { UNIT } from '@slmnet/client';

export interface DatanetPlan {
  key: string;
  /** Directory under the content root; files sorted by name are the documents. */
  dir: string;
  name: string;
  kind: DataKind;
  license: string;
  tags: string[];
  description: string;
  mime: string;
  deposit: bigint;
  /** Reason codes of the documents the curator rejects (by file name without extension). */
  rejects: Record<string, number>;
}

/** Reason codes used by the demo curators. */
export const REASONS = { spam: 1, unsafe: 2, lowQuality: 3 } as const;

export const DATANETS: DatanetPlan[] = [
  {
    key: 'medical', dir: 'medical-qa', name: 'Medical Q&A', kind: 'Text', license: 'CC0-1.0', tags: ['medical', 'qa', 'health'],
    description: 'Short general-health questions and answers (educational, not medical advice).', mime: 'text/plain', deposit: UNIT,
    rejects: { '90-spam-pills': REASONS.spam, '91-unsafe-advice': REASONS.unsafe },
  },
  {
    key: 'rust', dir: 'rust-snippets', name: 'Rust snippets', kind: 'Code', license: 'CC0-1.0', tags: ['rust', 'code', 'examples'],
    description: 'Small self-contained Rust programs, one idea each.', mime: 'text/x-rust', deposit: UNIT / 2n,
    rejects: { '90-not-rust': REASONS.lowQuality, '91-broken': REASONS.lowQuality },
  },
  {
    key: 'welsh', dir: 'welsh-phrasebook', name: 'Welsh phrasebook', kind: 'Text', license: 'CC0-1.0', tags: ['welsh', 'cymraeg', 'phrasebook', 'minority-language'],
    description: 'A Welsh (Cymraeg) - English phrasebook for travellers and learners.', mime: 'text/plain', deposit: UNIT / 2n,
    rejects: { '90-gibberish': REASONS.spam },
  },
];

export const CONTRIBUTORS = 24;
export const CONSUMERS = 6;

export interface ModelPlan {
  name: string;
  developer: string;
  datanets: string[];
  baseFee: bigint;
  perTokenFee: bigint;
  split: { developerPpm: number; contributorsPpm: number; protocolPpm: number };
  description: string;
  prompts: string[];
}

export const MAX_TOKENS = 48;

export const MODELS: ModelPlan[] = [
  {
    name: 'medqa-gram', developer: 'medqa', datanets: ['medical'], baseFee: UNIT / 2n, perTokenFee: UNIT / 100n,
    split: { developerPpm: 500_000, contributorsPpm: 400_000, protocolPpm: 100_000 }, description: 'infini-gram over the Medical Q&A datanet',
    prompts: ['Q: What is hypertension?', 'Q: How long should hands be washed?', 'What are the signs of dehydration?', 'Q: What'],
  },
  {
    name: 'rust-gram', developer: 'rustacean', datanets: ['rust'], baseFee: UNIT / 4n, perTokenFee: UNIT / 200n,
    split: { developerPpm: 400_000, contributorsPpm: 500_000, protocolPpm: 100_000 }, description: 'infini-gram code completion over Rust snippets',
    prompts: ['fn main() {', 'use std::collections::HashMap;', 'impl'],
  },
  {
    name: 'cymraeg-gram', developer: 'cymraeg', datanets: ['welsh'], baseFee: UNIT / 4n, perTokenFee: UNIT / 200n,
    split: { developerPpm: 300_000, contributorsPpm: 600_000, protocolPpm: 100_000 }, description: 'infini-gram Welsh phrasebook assistant',
    prompts: ['Bore da', "Mae hi'n", 'Ble mae'],
  },
  {
    name: 'generalist-gram', developer: 'medqa', datanets: ['medical', 'rust', 'welsh'], baseFee: UNIT, perTokenFee: UNIT / 100n,
    split: { developerPpm: 450_000, contributorsPpm: 450_000, protocolPpm: 100_000 }, description: 'infini-gram over all three demo datanets',
    prompts: ['Q: What is', 'let mut', 'Diolch'],
  },
];

export interface NodePlan { operator: number; kind: NodeKind }
export const NODES: NodePlan[] = [
  { operator: 0, kind: 'Storage' }, { operator: 1, kind: 'Compute' }, { operator: 2, kind: 'Storage' }, { operator: 3, kind: 'Compute' }, { operator: 0, kind: 'Compute' },
];
export const NODE_OPERATORS = 4;

/** Free balance each account gets from the funder (topped up only when below half of it). */
export const FUNDING = {
  curator: 20n * UNIT, contributor: 10n * UNIT, developer: 20n * UNIT, operator: 20n * UNIT,
  consumer: 100n * UNIT, nodeOperator: 500n * UNIT, attestor: 100n * UNIT,
};
/** The bonded demo attestor's bond (with //Alice, a validator, it makes a 2-of-2 attestor quorum on a dev chain). */
export const ATTESTOR_BOND = 10n * UNIT;
