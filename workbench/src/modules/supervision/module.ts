// 电子监察: on-time rates, cards, working days against the limits, for 局领导, 督查室 and 科长 (their section).
import '../cases/contrast.css';
import { inGroup, type WorkbenchModule } from '../types';
import SupervisionView from './SupervisionView.vue';

export const module: WorkbenchModule = {
  routes: [{ path: '/supervision', component: SupervisionView }],
  nav: [{ to: '/supervision', label: '电子监察', order: 40, visible: inGroup('leaders', 'supervisors', 'sectionHeads', 'camunda-admin') }],
};
