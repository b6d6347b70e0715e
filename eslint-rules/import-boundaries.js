/**
 * `counterdesk/import-boundaries`: an allow-list of what a folder may import (docs/CONVENTIONS.md,
 * "Who may import what"). Every import, re-export, dynamic import() and require() is checked; what is
 * not allowed is an error:
 *   - relative imports may reach only the project folders in `folders` (resolved from the file);
 *   - `node:` builtins (and bare builtin names) only when `node` is true;
 *   - npm packages only when listed in `packages` (exact name, or `@scope/*`), or, when `packages`
 *     is `'any'`, every package except those in `denyPackages`.
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const BUILTINS = new Set(builtinModules);

/** `@mui/material/Button` → `@mui/material`; `react-dom/client` → `react-dom`. */
export function packageName(source) {
  const clean = source.split('?')[0];
  const parts = clean.split('/');
  return clean.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function listed(list, name) {
  return list.some((p) => (p.endsWith('/*') ? name.startsWith(p.slice(0, -1)) : p === name));
}

/** Why `source` may not be imported from `file` under `opts`, or null when it may. */
export function boundaryViolation(source, file, cwd, opts) {
  if (source.startsWith('.') || source.startsWith('/')) {
    const target = relative(cwd, resolve(dirname(file), source));
    const top = target.split(sep)[0];
    if (target.startsWith('..') || !opts.folders.includes(top))
      return `${opts.folder}/ may import only from ${opts.folders.map((f) => `${f}/`).join(', ')} (this reaches ${top}/)`;
    return null;
  }
  if (source.startsWith('node:') || BUILTINS.has(source.split('/')[0])) {
    return opts.node ? null : `${opts.folder}/ also runs in the browser: no Node builtins (${source})`;
  }
  const name = packageName(source);
  if (opts.packages === 'any') {
    return listed(opts.denyPackages ?? [], name) ? `${opts.folder}/ may not import ${name}` : null;
  }
  return listed(opts.packages, name)
    ? null
    : `${opts.folder}/ may import only these packages: ${opts.packages.join(', ')} (not ${name}); add it to the allow-list in eslint.config.js if it belongs here`;
}

export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Allow-list of the folders, builtins and packages a project folder may import.' },
    schema: [
      {
        type: 'object',
        properties: {
          folder: { type: 'string' },
          folders: { type: 'array', items: { type: 'string' } },
          node: { type: 'boolean' },
          packages: { anyOf: [{ const: 'any' }, { type: 'array', items: { type: 'string' } }] },
          denyPackages: { type: 'array', items: { type: 'string' } },
        },
        required: ['folder', 'folders', 'node', 'packages'],
        additionalProperties: false,
      },
    ],
    messages: { boundary: '{{why}} (docs/CONVENTIONS.md)' },
  },
  create(context) {
    const opts = context.options[0];
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const why = boundaryViolation(node.value, context.filename, context.cwd, opts);
      if (why) context.report({ node, messageId: 'boundary', data: { why } });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      TSImportEqualsDeclaration: (n) => check(n.moduleReference?.expression),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require') check(n.arguments[0]);
      },
    };
  },
};
