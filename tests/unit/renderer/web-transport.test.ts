/**
 * The web transport's bookkeeping with a scripted socket, where the timing of drops must be exact
 * (tests/integration/bridge covers the real web host).
 */
import { describe, expect, it, vi } from 'vitest';
import type { LinkStatus } from '../../../renderer/src/api/transport';
import {
  createWebTransport,
  defaultBackoff,
  type WebSocketLike,
} from '../../../renderer/src/api/transport.web';

class ScriptedSocket implements WebSocketLike {
  readyState = 0;
  sent: { id: number; method: string; input: unknown }[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data) as { id: number; method: string; input: unknown });
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  reply(id: number, result: unknown) {
    this.onmessage?.({ data: JSON.stringify({ type: 'result', id, result }) });
  }
}

function setup() {
  const sockets: ScriptedSocket[] = [];
  const statuses: LinkStatus[] = [];
  const t = createWebTransport({
    url: 'ws://127.0.0.1:1/bridge?token=t',
    createSocket: (url) => {
      const s = new ScriptedSocket(url);
      sockets.push(s);
      return s;
    },
    backoffMs: () => 0,
  });
  t.onStatus((s) => statuses.push(s));
  const last = () => sockets[sockets.length - 1] as ScriptedSocket;
  return { t, sockets, statuses, last };
}

describe('web transport', () => {
  it('queues calls made while connecting and sends them, numbered, once open', async () => {
    const { t, last } = setup();
    const a = t.invoke('app.info', {});
    const b = t.invoke('auth.session', {});
    expect(last().sent).toEqual([]);
    last().open();
    expect(last().sent.map((m) => [m.id, m.method])).toEqual([
      [1, 'app.info'],
      [2, 'auth.session'],
    ]);
    last().reply(2, { ok: true, value: { session: null } });
    last().reply(1, { ok: true, value: 'info' });
    expect(await a).toEqual({ ok: true, value: 'info' });
    expect(await b).toEqual({ ok: true, value: { session: null } });
    t.close();
  });

  it('fails calls in flight with BRIDGE_DISCONNECTED when the socket drops, then reconnects', async () => {
    const { t, sockets, statuses, last } = setup();
    last().open();
    const pending = t.invoke('auth.signIn', { code: '1001', pin: '1111' });
    last().drop();
    expect(await pending).toEqual({
      ok: false,
      error: { code: 'BRIDGE_DISCONNECTED', messageKey: 'errors.BRIDGE_DISCONNECTED', details: {} },
    });
    expect(t.status()).toBe('reconnecting');
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    last().open();
    expect(statuses).toEqual(['open', 'reconnecting', 'open']);
    t.close();
  });

  it('answers immediately with BRIDGE_DISCONNECTED while waiting to reconnect', async () => {
    const sockets: ScriptedSocket[] = [];
    const t = createWebTransport({
      url: 'ws://x/bridge?token=t',
      createSocket: (u) => {
        const s = new ScriptedSocket(u);
        sockets.push(s);
        return s;
      },
      backoffMs: () => 60_000,
    });
    sockets[0]?.open();
    sockets[0]?.drop();
    expect(await t.invoke('app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_DISCONNECTED' },
    });
    t.close();
  });

  it('turns a reply that is not a Result envelope into BAD_MESSAGE and ignores unknown ids and junk', async () => {
    const { t, last } = setup();
    last().open();
    const p = t.invoke('app.info', {});
    last().onmessage?.({ data: 'not json' });
    last().reply(999, { ok: true, value: 1 });
    last().reply(1, { ok: 'yes' });
    expect(await p).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    t.close();
  });

  it('delivers events by name', () => {
    const { t, last } = setup();
    last().open();
    const seen: unknown[] = [];
    const off = t.on('app.notice', (p) => seen.push(p));
    last().onmessage?.({ data: JSON.stringify({ type: 'event', name: 'app.notice', payload: { n: 1 } }) });
    last().onmessage?.({ data: JSON.stringify({ type: 'event', name: 'other', payload: { n: 2 } }) });
    off();
    last().onmessage?.({ data: JSON.stringify({ type: 'event', name: 'app.notice', payload: { n: 3 } }) });
    expect(seen).toEqual([{ n: 1 }]);
    t.close();
  });

  it('without a token it never connects and says why', async () => {
    const t = createWebTransport({
      url: null,
      createSocket: () => {
        throw new Error('must not connect');
      },
    });
    expect(t.status()).toBe('no-token');
    expect(await t.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'BRIDGE_NO_TOKEN' } });
  });

  it('backs off 250 ms, doubling, capped at 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(defaultBackoff)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
  });
});
