// Chinese labels for what bpmn-js lets translate: palette, context pad, replace menu, search,
// lint overlays and badge, and the properties panel's groups and fields (zh/properties-panel.ts).
import { PROPERTIES_PANEL_ZH } from './zh/properties-panel.js';

const ZH: Record<string, string> = {
  ...PROPERTIES_PANEL_ZH,
  'Activate hand tool': '抓手工具', 'Activate lasso tool': '套索工具', 'Activate create/remove space tool': '插入/删除空间',
  'Activate global connect tool': '连线工具', 'Create start event': '开始事件', 'Create intermediate/boundary event': '中间/边界事件',
  'Create end event': '结束事件', 'Create gateway': '网关', 'Create task': '任务', 'Create expanded sub-process': '展开的子流程',
  'Create data object reference': '数据对象', 'Create data store reference': '数据存储', 'Create pool/participant': '池/参与者',
  'Create group': '分组', 'Append end event': '追加结束事件', 'Append gateway': '追加网关', 'Append task': '追加任务',
  'Append intermediate/boundary event': '追加中间事件', 'Append element': '追加元素', 'Change element': '更改类型', 'Change type': '更改类型',
  'Delete': '删除', 'Connect using sequence/message flow or association': '连线 (顺序流)', 'Connect to other element': '连接到其他元素',
  'Connect using association': '关联', 'Add text annotation': '添加注释', 'Append text annotation': '追加注释',
  'Task': '任务', 'Service task': '服务任务', 'User task': '人工任务', 'Send task': '发送任务', 'Receive task': '接收任务',
  'Manual task': '手工任务', 'Business rule task': '业务规则任务', 'Script task': '脚本任务 (不允许)', 'Call activity': '调用活动',
  'Sub-process (collapsed)': '子流程 (折叠)', 'Sub-process (expanded)': '子流程 (展开)', 'Start event': '开始事件', 'End event': '结束事件',
  'Exclusive gateway': '排他网关', 'Parallel gateway': '并行网关', 'Inclusive gateway': '包容网关', 'Event-based gateway': '事件网关',
  'Complex gateway': '复杂网关', 'Intermediate throw event': '中间抛出事件', 'Message intermediate catch event': '消息中间捕获事件',
  'Timer intermediate catch event': '定时中间捕获事件', 'Message boundary event': '消息边界事件', 'Timer boundary event': '定时边界事件',
  'Error boundary event': '错误边界事件', 'Message start event': '消息开始事件', 'Timer start event': '定时开始事件',
  'Terminate end event': '终止结束事件', 'Error end event': '错误结束事件', 'Sequence flow': '顺序流', 'Default flow': '默认流',
  'Conditional flow': '条件流', 'Search in diagram': '在图中搜索', 'Search': '搜索',
  'Toggle linting overlays': '显示/隐藏检查结果', 'Issues for child elements': '子元素的问题',
  'General': '常规', 'Name': '名称', 'ID': 'ID', 'Documentation': '说明', 'Element documentation': '元素说明', 'Process documentation': '流程说明',
  'Implementation': '实现', 'Type': '类型', 'Topic': '主题 (topic)', 'External': '外部任务', 'Inputs': '输入', 'Outputs': '输出',
  'Input mapping': '输入映射', 'Output mapping': '输出映射', 'Local variable name': '局部变量名', 'Assignment type': '赋值类型',
  'User assignment': '办理人', 'Assignee': '办理人', 'Candidate groups': '候选组 (科室)', 'Candidate users': '候选用户',
  'Due date': '到期时间', 'Follow up date': '跟进时间', 'Priority': '优先级', 'Form': '表单', 'Forms': '表单', 'Form reference': '表单引用 (formRef)',
  'Binding': '绑定', 'Version': '版本', 'Version tag': '版本标签', 'Template': '模板', 'Select': '选择', 'Unlink': '解除关联', 'Remove': '移除',
  'Update': '更新', 'Called element': '被调用的流程', 'In mappings': '传入变量', 'Out mappings': '传出变量', 'Business key': '业务键',
  'Execution listeners': '执行监听器', 'Task listeners': '任务监听器', 'Extension properties': '扩展属性', 'Field injections': '字段注入',
  'Asynchronous continuations': '异步', 'Before': '之前', 'After': '之后', 'Exclusive': '排他', 'Job execution': '作业执行',
  'History cleanup': '历史清理', 'Time to live': '保留期限', 'Condition': '条件', 'Condition expression': '条件表达式', 'Timer': '计时器',
  'Message': '消息', 'Error': '错误', 'Process': '流程', 'Executable': '可执行', 'Multi-instance': '多实例', 'Startable': '可在 Tasklist 启动',
  'Element must have an unique ID.': '元素必须有唯一的 ID。', 'ID must be unique.': 'ID 必须唯一。', 'ID must not be empty.': 'ID 不能为空。',
  'ID must not contain spaces.': 'ID 不能包含空格。', 'ID must be a valid QName.': 'ID 必须是合法的 QName。', 'Create': '新建', 'Details': '详情',
  'Open minimap': '打开缩略图', 'Close minimap': '关闭缩略图', 'No Issues': '没有问题', 'Custom properties': '自定义属性',
  'Select element template': '选择元素模板', 'Search element templates': '搜索元素模板',
};

export function translate(template: string, replacements: Record<string, string> = {}): string {
  return (ZH[template] ?? template).replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`);
}

export const translateModule = { translate: ['value', translate] };
