// Compiles verksam's TypeScript (src/, templates/) to JavaScript in lib/, so the command starts
// without a TypeScript loader. Each file is translated on its own by esbuild, the compiler tsx
// runs from the sources, so both ways run the same code; lib/src/ and lib/templates/ mirror
// the sources, files that are not TypeScript are copied. lib/ is replaced whole, and records
// the digest of the sources it was made from (bin/compiled.js): bin/verksam.js uses it only
// while that still matches. Does nothing when lib/ is current.
//
//   node scripts/compile.js          (npm run compile; also run by npm ci, npm pack and the tests)
import { transform } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledState, digestFile, sourceFolders, sourcesDigest } from '../bin/compiled.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const lib = join(root, 'lib');

if (compiledState(root) !== 'current') await compile();

async function compile() {
  const digest = sourcesDigest(root);
  const next = join(root, `.lib-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  const failures = [];
  const jobs = [];
  for (const folder of sourceFolders) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath, entry.name);
      const name = relative(root, file);
      const typescript = /\.tsx?$/.test(name) && !name.endsWith('.d.ts');
      const target = join(next, typescript ? name.replace(/\.tsx?$/, '.js') : name);
      mkdirSync(dirname(target), { recursive: true });
      if (!typescript) {
        writeFileSync(target, readFileSync(file));
        continue;
      }
      jobs.push(
        transform(readFileSync(file, 'utf8'), {
          loader: name.endsWith('.tsx') ? 'tsx' : 'ts',
          format: 'esm',
          target: 'es2022',
          jsx: 'automatic',
          jsxImportSource: 'hastscript',
          // stack traces name the source file and line (bin/verksam.js turns source maps on)
          sourcemap: 'inline',
          sourcesContent: false,
          sourcefile: relative(dirname(target), file).split('\\').join('/'),
        }).then(
          (result) => writeFileSync(target, result.code),
          (error) => failures.push(...(error.errors ?? [{ text: error.message }]).map((e) => describe(name, e))),
        ),
      );
    }
  }
  await Promise.all(jobs);
  if (failures.length > 0) {
    rmSync(next, { recursive: true, force: true });
    // lib/ stays as it was; bin/verksam.js runs the sources and names the file the same way
    for (const failure of failures) console.error(failure);
    process.exit(1);
  }
  writeFileSync(join(next, relative('lib', digestFile)), `${digest}\n`);
  rmSync(lib, { recursive: true, force: true });
  renameSync(next, lib);
}

function describe(name, error) {
  const where = error.location ? ` (rad ${error.location.line}, kolumn ${error.location.column + 1}: ${error.text})` : `: ${error.text}`;
  return `verksam: ${name.split('\\').join('/')} går inte att kompilera${where}.`;
}
