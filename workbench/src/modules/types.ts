// A 工作台 module: its pages and its menu entries. Each module is a folder under `modules/`
// with a `module.ts` exporting `module`; the router and the menu pick them up by themselves.
import type { RouteRecordRaw } from 'vue-router';
import type { User } from '../session';

export interface NavEntry {
  to: string;
  label: string;
  /** Menu order: lower comes first. */
  order: number;
  /** Shown to this user? (The server checks again: the menu is only a convenience.) */
  visible?: (user: User) => boolean;
}

export interface WorkbenchModule {
  routes: RouteRecordRaw[];
  nav: NavEntry[];
}

export const inGroup = (...groups: string[]) => (user: User): boolean => groups.some((group) => user.groups.includes(group));
