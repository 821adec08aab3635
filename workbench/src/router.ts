import { createRouter, createWebHashHistory } from 'vue-router';
import { session } from './session';
import DeskView from './views/DeskView.vue';
import LoginView from './views/LoginView.vue';
import TaskView from './views/TaskView.vue';
import TodoView from './views/TodoView.vue';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: LoginView, meta: { public: true } },
    { path: '/', component: TodoView },
    { path: '/tasks/:id', component: TaskView, props: true },
    { path: '/desk', component: DeskView },
  ],
});

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  if (!(await session.restore())) return { path: '/login', query: { next: to.fullPath } };
  return true;
});
