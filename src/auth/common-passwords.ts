import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The list of common passwords is data (common-passwords.txt, one per line, its source in its header), read once
// when this module loads. It sits beside the compiled module (nest build copies it there: nest-cli.json `assets`;
// so does the Docker image's dist/). Builds that only run tsc (test:faults, bench) and jest (ESM: no __dirname)
// run from the repository root and read the source file. A missing file stops the start, never disables the check.
const FILE = 'common-passwords.txt';
const candidates = [...(typeof __dirname === 'string' ? [join(__dirname, FILE)] : []), join(process.cwd(), 'src', 'auth', FILE)];

export const COMMON_PASSWORDS_TEXT = readFileSync(candidates.find((path) => existsSync(path)) ?? candidates[0], 'utf8')
  .split(/\r?\n/)
  .filter((line) => !line.startsWith('#'))
  .join('\n');
