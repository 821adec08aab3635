import { createRouter, createWebHashHistory } from 'vue-router';
import { modules } from './modules';
import { session } from './session';
import LoginView from './views/LoginView.vue';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: LoginView, meta: { public: true } },
    ...modules.flatMap((module) => module.routes),
  ],
});

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  if (!(await session.restore())) return { path: '/login', query: { next: to.fullPath } };
  return true;
});
