import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors';
import { createApi } from '../../../renderer/src/api/api';
import { ApiError } from '../../../renderer/src/api/api-error';
import { createMemoryTransport } from '../../../renderer/src/api/transport.memory';

const session = {
  staff: { id: 1, code: '1001', name: '小王', role: 'clerk' as const },
  permissions: ['returns.read' as const],
  signedInAt: 1_700_000_000_000,
};

describe('api facade', () => {
  it('returns the value envelope of a successful call', async () => {
    const t = createMemoryTransport({ 'auth.signIn': () => session });
    const api = createApi(t);
    expect(await api.call('auth.signIn', { code: '1001', pin: '1111' })).toEqual({
      ok: true,
      value: session,
    });
    expect(t.calls).toEqual([{ method: 'auth.signIn', input: { code: '1001', pin: '1111' } }]);
  });

  it('returns typed errors as values from call, and throws them as ApiError from invoke', async () => {
    const api = createApi(
      createMemoryTransport({
        'auth.signIn': () => {
          throw new AppError('AUTH_LOCKED', { minutes: 15 });
        },
      }),
    );
    const r = await api.call('auth.signIn', { code: '1001', pin: '0000' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'AUTH_LOCKED', messageKey: 'errors.AUTH_LOCKED', details: { minutes: 15 } },
    });
    const thrown = await api.invoke('auth.signIn', { code: '1001', pin: '0000' }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).error.details).toEqual({ minutes: 15 });
    expect((thrown as ApiError).code).toBe('AUTH_LOCKED');
  });

  it('refuses a name outside the contract without sending it', async () => {
    const t = createMemoryTransport({});
    const api = createApi(t);
    const r = await (api.call as (n: string, i: unknown) => Promise<unknown>)('auth.dropTables', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(t.calls).toEqual([]);
  });

  it('delivers contract events until unsubscribed, and refuses unknown event names', () => {
    const t = createMemoryTransport({});
    const api = createApi(t);
    const seen: string[] = [];
    const off = api.on('app.notice', (p) => seen.push(p.messageKey));
    t.emit('app.notice', { level: 'info', messageKey: 'a', params: {} });
    off();
    t.emit('app.notice', { level: 'info', messageKey: 'b', params: {} });
    expect(seen).toEqual(['a']);
    expect(() => (api.on as (e: string, cb: () => void) => void)('nope.event', () => undefined)).toThrow();
  });
});
