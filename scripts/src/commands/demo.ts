// `slmnet demo seed`: see ../demo/seed.ts.
import type { Command } from 'commander';
import { action, type CliState } from '../command.ts';

export function registerDemo(program: Command, st: CliState): void {
  const d = program.command('demo').description('demo data');
  d.command('seed')
    .description('fill a dev network with datanets, contributions, models, paid attributed inferences and nodes (idempotent; funds from //Alice)')
    .action(action(st, async (s) => {
      const { seed } = await import('../demo/seed.ts');
      const report = await seed(s);
      s.print(s.json ? report : `seeded in ${(report.ms / 1000).toFixed(1)} s: ${JSON.stringify(report.added)} added`);
    }));
}
