/**
 * `counterdesk/sql-only-in-db`: SQL text and better-sqlite3 live in db/ (DESIGN: one home per concern).
 * Outside db/ (and tests/) this flags
 *   - `import … from 'better-sqlite3'` (type imports too: use db/'s own types);
 *   - a string or template literal whose text starts like a statement (`SELECT …`, `insert into …`);
 *   - `.prepare(…)` and `.pragma(…)` on anything, and `.exec(…)` on something named like a database
 *     handle (`db`, `sqlite`, …; a RegExp's `.exec` is left alone).
 */
/** A statement keyword in capitals followed by more text (`'SELECT'` alone is an HTML tag name). */
const SQL_UPPER = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA|CREATE|DROP|ALTER|BEGIN|COMMIT)\s+\S/;
/** Lower- or mixed-case SQL needs a statement's shape, so UI text ("Delete a draft", "With override") passes. */
const SQL_SHAPE =
  /^\s*(select\b[\s\S]*\bfrom\b|insert\s+(or\s+\w+\s+)?into\b|update\s+\S+\s+set\b|delete\s+from\b|with\s+(recursive\s+)?\w+(\s*\([^)]*\))?\s+as\s*\(|pragma\s+\w+|(create|drop)\s+(temp\s+|unique\s+)?(table|index|view|trigger)\b|alter\s+table\b|begin\s+(immediate|deferred|exclusive|transaction)\b)/i;

export function looksLikeSql(text) {
  return SQL_UPPER.test(text) || SQL_SHAPE.test(text);
}
const DB_HANDLE = /(db|sqlite|database)$/i;

function lastName(node) {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier')
    return node.property.name;
  if (node.type === 'ThisExpression') return 'this';
  return '';
}

export const sqlOnlyInDb = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL text, statement calls and better-sqlite3 imports only under db/.' },
    schema: [],
    messages: {
      driver: 'better-sqlite3 is imported only under db/: go through a db/repositories function.',
      sql: 'SQL text belongs in db/ (a repository function), not here.',
      call: '.{{method}}() runs SQL: only db/ does that; call a db/repositories function.',
    },
  },
  create(context) {
    const reportText = (node, text) => {
      if (looksLikeSql(text)) context.report({ node, messageId: 'sql' });
    };
    return {
      ImportDeclaration(n) {
        if (n.source.value === 'better-sqlite3') context.report({ node: n.source, messageId: 'driver' });
      },
      Literal(n) {
        if (typeof n.value === 'string' && n.parent?.type !== 'ImportDeclaration') reportText(n, n.value);
      },
      TemplateLiteral(n) {
        reportText(n, n.quasis.map((q) => q.value.cooked ?? q.value.raw).join('?'));
      },
      CallExpression(n) {
        const callee = n.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier')
          return;
        const method = callee.property.name;
        const onHandle = DB_HANDLE.test(lastName(callee.object));
        if (method === 'prepare' || method === 'pragma' || (method === 'exec' && onHandle))
          context.report({ node: callee.property, messageId: 'call', data: { method } });
      },
    };
  },
};
