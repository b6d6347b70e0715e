/**
 * `counterdesk` — the store IT's command line. Every data-changing command goes through the
 * same dispatcher and permission checks as the UI. Exit codes: see core/cli/exit-codes.ts.
 */
import { isAppError, toErrorValue } from '../../shared/contract/errors';
import { parseArgs, flagString, type ParsedArgs } from './args';
import { backupCommand, backupsCommand, restoreCommand } from './commands/backup-commands';
import { callCommand, methodsCommand } from './commands/contract-commands';
import { importSalesCommand, verifyAuditCommand } from './commands/data-commands';
import { DEVICE_COMMANDS } from './commands/device-commands';
import { exportCommand, verifyExportCommand } from './commands/export-commands';
import { reportCommand } from './commands/report-commands';
import { demoCommand, initCommand } from './commands/store-commands';
import { EXIT } from './exit-codes';
import { makeOut, pickLocale, type Out } from './output';

type Command = (args: ReturnType<typeof parseArgs>, out: Out) => number | Promise<number>;

export const COMMANDS: Record<string, { run: Command; usage: string }> = {
  init: {
    run: initCommand,
    usage: 'init --admin-pin PIN [--admin-code ADMIN] [--admin-name N] [--store-name N] [--time-zone TZ]',
  },
  demo: { run: demoCommand, usage: 'demo' },
  'import-sales': {
    run: importSalesCommand,
    usage: 'import-sales FILE [--format csv|json] --staff CODE --pin PIN',
  },
  'verify-audit': { run: verifyAuditCommand, usage: 'verify-audit' },
  methods: { run: methodsCommand, usage: 'methods [--json]' },
  call: { run: callCommand, usage: "call METHOD 'JSON' --staff CODE --pin PIN" },
  backup: { run: backupCommand, usage: 'backup [--keep N] [--dir DIR]' },
  backups: { run: backupsCommand, usage: 'backups [--dir DIR]' },
  restore: { run: restoreCommand, usage: 'restore FILE   (with CounterDesk stopped)' },
  export: { run: exportCommand, usage: 'export DIR   (JSON Lines + CSV per table, manifest with sha256)' },
  'verify-export': { run: verifyExportCommand, usage: 'verify-export DIR' },
  report: {
    run: reportCommand,
    usage:
      'report daily --date YYYY-MM-DD --format escpos|pdf|csv|json [--out F] | report kpi --from D --to D --format csv|json',
  },
  ...DEVICE_COMMANDS,
};

/** Options every command takes (see cli.globalFlags). */
const GLOBAL_OPTIONS = new Set(['data-dir', 'json', 'lang', 'help']);

/**
 * The options given that the command does not take: a command takes the global options and the
 * `--name`s its usage line shows, nothing else (a mistyped `--dat-dir` must not act on the default store).
 */
export function unknownOptions(args: ParsedArgs, usageLine: string): string[] {
  const known = new Set(GLOBAL_OPTIONS);
  for (const m of usageLine.matchAll(/--([a-z][a-z0-9-]*)/g)) if (m[1]) known.add(m[1]);
  return [...args.flags.keys()].filter((f) => !known.has(f)).map((f) => `--${f}`);
}

function usage(out: Out): string {
  const lines = Object.values(COMMANDS).map((c) => `  counterdesk ${c.usage}`);
  return `${out.t('cli.usage')}\n${lines.join('\n')}\n  ${out.t('cli.globalFlags')}`;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, new Set(['json', 'help']));
  const out = makeOut(args.flags.has('json'), pickLocale(flagString(args, 'lang')));
  const name = args.positionals[0];
  if (!name || args.flags.has('help')) {
    process.stdout.write(`${usage(out)}\n`);
    return name ? EXIT.OK : EXIT.USAGE;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    out.error({
      code: 'CLI_UNKNOWN_COMMAND',
      messageKey: 'errors.CLI_UNKNOWN_COMMAND',
      details: { command: name },
    });
    process.stderr.write(`${usage(out)}\n`);
    return EXIT.USAGE;
  }
  const unknown = unknownOptions(args, cmd.usage);
  if (unknown.length > 0) {
    out.error({
      code: 'CLI_UNKNOWN_OPTION',
      messageKey: 'errors.CLI_UNKNOWN_OPTION',
      details: { options: unknown.join(' '), command: name },
    });
    process.stderr.write(`  counterdesk ${cmd.usage}\n  ${out.t('cli.globalFlags')}\n`);
    return EXIT.USAGE;
  }
  try {
    return await cmd.run(args, out);
  } catch (e) {
    out.error(toErrorValue(e));
    if (!isAppError(e)) process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return isAppError(e) && e.code.startsWith('CLI_') ? EXIT.USAGE : EXIT.FAILED;
  }
}
