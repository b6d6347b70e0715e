/**
 * Fuzzes the browser host's whole surface (issue #13) against a real in-process web host: malformed
 * request lines and URLs, weird, duplicate and oversized headers, bad Host/Origin, garbage,
 * truncated and oversized WebSocket frames, and connect/disconnect and message floods. Inputs come
 * from a seeded generator (same cases every run), counts and waits are bounded, everything is on
 * loopback. Properties: no answer is a 500 (nothing threw), nothing is left connected, and the
 * host still serves its index and answers `app.info` afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../../shared/contract/wire';
import {
  answers,
  openBridge,
  raw,
  startHarness,
  statusOf,
  upgradeRequest,
  type Harness,
} from './host-harness';

/** mulberry32: a small seeded PRNG, so every run sends the same cases. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256))),
    chance: (p: number) => next() < p,
  };
}

/** Runs `tasks` with at most `width` at a time. */
async function batched<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < tasks.length; i += width)
    out.push(...(await Promise.all(tasks.slice(i, i + width).map((t) => t()))));
  return out;
}

/** A client frame; masked unless told otherwise, length field taken from the payload unless overridden. */
function frame(
  opcode: number,
  payload: Buffer,
  opts: { fin?: boolean; mask?: boolean; rsv?: number; claimedLength?: number } = {},
): Buffer {
  const fin = opts.fin ?? true;
  const mask = opts.mask ?? true;
  const len = opts.claimedLength ?? payload.length;
  const b0 = (fin ? 0x80 : 0) | ((opts.rsv ?? 0) << 4) | (opcode & 0x0f);
  let head: Buffer;
  if (len < 126) head = Buffer.from([b0, (mask ? 0x80 : 0) | len]);
  else if (len < 65536) {
    head = Buffer.alloc(4);
    head[0] = b0;
    head[1] = (mask ? 0x80 : 0) | 126;
    head.writeUInt16BE(len, 2);
  } else {
    head = Buffer.alloc(10);
    head[0] = b0;
    head[1] = (mask ? 0x80 : 0) | 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  if (!mask) return Buffer.concat([head, payload]);
  const key = Buffer.from([0x11, 0x22, 0x33, 0x44]);
  const body = Buffer.from(payload.map((x, i) => x ^ (key[i % 4] as number)));
  return Buffer.concat([head, key, body]);
}

let h: Harness;
const statuses: number[] = [];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('the browser host under fuzz', () => {
  it('malformed request lines, URLs and headers get 4xx answers (or none), never a 500', async () => {
    const r = prng(13);
    const p = h.host.port;
    const own = `127.0.0.1:${p}`;
    const methods = [
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'DELETE',
      'OPTIONS',
      'CONNECT',
      'TRACE',
      'get',
      'G\0T',
      '',
      'X'.repeat(300),
    ];
    const targets = [
      '/',
      '//x:99999',
      '//',
      '*',
      'http://evil.example/',
      'x',
      '/%',
      '/%zz',
      '/..%2f..%2fetc/passwd',
      '/%00',
      '/a?b=%',
      `/${'a'.repeat(8000)}`,
      '/bridge',
      '/bridge?token=',
      '/index.html',
      '/?#',
      '/\u00e9',
      '//[::1',
      '/%2e%2e/%2e%2e/',
      '/\\..\\..\\',
      `/bridge?token=${h.host.token}`,
    ];
    const versions = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', '', 'HTTP/1.1 extra', 'HTTPS/1.1'];
    const hosts = [
      own,
      `localhost:${p}`,
      `[::1]:${p}`,
      `evil.example:${p}`,
      '127.0.0.1',
      '',
      ' ',
      `${own}\0`,
      'a'.repeat(5000),
      null,
    ];
    const extras = [
      `X-Big: ${'b'.repeat(20_000)}`,
      'NoColonHeader',
      'Bad Header: x',
      `Host: evil.example:${p}`,
      'Content-Length: -1',
      'Content-Length: abc',
      'Content-Length: 5\r\nTransfer-Encoding: chunked',
      'Transfer-Encoding: chunked',
      'Expect: 100-continue',
      'Connection: upgrade',
      'Upgrade: websocket',
      'Origin: null',
      'X-Ctl: \u0001\u0002',
      ...Array.from({ length: 3 }, (_, i) => `X-Many-${i}: ${'m'.repeat(100)}`),
    ];
    const cases: (() => Promise<number>)[] = [];
    for (let i = 0; i < 80; i++) {
      if (r.chance(0.15)) {
        const junk = r.bytes(1 + r.int(300));
        cases.push(async () => statusOf(await raw(p, junk, { waitMs: 300 })));
        continue;
      }
      const eol = r.chance(0.85) ? '\r\n' : '\n';
      const lines = [`${r.pick(methods)} ${r.pick(targets)} ${r.pick(versions)}`.trimEnd()];
      const host = r.pick(hosts);
      if (host !== null) lines.push(`Host: ${host}`);
      for (let n = r.int(4); n > 0; n--) lines.push(r.pick(extras));
      if (r.chance(0.1)) for (let n = 0; n < 150; n++) lines.push(`X-H${n}: v`);
      lines.push('Connection: close');
      const body = r.chance(0.2) ? `zz${eol}${r.bytes(20).toString('latin1')}` : '';
      const req = `${lines.join(eol)}${eol}${eol}${body}`;
      const truncate = r.chance(0.1);
      cases.push(async () =>
        statusOf(
          await raw(p, truncate ? req.slice(0, r.int(req.length)) : req, {
            waitMs: 300,
            reset: r.chance(0.1),
          }),
        ),
      );
    }
    statuses.push(...(await batched(cases, 16)));
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(statuses.some((s) => s === 400)).toBe(true);
    expect(await answers(h.host)).toBe(true);
  });

  it('WebSocket handshakes with bad Host, Origin, token, key or version are refused', async () => {
    const r = prng(1313);
    const p = h.host.port;
    const hosts = [`127.0.0.1:${p}`, `evil.example:${p}`, `127.0.0.1:${p + 1}`, ''];
    const origins = [
      undefined,
      'null',
      `http://127.0.0.1:${p}`,
      'http://evil.example',
      `http://127.0.0.1:${p + 1}`,
      'file://',
      '%%%',
      '',
    ];
    const paths = [
      `/bridge?token=${h.host.token}`,
      '/bridge',
      '/bridge?token=x',
      `/bridge?token=${h.host.token}&token=x`,
      `//x:99999`,
      `/Bridge?token=${h.host.token}`,
      `/bridge/?token=${h.host.token}`,
      '/bridge?token=%',
    ];
    const cases: (() => Promise<number>)[] = [];
    for (let i = 0; i < 40; i++) {
      const headers: Record<string, string> = {};
      const host = r.pick(hosts);
      if (host) headers.Host = host;
      const origin = r.pick(origins);
      if (origin !== undefined) headers.Origin = origin;
      let req = upgradeRequest(h.host, headers, r.pick(paths));
      if (r.chance(0.2))
        req = req.replace('Sec-WebSocket-Version: 13', `Sec-WebSocket-Version: ${r.pick(['8', 'x', ''])}`);
      if (r.chance(0.2)) req = req.replace('dGhlIHNhbXBsZSBub25jZQ==', r.pick(['', 'short', '!!!!']));
      cases.push(async () => statusOf(await raw(p, req, { waitMs: 200 })));
    }
    const got = await batched(cases, 8);
    expect(got.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(got.filter((s) => s === 101).length).toBeLessThan(got.length);
    await expect.poll(() => h.host.connections()).toBe(0);
    expect(await answers(h.host)).toBe(true);
  });

  it('garbage, truncated, oversized and invalid frames close that socket only', async () => {
    const r = prng(31337);
    const p = h.host.port;
    const hello = Buffer.from(upgradeRequest(h.host, { Host: `127.0.0.1:${p}` }));
    const json = (s: string) => Buffer.from(s);
    const kinds: (() => Buffer)[] = [
      () => r.bytes(1 + r.int(200)),
      () => frame(0x1, json('{"id":1,"method":"app.info","input":{}}'), { mask: false }),
      () => frame(0x1 + r.int(2), r.bytes(r.int(300))),
      () => frame(0x3 + r.int(5), r.bytes(10)),
      () => frame(0x1, json('{"id":1}'), { rsv: 1 + r.int(7) }),
      () => frame(0x1, Buffer.from([0xff, 0xfe, 0xfd])),
      () => frame(0x9, r.bytes(200)),
      () => frame(0x8, Buffer.from([0x03])),
      () => frame(0x1, json('{"id":'), { fin: false }),
      () => frame(0x0, json('}'), { fin: true }),
      () => frame(0x1, json('{"id":1,"method":"app.info"'), { claimedLength: 5000 }),
      () => frame(0x2, Buffer.alloc(0), { claimedLength: MAX_MESSAGE_BYTES + 1 }),
      () => frame(0x1, Buffer.alloc(0), { claimedLength: 2 ** 53 }),
      () =>
        frame(
          0x1,
          json(`{"id":1,"method":"app.info","input":{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`),
        ),
      () => frame(0x1, json(JSON.stringify({ id: -5, method: 'x'.repeat(200), input: null }))),
      () => frame(0x1, json('{"id":1e400,"method":"app.info","input":{}}')),
    ];
    const cases = Array.from({ length: 48 }, (_, i) => {
      const bytes = Buffer.concat([
        hello,
        kinds[i % kinds.length]!(),
        ...(r.chance(0.3) ? [kinds[r.int(kinds.length)]!()] : []),
      ]);
      const reset = r.chance(0.3);
      return async () => statusOf(await raw(p, bytes, { waitMs: 200, reset }));
    });
    const got = await batched(cases, 12);
    expect(got.filter((s) => s !== 101 && s !== 0)).toEqual([]);
    await expect.poll(() => h.host.connections(), { timeout: 3000 }).toBe(0);
    expect(await answers(h.host)).toBe(true);
  });

  it('connect/disconnect floods and a message flood do not take the host down', async () => {
    const p = h.host.port;
    // 200 TCP connections opened and dropped (half of them with a reset), 20 at a time.
    await batched(
      Array.from(
        { length: 200 },
        (_, i) => () => raw(p, i % 2 ? 'GET / HTTP/1.1\r\n' : '', { waitMs: 20, reset: i % 2 === 0 }),
      ),
      20,
    );
    // 60 bridge sockets opened at once (more than the host keeps): the excess is refused, none linger.
    const opened = await Promise.allSettled(Array.from({ length: 60 }, () => openBridge(h.host)));
    const sockets = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.length).toBeLessThanOrEqual(32);
    for (const ws of sockets) ws.terminate();
    await expect.poll(() => h.host.connections(), { timeout: 3000 }).toBe(0);
    // One socket sending 2000 calls in a burst: every one is answered (done or BRIDGE_BUSY).
    const ws = await openBridge(h.host);
    const codes = new Map<string, number>();
    let answered = 0;
    ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as { result?: { ok: boolean; error?: { code: string } } };
      const code = m.result?.ok ? 'ok' : (m.result?.error?.code ?? '?');
      codes.set(code, (codes.get(code) ?? 0) + 1);
      answered++;
    });
    const burst = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({ id: i + 1, method: 'app.info', input: {} }),
    );
    for (const m of burst) ws.send(m);
    await expect.poll(() => answered, { timeout: 5000 }).toBe(2000);
    expect([...codes.keys()].sort()).toEqual(expect.arrayContaining(['ok']));
    expect([...codes.keys()].every((c) => c === 'ok' || c === 'BRIDGE_BUSY')).toBe(true);
    ws.close();
    expect(await answers(h.host)).toBe(true);
  });
});
