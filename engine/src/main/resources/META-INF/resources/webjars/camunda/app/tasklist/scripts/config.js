// shenpi: replaces Camunda 7.24's own tasklist/scripts/config.js. Every setting not named here
// keeps the 7.24 default; `shortcuts` is copied from 7.24's file because the app reads it only here.
import { localesConfig } from '../../shenpi/locale.js';
// names family name first (张敏), as Chinese names are written
import '../../shenpi/chinese-names.js';

// 期限近的在前: a clerk's list is sorted by due date. The Tasklist keeps its sorting in the
// address (`sorting=`) and falls back to "newest first": that fallback becomes "due date
// first"; any other order the clerk chooses is kept.
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);
const CAMUNDA_DEFAULT = JSON.stringify([{ sortBy: 'created', sortOrder: 'desc' }]);
function sortByDueDate() {
  const hash = window.location.hash || '#/';
  const [route, query = ''] = hash.slice(1).split('?');
  if (route.startsWith('/login')) return;
  const params = new URLSearchParams(query);
  const current = params.get('sorting');
  // only once the app has written its own default: never while it is still routing
  if (current !== CAMUNDA_DEFAULT) return;
  params.set('sorting', DUE_DATE_FIRST);
  // a hash-only replace: no reload, no extra history entry, and the app sees the change
  window.location.replace(`${window.location.pathname}${window.location.search}#${route || '/'}?${params}`);
}
// after the app has started: it writes its default sorting into the address, which we then change
window.addEventListener('hashchange', sortByDueDate);

export default {
  app: {
    name: '任务列表',
    vendor: '审批系统'
  },
  locales: localesConfig(),
  // a comment on a task belongs to the case too: Cockpit and the history show it
  assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到筛选器列表的第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
