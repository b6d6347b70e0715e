/** The demo store's staff, one or more of each role, with PINs printed on the sign-in screen. */
import type { Role } from '../../shared/contract/permissions';

export interface DemoStaff {
  code: string;
  name: string;
  role: Role;
  pin: string;
  badge: string;
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  { code: '1001', name: '小王', role: 'clerk', pin: '1111', badge: 'CDB-D1001WANG' },
  { code: '1002', name: '小李', role: 'clerk', pin: '1212', badge: 'CDB-D1002LI' },
  { code: '2001', name: '老陈', role: 'technician', pin: '2222', badge: 'CDB-D2001CHEN' },
  { code: '3001', name: '小赵', role: 'inspector', pin: '3333', badge: 'CDB-D3001ZHAO' },
  { code: '9001', name: '张店长', role: 'manager', pin: '909090', badge: 'CDB-D9001ZHANG' },
  { code: '9999', name: '系统管理员', role: 'admin', pin: '888888', badge: 'CDB-D9999ADMIN' },
];
