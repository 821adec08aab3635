// The counter's day: 待办, a task, 一窗受理.
import { inGroup, type WorkbenchModule } from '../types';
import DeskView from './DeskView.vue';
import DoneView from './DoneView.vue';
import TaskView from './TaskView.vue';
import TodoView from './TodoView.vue';

export const module: WorkbenchModule = {
  routes: [
    { path: '/', component: TodoView },
    { path: '/tasks/:id', component: TaskView, props: true },
    { path: '/desk', component: DeskView },
    { path: '/done/:receiptNumber', component: DoneView, props: true },
  ],
  nav: [
    { to: '/', label: '待办', order: 10 },
    { to: '/desk', label: '一窗受理', order: 20, visible: inGroup('window') },
  ],
};
