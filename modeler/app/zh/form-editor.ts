// form-js editor 1.10 (the version the 7.24 Tasklist renders) has no translation service: its
// palette, properties panel and messages are English literals. These are their Chinese words,
// put in place on the page by ../form-editor-zh.ts; test/modeler/translations.spec.ts reads the
// editor's sources and fails on a palette entry, group or field label left out.
export const FORM_EDITOR_ZH: Record<string, string> = {
  // palette
  'Components': '组件', 'Search components': '搜索组件', 'No components found.': '没有找到组件。', 'Input': '输入', 'Selection': '选择',
  'Presentation': '展示', 'Containers': '容器', 'Action': '操作',
  'Text field': '文本框', 'Text area': '多行文本', 'Number': '数字', 'Date time': '日期时间', 'Checkbox': '复选框', 'Checkbox group': '复选框组',
  'Radio group': '单选组', 'Select': '下拉选择', 'Tag list': '标签列表', 'Text view': '文本', 'Image view': '图片', 'Table': '表格',
  'HTML view': 'HTML (不允许)', 'Spacer': '空白', 'Separator': '分隔线', 'Group': '分组', 'Dynamic list': '动态列表', 'iFrame': '内嵌页面 (iFrame)',
  'Button': '按钮', 'Expression': '表达式', 'Date': '日期', 'Filepicker': '文件选择',
  // canvas
  'Build your form': '设计表单', 'Drag and drop components here to start designing.': '将组件拖到这里开始设计。',
  'Use the preview window to test your form.': '在预览中试填表单。', 'Drag and drop components here.': '将组件拖到这里。',
  'Remove form field': '删除表单字段', 'Drop is not a valid target': '不能放在这里', 'Drop not allowed by path registry': '路径冲突, 不能放在这里',
  'Opened in editor': '已在编辑器中打开', 'Open pop-up editor': '在弹出窗口中编辑', 'Repeatable': '可重复',
  // properties panel: groups
  'General': '常规', 'Condition': '条件', 'Layout': '布局', 'Appearance': '外观', 'Serialization': '序列化', 'Constraints': '约束',
  'Validation': '校验', 'Options source': '选项来源', 'Custom properties': '自定义属性', 'Security attributes': '安全属性',
  'Headers source': '表头来源', 'Pagination': '分页', 'Content': '内容', 'Static options': '固定选项', 'Dynamic options': '动态选项',
  'Options expression': '选项表达式', 'Input values key': '输入变量键', 'Header items': '表头项', 'Columns': '列', 'Column': '列',
  'Column 1': '第 1 列', 'Column 2': '第 2 列', 'Column 3': '第 3 列', 'Form': '表单', 'Title': '标题',
  // properties panel: fields
  'Field label': '字段标签', 'Group label': '分组标签', 'Table label': '表格标签', 'Field description': '字段说明', 'Key': '键 (变量名)',
  'ID': 'ID', 'Label': '标签', 'Value': '值', 'Default value': '默认值', 'Disabled': '禁用', 'Read only': '只读', 'Required': '必填',
  'Minimum length': '最小长度', 'Maximum length': '最大长度', 'Minimum': '最小值', 'Maximum': '最大值', 'Validation pattern': '校验规则',
  'Custom regular expression': '自定义正则表达式', 'Custom': '自定义', 'Email': '电子邮箱', 'Phone': '电话号码', 'Text': '文本',
  'Type': '类型', 'Subtype': '子类型', 'Date label': '日期标签', 'Time label': '时间标签', 'Time format': '时间格式', 'Time interval': '时间间隔',
  'Use 24h': '24 小时制', 'Disallow past dates': '不允许过去的日期', 'Decimal digits': '小数位数', 'Increment': '步长', 'Prefix': '前缀',
  'Suffix': '后缀', 'Output as string': '以字符串输出', 'Searchable': '可搜索', 'Checked': '勾选', 'Not checked': '未勾选', 'Hide if': '隐藏条件',
  'Deactivate if': '停用条件', 'Compute on': '计算时机', 'Value changes': '值变化时', 'Form submission': '提交表单时', 'Target value': '目标值',
  'Alternative text': '替代文本', 'Image source': '图片地址', 'URL': '网址 (URL)', 'Height': '高度', 'Path': '路径', 'Data source': '数据来源',
  'Number of rows per page': '每页行数', 'Show outline': '显示边框', 'Vertical alignment': '垂直对齐', 'Top': '顶部', 'Center': '居中',
  'Bottom': '底部', 'Auto': '自动', 'Allow add/delete items': '允许增删项', 'Default number of items': '默认项数', 'Disable collapse': '不可折叠',
  'Number of non-collapsing items': '不折叠的项数', 'List of items': '项列表', 'Version tag': '版本标签', 'Submit': '提交', 'Reset': '重置',
  '<none>': '<无>', 'Learn more': '了解更多', 'Open documentation': '打开文档', 'Toggle section': '展开/折叠',
  'Section contains an error': '此部分有错误', 'Section contains data': '此部分已填写', 'Clear content': '清除内容',
  // properties panel: help and checks
  'Binds to a form variable': '绑定到表单变量', 'Define an expression to calculate the value of this field': '用表达式计算此字段的值',
  'Define an expression to populate the options from.': '用表达式生成选项。', 'Define which input property to populate the values from': '从哪个输入变量生成取值',
  'Expression or static value (link/data URI)': '表达式或固定值 (链接或 data URI)', 'Height of the container in pixels.': '容器高度 (像素)。',
  'Where the child variables of this component are pathed to.': '此组件的子变量存放的路径。', 'Descriptive text for screen reader accessibility.': '供读屏软件朗读的说明文字。',
  'Field cannot be edited by the end-user, and the data is not submitted. Takes precedence over read only.': '用户不能编辑, 也不提交其数据; 优先于只读。',
  'Field cannot be edited by the end-user, but the data will still be submitted.': '用户不能编辑, 但仍提交其数据。',
  'Must be unique.': '必须唯一。', 'Must not be empty.': '不能为空。', 'Must not be empty': '不能为空', 'Must not contain spaces.': '不能包含空格。',
  'Must be a valid QName.': '必须是合法的 QName。', 'Must be a variable or a dot separated path.': '必须是变量名或以点分隔的路径。',
  'Must not contain numerical path segments.': '路径中不能有纯数字的部分。', 'Must not be a prohibited path.': '不能使用保留的路径。',
  'Must not cause two binding paths to collide': '不能与其他字段的绑定路径冲突', 'Must not contain prefix.': '不能包含前缀。',
  'Should be a valid number': '应为有效数字', 'Should be a valid number.': '应为有效数字。', 'Should be an integer.': '应为整数。',
  'Should be greater than zero.': '应大于零。', 'Should be greater than or equal to zero.': '应大于或等于零。', 'A number is required.': '请输入数字。',
  'Must be number': '必须是数字', 'Name': '名称',
  // the iframe's security attributes
  'Allow same origin': '允许同源', 'Camera access': '访问摄像头', 'Forms submission': '提交表单', 'Geolocation': '获取位置',
  'Microphone access': '访问麦克风', 'Open in fullscreen': '全屏打开', 'Open modal windows': '打开模态窗口', 'Open popups': '打开弹出窗口',
  'Script execution': '执行脚本', 'Storage access by user': '访问存储', 'Top level navigation': '顶层页面跳转',
};
