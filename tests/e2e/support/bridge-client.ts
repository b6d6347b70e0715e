/**
 * A few contract calls from the test itself over the web host's WebSocket bridge (as the renderer
 * makes them), to look up facts of the fresh demo store a journey needs — e.g. the receipt number
 * of a demo sale — instead of guessing them from the date.
 */
import WebSocket from 'ws';
import type { RunningHost } from './web-host-process';

interface Call {
  method: string;
  input: unknown;
}

/** Runs the calls in order on one connection; resolves to their `value`s, rejects on the first error. */
export async function bridgeCalls(host: RunningHost, calls: readonly Call[]): Promise<unknown[]> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${host.token}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const pending = new Map<number, (r: { ok: boolean; value?: unknown; error?: unknown }) => void>();
  ws.on('message', (data: WebSocket.RawData) => {
    const msg = JSON.parse(String(data)) as { type?: string; id?: number; result?: { ok: boolean } };
    if (msg.type === 'result' && typeof msg.id === 'number' && msg.result) pending.get(msg.id)?.(msg.result);
  });
  try {
    const out: unknown[] = [];
    let id = 0;
    for (const c of calls) {
      id += 1;
      const result = await new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method: c.method, input: c.input }));
      });
      if (!result.ok) throw new Error(`${c.method} failed: ${JSON.stringify(result.error)}`);
      out.push(result.value);
    }
    return out;
  } finally {
    ws.close();
  }
}

/** The receipt number of the demo sale of journey 1 (王芳 13912345678, speaker + cable). */
export async function demoReceipt(host: RunningHost): Promise<string> {
  const [, sales] = await bridgeCalls(host, [
    { method: 'auth.signIn', input: { code: '9001', pin: '909090' } },
    { method: 'sales.search', input: { phone: '13912345678' } },
  ]);
  const first = (sales as { receiptNo?: string }[])[0];
  if (!first?.receiptNo) throw new Error('the demo store has no sale for 13912345678');
  return first.receiptNo;
}
