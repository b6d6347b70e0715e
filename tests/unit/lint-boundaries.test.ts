/**
 * The import allow-lists and "SQL only under db/" really fire: each snippet is linted with the
 * project's eslint.config.js as if it lived at the given path.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'fatal');
}

const BOUNDARY = 'counterdesk/import-boundaries';
const SQL = 'counterdesk/sql-only-in-db';

describe('import boundaries (docs/CONVENTIONS.md)', () => {
  it.each([
    ["import Database from 'better-sqlite3';\nexport const d = Database;\n", 'renderer/src/x.ts'],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'renderer/src/x.ts'],
    [
      "import { openDatabase } from '../../db/client';\nexport const o = openDatabase;\n",
      'renderer/src/x.ts',
    ],
    ["import { app } from 'electron';\nexport const a = app;\n", 'core/x.ts'],
    ["import { bootWindow } from '../electron/main';\nexport const b = bootWindow;\n", 'core/x.ts'],
    ["import { compose } from '../core/compose';\nexport const c = compose;\n", 'db/x.ts'],
    ["import { SerialPort } from 'serialport';\nexport const s = SerialPort;\n", 'shared/x.ts'],
    ["import { join } from 'node:path';\nexport const j = join;\n", 'shared/x.ts'],
    ["import { openDatabase } from '../db/client';\nexport const o = openDatabase;\n", 'electron/x.ts'],
    ["import express from 'express';\nexport const e = express;\n", 'electron/x.ts'],
  ])('rejects %j in %s', async (code, file) => {
    expect(await ruleIds(code, file)).toContain(BOUNDARY);
  });

  it.each([
    ["import { z } from 'zod';\nexport const s = z.string();\n", 'shared/x.ts'],
    ["import Button from '@mui/material/Button';\nexport const b = Button;\n", 'renderer/src/x.tsx'],
    ["import { money } from '../../shared/domain/money';\nexport const m = money;\n", 'renderer/src/x.ts'],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'core/x.ts'],
    ["import { SerialPort } from 'serialport';\nexport const s = SerialPort;\n", 'core/x.ts'],
    ["import { openDatabase } from '../db/client';\nexport const o = openDatabase;\n", 'core/x.ts'],
    ["import { app } from 'electron';\nexport const a = app;\n", 'electron/x.ts'],
    ["import { sql } from 'drizzle-orm';\nexport const s = sql;\n", 'db/x.ts'],
    ["import Database from 'better-sqlite3';\nexport const d = Database;\n", 'tests/x.ts'],
  ])('allows %j in %s', async (code, file) => {
    expect(await ruleIds(code, file)).toEqual([]);
  });
});

describe('SQL only under db/', () => {
  it.each([
    ["export const q = 'SELECT 1';\n", 'core/services/x.ts'],
    ['export const q = `insert into sales (id) values (${1})`;\n', 'core/services/x.ts'],
    ["import Database from 'better-sqlite3';\nexport const d = Database;\n", 'core/services/x.ts'],
    ['export const n = (db: { prepare(s: string): unknown }, s: string) => db.prepare(s);\n', 'core/x.ts'],
    [
      'export const n = (db: { sqlite: { exec(s: string): void } }, s: string) => db.sqlite.exec(s);\n',
      'core/x.ts',
    ],
    [
      'export const n = (db: { pragma(s: string): unknown }) => db.pragma("user_version");\n',
      'electron/x.ts',
    ],
  ])('rejects %j in %s', async (code, file) => {
    expect(await ruleIds(code, file)).toContain(SQL);
  });

  it.each([
    ["export const q = 'SELECT 1';\n", 'db/repositories/x.ts'],
    ["export const q = 'SELECT 1';\n", 'tests/db/x.test.ts'],
    ["export const tag = 'SELECT';\nexport const label = 'Delete a draft';\n", 'renderer/src/x.ts'],
    ["export const label = 'With manager override';\n", 'shared/i18n/x.ts'],
    ['export const m = (s: string) => /^(\\d+)$/.exec(s);\n', 'core/x.ts'],
  ])('allows %j in %s', async (code, file) => {
    expect(await ruleIds(code, file)).not.toContain(SQL);
  });
});
