import { describe, expect, it } from 'vitest';
import type { AppErrorValue } from '../../../shared/contract/errors';
import { errorText } from '../../../renderer/src/app/error-text';
import { createI18n } from '../../../renderer/src/app/i18n';

const err = (code: string, details: Record<string, unknown> = {}): AppErrorValue => ({
  code,
  messageKey: `errors.${code}`,
  details,
});

function say(locale: 'zh-CN' | 'en-US', e: AppErrorValue): string {
  const i18n = createI18n(locale);
  return errorText(e, i18n);
}

describe('error messages as a clerk reads them', () => {
  it('says how many PIN attempts are left', () => {
    expect(say('zh-CN', err('AUTH_FAILED', { attemptsLeft: 3 }))).toBe(
      'PIN 码不正确，还可以再试 3 次，之后账号将被锁定。',
    );
    expect(say('en-US', err('AUTH_FAILED', { attemptsLeft: 3 }))).toBe(
      'Wrong PIN. 3 more tries before the account is locked.',
    );
  });

  it('says the staff code is unknown when core reports no attempts count', () => {
    expect(say('zh-CN', err('AUTH_FAILED', { attemptsLeft: null }))).toBe(
      '没有这个员工号（或该员工已停用）。请检查员工号。',
    );
    expect(say('en-US', err('AUTH_FAILED', { attemptsLeft: null }))).toBe(
      'No active staff member has this code. Check the staff code.',
    );
  });

  it('a signed-out sign-in failure names neither the count nor which of code and PIN was wrong', () => {
    expect(say('zh-CN', err('AUTH_FAILED', {}))).toBe('员工号或 PIN 码不正确。');
    expect(say('en-US', err('AUTH_FAILED', {}))).toBe('Wrong staff code or PIN.');
  });

  it('says for how many minutes an account is locked', () => {
    expect(say('zh-CN', err('AUTH_LOCKED', { minutes: 15, until: 1 }))).toBe(
      'PIN 码错误次数过多，账号已锁定，请 15 分钟后再试。',
    );
    expect(say('en-US', err('AUTH_LOCKED', { minutes: 15, until: 1 }))).toBe(
      'Too many wrong PINs: the account is locked. Try again in 15 min.',
    );
  });

  it('names the role in the UI language when refusing for permissions', () => {
    const e = err('FORBIDDEN', { method: 'settings.update', permission: 'settings.manage', role: 'clerk' });
    expect(say('zh-CN', e)).toBe('您的角色（店员）无权执行此操作。');
    expect(say('en-US', e)).toBe('Your role (Clerk) may not do this.');
  });

  it('names each refused field and its rule, in both languages', () => {
    const e = err('INVALID_INPUT', {
      method: 'auth.signIn',
      issues: [
        { path: 'pin', message: '4–8 digits', rule: 'format', at: ['pin'] },
        { path: 'code', message: 'x', rule: 'required', at: ['code'] },
      ],
    });
    expect(say('en-US', e)).toBe(
      'Some input is not valid: PIN: is not in the expected format; staff code: is required',
    );
    expect(say('zh-CN', e)).toBe('输入内容不正确：PIN 码：格式不正确；员工号：必须填写');
  });

  it('still shows the path of an issue in the older {path, message} shape', () => {
    const e = err('INVALID_INPUT', { issues: [{ path: 'pin', message: 'x' }] });
    expect(say('en-US', e)).toBe('Some input is not valid: pin');
  });

  it('falls back to the code for an error nobody translated', () => {
    expect(say('zh-CN', err('SOMETHING_NEW'))).toBe('出现错误（SOMETHING_NEW）。');
    expect(say('en-US', err('SOMETHING_NEW'))).toBe('Something went wrong (SOMETHING_NEW).');
  });

  it('explains a dropped bridge connection', () => {
    expect(say('en-US', err('BRIDGE_DISCONNECTED'))).toMatch(/^The connection to CounterDesk dropped/);
  });
});
