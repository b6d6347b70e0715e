/**
 * `counterdesk methods` and `counterdesk call METHOD JSON --staff CODE --pin PIN`. Any method may
 * write, so `call` holds the instance lock: it is refused while CounterDesk runs on the data folder.
 */
import { z } from 'zod';
import { methods } from '../../../shared/contract';
import { AppError } from '../../../shared/contract/errors';
import type { ParsedArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { Out } from '../output';
import { withInstanceLock } from '../../instance-lock';
import { dataDirOf, openCore, signIn } from '../session';

function jsonSchemaOf(schema: z.ZodType): unknown {
  try {
    return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' });
  } catch {
    return {};
  }
}

export function methodsCommand(_args: ParsedArgs, out: Out): number {
  const list = Object.entries(methods).map(([name, spec]) => ({
    name,
    access: spec.access,
    summary: spec.summary,
    input: jsonSchemaOf(spec.input),
    output: jsonSchemaOf(spec.output),
  }));
  if (out.json) out.data(list);
  else for (const m of list) out.print(`${m.name.padEnd(26)} ${m.access.padEnd(18)} ${m.summary}`);
  return EXIT.OK;
}

export async function callCommand(args: ParsedArgs, out: Out): Promise<number> {
  const [, method, json] = args.positionals;
  if (!method) throw new AppError('CLI_USAGE', { usage: 'call METHOD JSON --staff CODE --pin PIN' });
  let input: unknown = {};
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch (e) {
      throw new AppError('CLI_BAD_JSON', jsonErrorPlace(json, e));
    }
  }
  return withInstanceLock(dataDirOf(args), `call ${method}`, () => callWithLock(args, out, method, input));
}

async function callWithLock(args: ParsedArgs, out: Out, method: string, input: unknown): Promise<number> {
  const core = openCore(args);
  try {
    const access = (methods as Record<string, { access: string } | undefined>)[method]?.access;
    const conn = core.connect();
    if (access !== 'public') {
      const signed = await signIn(core, args);
      if (!signed.result.ok) {
        out.error(signed.result.error);
        return EXIT.FAILED;
      }
      conn.sessionToken = signed.conn.sessionToken;
    }
    const result = await core.dispatcher.call(conn, method, input);
    if (!result.ok) {
      out.error(result.error);
      return EXIT.FAILED;
    }
    out.data(result.value);
    return EXIT.OK;
  } finally {
    core.close();
  }
}

/** Where JSON.parse stopped, as line/column/character and the text around it (for CLI_BAD_JSON). */
export function jsonErrorPlace(text: string, e: unknown): { line: number; column: number; near: string } {
  const message = e instanceof Error ? e.message : '';
  const m = /position (\d+)/.exec(message);
  const at = m?.[1] !== undefined ? Number(m[1]) : text.length;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const near = text.slice(Math.max(0, at - 10), at + 10) || '(end)';
  return { line, column, near };
}
