// shenpi: replaces Camunda 7.24's own tasklist/scripts/config.js. Every setting not named here
// keeps the 7.24 default; `shortcuts` is copied from 7.24's file because the app reads it only here.
import { localesConfig } from '../../shenpi/locale.js';

export default {
  app: {
    name: '任务列表',
    vendor: '审批系统'
  },
  locales: localesConfig(),

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
