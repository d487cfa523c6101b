// Small shared fixture: documents on distinct topics with distinct vocabulary.
import type { CorpusDocument } from '../src/index.ts';

export const DOCS: CorpusDocument[] = [
  { id: 11n, content: 'Worker bees build wax comb from glands under their abdomen and store nectar in hexagonal cells.' },
  { id: 4n, content: 'A sourdough starter ferments flour and water with wild yeast, and bakers feed it every morning.' },
  { id: 27n, content: 'Glaciers grind bedrock into fine flour that turns meltwater lakes a milky turquoise colour.' },
  { id: 8n, content: 'Bakers feed it every morning, then fold the dough four times before shaping the loaf.' },
  { id: 15n, content: 'Drones do not build wax comb; worker bees build wax comb and guard the entrance of the hive.' },
];

export const COPIED = 'As the notes say, worker bees build wax comb from glands under their abdomen and store nectar.';
export const UNRELATED = 'Quantum chromodynamics predicts asymptotic freedom at short distances.';
