/** The project's own ESLint rules, registered as the `counterdesk` plugin in eslint.config.js. */
import { importBoundaries } from './import-boundaries.js';
import { sqlOnlyInDb } from './sql-only-in-db.js';

export const counterdesk = {
  meta: { name: 'counterdesk' },
  rules: { 'import-boundaries': importBoundaries, 'sql-only-in-db': sqlOnlyInDb },
};
