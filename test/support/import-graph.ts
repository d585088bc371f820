import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** How a bare path names a file: as written, with an extension, or as a folder's index. */
const SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];
/** Our path aliases (WXT's tsconfig): `~/lib/x` and `@/lib/x` are the checkout's `lib/x`. */
const ROOT_ALIASES = ['~/', '@/'];

/**
 * Every module `entry` loads at run time, following value imports and re-exports (type-only ones are erased by the
 * build, so they are skipped): our files relative to `root`, packages by name. The fences in eslint.config.js are per
 * file; this walk checks what no per-file rule can see, a forbidden module reached through others.
 */
export function valueImportsOf(entry: string, root: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    for (const specifier of valueSpecifiers(source)) {
      const target = resolveSpecifier(specifier, file, root);
      if (!target || seen.has(target.name)) continue;
      seen.add(target.name);
      if (target.file) visit(target.file);
    }
  };
  visit(entry);
  return [...seen].sort();
}

/** Module specifiers of the file's imports and re-exports that survive the build. */
function valueSpecifiers(source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause?.phaseModifier !== ts.SyntaxKind.TypeKeyword) {
      const bindings = statement.importClause?.namedBindings;
      const onlyTypes =
        !statement.importClause?.name &&
        bindings &&
        ts.isNamedImports(bindings) &&
        bindings.elements.every((element) => element.isTypeOnly);
      if (!onlyTypes && ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier) {
      if (ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

/** Our file a specifier names (with its root-relative name), or a package's name. */
function resolveSpecifier(specifier: string, from: string, root: string): { name: string; file?: string } | undefined {
  const bare = specifier.replace(/\?.*$/, '');
  const alias = ROOT_ALIASES.find((prefix) => bare.startsWith(prefix));
  if (!alias && !bare.startsWith('.')) return { name: packageName(bare) };
  const base = alias ? join(root, bare.slice(alias.length)) : resolve(dirname(from), bare);
  const file = SUFFIXES.map((suffix) => base + suffix).find((path) => existsSync(path) && statSync(path).isFile());
  if (!file) return undefined;
  const name = relative(root, file);
  return /\.tsx?$/.test(file) ? { name, file } : { name };
}

/** `dexie` for `dexie/dist/x`, `@scope/pkg` for `@scope/pkg/sub`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
