// `npm run lint:deps`: dependency-cruiser with .dependency-cruiser.cjs (folder boundaries, no folder or module
// cycles), plus the ratchet on the known folder cycles: an edge listed in .dependency-cruiser-known-folder-cycles.json
// that is no longer on a cycle fails too, so that it is deleted and the cycle cannot come back unnoticed.
// (`npx depcruise src --config .dependency-cruiser.cjs` runs the same rules without the ratchet.)
import { readFileSync } from 'node:fs';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const { output } = await cruise(['src'], options, {}, { tsConfig: extractTSConfig(options.tsConfig.fileName) });
const { violations, totalCruised, totalDependenciesCruised } = output.summary;

const problems = violations.map(
  (v) => `${v.rule.severity} ${v.rule.name}: ${[v.from, ...(v.cycle ? v.cycle.map((c) => c.name) : [v.to])].join(' → ')}`,
);

const known = JSON.parse(readFileSync('.dependency-cruiser-known-folder-cycles.json', 'utf8')).edges;
const folders = new Map((output.folders ?? []).map((f) => [f.name, f]));
for (const [from, tos] of Object.entries(known)) {
  for (const to of tos) {
    const onCycle = folders.get(`src/${from}`)?.dependencies.some((d) => d.name === `src/${to}` && d.circular);
    if (!onCycle)
      problems.push(
        `error known-folder-cycle-gone: src/${from} → src/${to} is no longer on a cycle; delete it from .dependency-cruiser-known-folder-cycles.json`,
      );
  }
}

const errors = problems.filter((p) => !p.startsWith('warn') && !p.startsWith('info'));
for (const p of problems) console.log(`  ${p}`);
console.log(
  `${errors.length ? 'x' : '✔'} import boundaries: ${errors.length} error(s) (${totalCruised} modules, ${totalDependenciesCruised} dependencies cruised)`,
);
process.exit(errors.length ? 1 : 0);
