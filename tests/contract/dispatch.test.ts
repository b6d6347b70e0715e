import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../core/dispatch/dispatcher';
import { handlers } from '../../core/compose';
import { METHOD_NAMES, methods } from '../../shared/contract';
import { makeCore, type CoreFixture } from '../helpers/core-fixture';

let f: CoreFixture;
beforeEach(() => {
  f = makeCore();
});
afterEach(() => f.close());

describe('contract dispatch', () => {
  it('has a handler for every contract method and refuses to start without one', () => {
    for (const name of METHOD_NAMES) expect(typeof handlers[name], name).toBe('function');
    const partial = { ...handlers } as Record<string, unknown>;
    delete partial['app.info'];
    expect(() => createDispatcher(f.core.ctx, partial as typeof handlers)).toThrow(
      /app\.info has no handler/,
    );
  });

  it('answers an unknown method with a typed error, not a throw', async () => {
    const r = await f.core.dispatcher.call(f.core.connect(), 'returns.dropTables', {});
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'UNKNOWN_METHOD',
        messageKey: 'errors.UNKNOWN_METHOD',
        details: { method: 'returns.dropTables' },
      },
    });
  });

  it('rejects malformed input for every method with INVALID_INPUT, before any permission or service runs', async () => {
    const conn = await f.as('A001');
    for (const name of METHOD_NAMES) {
      for (const bad of [42, 'text', [1, 2], { unexpectedField: true, ...{ ['__proto__']: { x: 1 } } }]) {
        const r = await f.core.dispatcher.call(conn, name, bad);
        expect(r.ok, `${name} accepted ${JSON.stringify(bad)}`).toBe(false);
        if (!r.ok) expect(r.error.code, name).toBe('INVALID_INPUT');
      }
    }
  });

  it('refuses non-public methods when signed out, and says so', async () => {
    const conn = f.core.connect();
    for (const name of METHOD_NAMES.filter((n) => methods[n].access !== 'public')) {
      const r = await f.core.dispatcher.call(conn, name, {});
      // either the input is incomplete (INVALID_INPUT) or, if {} is valid, SIGNED_OUT — never a result
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(['SIGNED_OUT', 'INVALID_INPUT'], name).toContain(r.error.code);
    }
    const r = await f.core.dispatcher.call(conn, 'settings.get', {});
    expect(r.ok ? null : r.error.code).toBe('SIGNED_OUT');
  });

  it('checks the permission in core: a clerk cannot change settings or verify the audit log', async () => {
    const clerk = await f.as('C001');
    const upd = await f.core.dispatcher.call(clerk, 'settings.update', { receiptWidth: 58 });
    expect(upd).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { permission: 'settings.manage', role: 'clerk' } },
    });
    const manager = await f.as('M001');
    const ok = await f.core.dispatcher.call(manager, 'settings.update', { receiptWidth: 58 });
    expect(ok).toMatchObject({ ok: true, value: { receiptWidth: 58 } });
    const audit = await f.core.dispatcher.call(clerk, 'audit.verify', {});
    expect(audit.ok ? null : audit.error.code).toBe('FORBIDDEN');
  });

  it('validates a handler output against its schema and hides internals behind INTERNAL', async () => {
    const errors: string[] = [];
    const broken = { ...handlers, 'app.info': () => ({ version: 1 }) } as unknown as typeof handlers;
    const d = createDispatcher(f.core.ctx, broken, { error: (m) => errors.push(m) });
    const r = await d.call(f.core.connect(), 'app.info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { method: 'app.info' } } });
    expect(errors[0]).toMatch(/does not match its schema/);
  });

  it('turns an unexpected exception into INTERNAL without leaking the message', async () => {
    const broken = {
      ...handlers,
      'app.info': () => {
        throw new Error('SQLITE secret path /root/x');
      },
    } as unknown as typeof handlers;
    const d = createDispatcher(f.core.ctx, broken, { error: () => undefined });
    const r = await d.call(f.core.connect(), 'app.info', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL', details: {} } });
  });
});
