// 办件查询 and 办件轨迹: find a case by 受理编号, 申请人 or 事项, and read it as a person does.
import './contrast.css';
import type { WorkbenchModule } from '../types';
import CaseSearchView from './CaseSearchView.vue';
import CaseView from './CaseView.vue';

export const module: WorkbenchModule = {
  routes: [
    { path: '/cases', component: CaseSearchView },
    { path: '/cases/:receiptNumber', component: CaseView, props: true },
  ],
  // who may read which case the server decides (办件轨迹: the sections in the case, the window, leaders …)
  nav: [{ to: '/cases', label: '办件查询', order: 30 }],
};
