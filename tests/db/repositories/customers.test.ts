import { afterEach, describe, expect, it } from 'vitest';
import {
  fillEmptyCustomerName,
  findCustomerByPhone,
  insertCustomer,
} from '../../../db/repositories/customers/customers';
import { likePrefix, normalisePhone, phoneRev } from '../../../db/repositories/customers/phone';
import { searchSales } from '../../../db/repositories/sales/search-sales';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';

let f: CoreFixture | null = null;
afterEach(() => {
  f?.close();
  f = null;
});

describe('customers: one home for phones', () => {
  it('normalises, reverses and escapes the way the counter searches', () => {
    expect(normalisePhone('+86 139-1234-5678')).toBe('8613912345678');
    expect(phoneRev('139-1234-5678')).toBe('87654321931');
    expect(likePrefix('a%b_c\\')).toBe('a\\%b\\_c\\\\%');
  });

  it('stores the reversed phone, finds by exact phone (oldest first) and fills only an empty name', () => {
    f = makeCore();
    const { db, now } = f.core.ctx;
    const first = insertCustomer(db, '', '13912345678', now());
    insertCustomer(db, '王芳', '13912345678', now());
    insertCustomer(db, '无电话', null, now());
    expect(findCustomerByPhone(db, '13912345678')).toEqual({ id: first, name: '', phone: '13912345678' });
    expect(findCustomerByPhone(db, '5678')).toBeNull();
    fillEmptyCustomerName(db, first, '李雷');
    fillEmptyCustomerName(db, first, '韩梅梅');
    expect(findCustomerByPhone(db, '13912345678')?.name).toBe('李雷');
    expect(db.sqlite.prepare('SELECT phone_rev AS rev FROM customers WHERE id = ?').get(first)).toEqual({
      rev: '87654321931',
    });
    expect(db.sqlite.prepare(`SELECT phone_rev AS rev FROM customers WHERE name = '无电话'`).get()).toEqual({
      rev: null,
    });
  });

  it('a typed wildcard in a name search matches itself only', () => {
    f = makeCore();
    const { db, storeId } = f.core.ctx;
    expect(searchSales(db, storeId, { name: '%', limit: 5 })).toEqual([]);
    expect(searchSales(db, storeId, { phone: '_', limit: 5 })).toEqual([]);
  });
});
