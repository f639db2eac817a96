/**
 * Lists the functions of src/ longer than a limit (default 80 lines), with the TypeScript compiler
 * API: declarations, methods, accessors, constructors, arrow functions and function expressions,
 * nested ones counted on their own (a long callback inside a long function is listed twice).
 *
 *   npx tsx bench/function-lengths.ts [limit] [dir ...]
 *
 * Exits 1 when one is over the limit. test/build/function-lengths.test.ts holds src/ to it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface LongFunction {
  /** `path:line` relative to the repository. */
  where: string;
  name: string;
  lines: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.[cm]?ts$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function nameOf(node: ts.Node): string {
  const named = (node as { name?: ts.Node }).name;
  if (named !== undefined) return named.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return '<anonymous>';
}

const isFunction = (node: ts.Node): boolean =>
  ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node);

/** The functions of the files under `dirs` longer than `limit` lines, longest first. */
export function longFunctions(limit: number, dirs: readonly string[]): LongFunction[] {
  const out: LongFunction[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(join(root, d)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (isFunction(node)) {
        const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (last - first + 1 > limit) out.push({ where: `${relative(root, file)}:${first + 1}`, name: nameOf(node), lines: last - first + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out.sort((a, b) => b.lines - a.lines);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const limit = Number(process.argv[2] ?? 80);
  const dirs = process.argv.length > 3 ? process.argv.slice(3) : ['src'];
  const long = longFunctions(limit, dirs);
  for (const f of long) console.log(`${String(f.lines).padStart(4)}  ${f.where}  ${f.name}`);
  if (long.length === 0) console.log(`no function in ${dirs.join(', ')} is longer than ${limit} lines`);
  process.exitCode = long.length > 0 ? 1 : 0;
}
