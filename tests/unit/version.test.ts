import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../shared/app-version';
import { parseHostArgs } from '../../core/host-args';
import { defaultDataDir } from '../../core/data-dir';
import { isAppUrl } from '../../electron/main/app-url';

describe('app basics', () => {
  it('shows the version package.json declares', () => {
    expect(APP_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('puts data where each OS expects it, overridable by env', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe('/x/counterdesk');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/CounterDesk$/);
    expect(defaultDataDir({ COUNTERDESK_DATA_DIR: '/srv/cd' }, 'linux')).toBe('/srv/cd');
  });

  it('parses host flags and refuses a bad port', () => {
    expect(parseHostArgs(['--data-dir', '/d', '--port=8080', '--no-demo'])).toEqual({
      dataDir: '/d',
      port: 8080,
      demo: false,
    });
    expect(() => parseHostArgs(['--port', '70000'])).toThrow(/port/);
  });

  it('lets the Electron window navigate only within the built renderer or the dev server', () => {
    const dir = '/opt/counterdesk/out/renderer';
    expect(isAppUrl('file:///opt/counterdesk/out/renderer/index.html', undefined, dir)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', undefined, dir)).toBe(false);
    expect(isAppUrl('file:///opt/counterdesk/out/renderer-evil/x.html', undefined, dir)).toBe(false);
    expect(isAppUrl('https://example.com/', undefined, dir)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/returns', 'http://localhost:5173', dir)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173', dir)).toBe(false);
    expect(isAppUrl('not a url', undefined, dir)).toBe(false);
  });
});
