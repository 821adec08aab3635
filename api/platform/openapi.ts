// The OpenAPI 3.1 description of the platform API, built from the same JSON Schemas the workers
// check applications with (catalogue/schema), so the document cannot drift from the checks.
// Served at /api/openapi.json; the tests validate real answers against it.
import { COMPLAINT_FIELDS } from '../../lib/complaints/rules.js';
import type { Config } from '../../lib/config.js';
import { applicationSchema, bundleApplicationSchema, CATALOGUE_KEY_PATTERN } from '../../lib/platform/intake.js';
import { ISO_DATE } from '../../lib/calendar/work-calendar.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const nullable = (type: string, extra: object = {}) => ({ type: [type, 'null'], ...extra });
const date = { type: 'string', pattern: ISO_DATE.source };

/** Answers every operation shares: the one error shape, with every problem listed. */
const COMMON_ERRORS = {
  400: json(ref('Error'), '请求格式错误 (JSON 无效、缺少 Idempotency-Key、结构过深、控制字符等)'),
  401: json(ref('Error'), '缺少或无效的 API 密钥'),
  429: { ...json(ref('Error'), '超过该平台的调用限额'), headers: { 'Retry-After': { description: '等待的秒数', schema: { type: 'integer', minimum: 1 } } } },
};

const receiptNumber = { name: 'receiptNumber', in: 'path', required: true, schema: { type: 'string', pattern: '^SP\\d{14}$' } };
const idempotencyKey = { $ref: '#/components/parameters/IdempotencyKey' };
const jsonBody = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
/** the applicant's proof, as for the progress query: the applicant's code or the phone given in the application */
const PROOF = { applicantCode: { type: 'string', minLength: 1, maxLength: 40 }, phone: { type: 'string', minLength: 1, maxLength: 20 } };

/** 网上申请: 提交事项或一件事的申请 */
function applicationPaths(limits: Config['platformApi']): Record<string, unknown> {
  return {
    '/api/v1/applications': {
      post: {
        tags: ['网上申请'],
        operationId: 'submitApplication',
        summary: '提交事项或一件事的申请 (可带附件)',
        description: `application/json, 或 multipart/form-data: 表单项 submission 为申请 JSON, 每个附件一个表单项, 其名称为材料编码。附件每个不超过 ${limits.maxAttachmentBytes} 字节, 至多 ${limits.maxAttachments} 个, 类型 ${limits.attachmentTypes.join(', ')} (按文件内容识别)。材料齐全 (或仅缺可容缺的材料、或已签署告知承诺) 即立案并返回受理编号; 否则 422 一次性告知全部问题, 不立案、不保存。 免提交: 可由电子证照代替的材料 (如营业执照), 申请人在本系统持有有效证照的可不提交, 或以 licenceNumber 指明证照; 一件事中先办事项颁发的证照不需提交。新设立企业申请企业开办一件事时不填 creditCode (由设立登记赋码), 申请人名称即申报的企业名称。`,
        parameters: [idempotencyKey],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: ref('Submission') },
            'multipart/form-data': { schema: { type: 'object', required: ['submission'], properties: { submission: { type: 'string', description: 'Submission 的 JSON 文本' } }, additionalProperties: { type: 'string', format: 'binary', description: '附件, 表单项名为材料编码' } } },
          },
        },
        responses: {
          201: { ...json(ref('Receipt'), '已立案, 返回受理编号'), headers: { Location: { description: '办件查询地址', schema: { type: 'string' } } } },
          ...COMMON_ERRORS,
          413: json(ref('Error'), '请求体或附件过大, 或附件过多'),
          415: json(ref('Error'), '请求体类型或附件类型不被接受'),
          422: json({ oneOf: [ref('Deficiency'), ref('Error')] }, '一次性告知 (application-deficient: 材料不齐全或不符合法定形式), 清单之外的事项、字段错误 (invalid-application), 或 Idempotency-Key 已用于不同的请求'),
          503: json(ref('Error'), '审批引擎暂时不可用, 未保存任何内容, 可原样重试'),
        },
      },
    },
  };
}

/** 办件查询: 进度、文书、补正、撤回, 凭申请人的证明 */
function casePaths(): Record<string, unknown> {
  return {
    '/api/v1/cases/{receiptNumber}/progress': {
      post: {
        tags: ['办件查询'],
        operationId: 'queryProgress',
        summary: '办件查询: 凭受理编号和申请人证件号码或联系电话',
        description: '以 POST 提交证件号码或电话, 使其不出现在 URL、访问日志和浏览器历史中; 查询不改变任何数据, 不需要 Idempotency-Key。受理编号不存在与证件号码 / 电话不符的答复完全相同 (404); 同一受理编号的失败查询有次数限制。',
        parameters: [receiptNumber],
        requestBody: jsonBody(ref('ProgressQuery')),
        responses: { 200: json(ref('Progress'), '办件进度'), ...COMMON_ERRORS, 404: json(ref('Error'), '没有找到 (受理编号不存在, 或证件号码 / 电话不符)'), 422: json(ref('Error'), '查询条件不完整') },
      },
    },
    '/api/v1/cases/{receiptNumber}/documents/{documentId}': {
      post: {
        tags: ['办件查询'],
        operationId: 'downloadDocument',
        summary: '下载文书 PDF: 凭受理编号和申请人证件号码或联系电话 (与办件查询相同)',
        description: '文书编号 documentId 见办件查询答复的 documents。证明以 POST 提交, 不出现在 URL 中; 不符与不存在的答复相同 (404)。答复头 X-Document-Sha256 为 PDF 的 SHA-256。',
        parameters: [receiptNumber, { name: 'documentId', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        requestBody: jsonBody(ref('ProgressQuery')),
        responses: { 200: { description: '文书 PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, ...COMMON_ERRORS, 404: json(ref('Error'), '没有找到 (受理编号或文书不存在, 或证件号码 / 电话不符)'), 422: json(ref('Error'), '查询条件不完整') },
      },
    },
    '/api/v1/cases/{receiptNumber}/resubmission': {
      post: {
        tags: ['办件查询'],
        operationId: 'resubmitApplication',
        summary: '补正: 一次性告知后提交补正后的完整申请, 同一办件、同一受理编号继续办理',
        description: '凭申请人证件号码 applicantCode 或联系电话 phone 之一 (同办件查询)。补正后的申请按办件受理时的事项清单版本校验: 仍有问题的, 422 一次列出全部问题, 办件不变; 齐全的, 办件回到受理审核, 重新计算 5 个工作日的受理期限。',
        parameters: [receiptNumber, idempotencyKey],
        requestBody: jsonBody({ type: 'object', required: ['application'], additionalProperties: false, properties: { application: ref('Application'), ...PROOF } }),
        responses: {
          202: json({ type: 'object', required: ['outcome', 'receiptNumber', 'receivedOn', 'acceptancePath', 'progress'], properties: { outcome: { const: 'received' }, receiptNumber: { type: 'string' }, receivedOn: { type: 'string', format: 'date' }, acceptancePath: { type: 'string' }, progress: { type: 'string' } } }, '已收到补正, 窗口将重新审核受理'),
          ...COMMON_ERRORS,
          404: json(ref('Error'), '没有找到 (受理编号不存在, 或证件号码 / 电话不符)'),
          409: json(ref('Error'), '办件不在补正期内 (not-waiting)'),
          422: json({ oneOf: [ref('Deficiency'), ref('Error')] }, '补正后仍不齐全 (application-deficient, 列出全部问题), 查询条件不完整, 或 Idempotency-Key 已用于不同的请求'),
        },
      },
    },
    '/api/v1/cases/{receiptNumber}/withdrawal': {
      post: {
        tags: ['办件查询'],
        operationId: 'withdrawApplication',
        summary: '撤回: 作出决定前撤回申请, 办件以「已撤回」终止',
        description: '凭申请人证件号码 applicantCode 或联系电话 phone 之一 (同办件查询), 须说明理由。已作出决定或已办结的不能撤回 (409)。',
        parameters: [receiptNumber, idempotencyKey],
        requestBody: jsonBody({ type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', minLength: 2, maxLength: 500 }, ...PROOF } }),
        responses: {
          202: json({ type: 'object', required: ['receiptNumber', 'status'], properties: { receiptNumber: { type: 'string' }, status: { const: '已撤回' } } }, '已撤回'),
          ...COMMON_ERRORS,
          404: json(ref('Error'), '没有找到 (受理编号不存在, 或证件号码 / 电话不符)'),
          409: json(ref('Error'), '已作出决定或已办结, 不能撤回 (already-decided)'),
          422: json(ref('Error'), '查询条件不完整, 或 Idempotency-Key 已用于不同的请求'),
        },
      },
    },
  };
}

/** 好差评: 评价与申诉 */
function ratingPaths(): Record<string, unknown> {
  return {
    '/api/v1/cases/{receiptNumber}/ratings': {
      post: {
        tags: ['好差评'],
        operationId: 'rateCase',
        summary: '评价已办结的办件 (5 级, 差评须填写意见)',
        description: '每个办件评价一次: 重复提交返回首次的评价 (200, replayed)。不满意、非常不满意为差评, 启动差评核实整改流程; 实名差评须回访。实名评价须提供申请人证件号码 applicantCode, 与办件申请人一致。',
        parameters: [receiptNumber, idempotencyKey],
        requestBody: jsonBody(ref('RatingRequest')),
        responses: { 201: json(ref('Rating'), '已评价'), 200: json(ref('Rating'), '该办件已评价过: 返回首次的评价'), ...COMMON_ERRORS, 404: json(ref('Error'), '没有找到该办件'), 409: json(ref('Error'), '办件尚未办结, 不能评价'), 422: json(ref('Error'), 'Idempotency-Key 已用于不同的请求') },
      },
    },
    '/api/v1/cases/{receiptNumber}/ratings/appeal': {
      post: {
        tags: ['好差评'],
        operationId: 'appealRating',
        summary: '申诉: 误评的差评, 在办理科室核实前提出',
        parameters: [receiptNumber, idempotencyKey],
        requestBody: jsonBody({ type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', minLength: 2, maxLength: 500 }, appellant: { type: 'string', maxLength: 50 } } }),
        responses: { 202: json({ type: 'object', required: ['ratingId', 'status', 'replayed'], properties: { ratingId: { type: 'integer' }, status: { type: 'string' }, replayed: { type: 'boolean' } } }, '申诉已提交, 待好差评管理部门审核'), ...COMMON_ERRORS, 404: json(ref('Error'), '没有找到该办件或其评价'), 409: json(ref('Error'), '已核实, 不能再申诉'), 422: json(ref('Error'), 'Idempotency-Key 已用于不同的请求') },
      },
    },
  };
}

/** 政务失信投诉 (12345 平台转来) */
function complaintPaths(): Record<string, unknown> {
  return {
    '/api/v1/complaints': {
      post: {
        tags: ['政务失信投诉'],
        operationId: 'fileComplaint',
        summary: '12345 平台转来的政务失信投诉',
        description: '以 12345 工单号 externalId 为准: 同一工单重复转来返回首次登记的投诉 (200, replayed)。登记后进入诚信建设投诉窗口初审。',
        parameters: [idempotencyKey],
        requestBody: jsonBody(ref('ComplaintRequest')),
        responses: { 201: json(ref('Complaint'), '已登记'), 200: json(ref('Complaint'), '该工单已登记过'), ...COMMON_ERRORS, 422: json(ref('Error'), 'Idempotency-Key 已用于不同的请求') },
      },
    },
  };
}

/** 事项: 清单与申请的 JSON Schema */
function itemPaths(): Record<string, unknown> {
  return {
    '/api/v1/items': {
      get: {
        tags: ['事项'],
        operationId: 'listItems',
        summary: '可网上申请的事项及其申请材料',
        responses: { 200: json({ type: 'array', items: ref('ItemSummary') }, '实施中的事项'), ...COMMON_ERRORS },
      },
    },
    '/api/v1/items/{itemKey}/application-schema': {
      get: {
        tags: ['事项'],
        operationId: 'applicationSchema',
        summary: '该事项申请 (application) 的 JSON Schema: 与审批系统校验所用的完全相同',
        parameters: [{ name: 'itemKey', in: 'path', required: true, schema: { type: 'string', pattern: CATALOGUE_KEY_PATTERN } }],
        responses: { 200: json({ type: 'object' }, 'JSON Schema (draft-07)'), ...COMMON_ERRORS, 404: json(ref('Error'), '事项不在清单中') },
      },
    },
  };
}

/** what shenpi POSTs to a platform's registered callback (lib/notices/callback.ts) */
function webhooks(): Record<string, unknown> {
  return {
    applicantNotice: {
      post: {
        tags: ['办件查询'],
        operationId: 'applicantNotice',
        summary: '办件通知回调: 平台登记了回调地址的, 其提交的办件每有申请人须知的事项 (受理、一次性告知、容缺与承诺期限及提醒、延期、特别程序、决定、出件、撤回) 即推送一次',
        description: '每条通知只推送一次 (Idempotency-Key 为通知的键的 SHA-256, 重试时不变), 以平台的回调签名密钥签名 (x-shenpi-signature, 每次推送重新签名); 平台以 2xx 确认, 否则按递增间隔重试。通知不含身份证号码或手机号码; 文书可凭申请人证明经 /api/v1/cases/{receiptNumber}/documents/{documentId} 下载。',
        parameters: [
          { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
          // lib/notices/signature.ts; how to check it: docs/platform-api.md
          { name: 'x-shenpi-timestamp', in: 'header', required: true, description: '签名时间 (Unix 秒); 与当前时间相差超过 5 分钟的应拒收', schema: { type: 'string', pattern: '^[0-9]+$' } },
          { name: 'x-shenpi-signature', in: 'header', required: true, description: 'v1=<HMAC-SHA256(回调签名密钥, "<x-shenpi-timestamp>.<原始请求体>") 的十六进制>', schema: { type: 'string', pattern: '^v1=[0-9a-f]{64}$' } },
        ],
        requestBody: jsonBody(ref('Notice')),
        responses: { 200: { description: '已收到 (任何 2xx)' } },
      },
    },
  };
}

/** the one error shape, and the deficiency notice (一次性告知) */
function errorSchemas(): Record<string, unknown> {
  return {
    Problem: {
      type: 'object', required: ['field', 'rule', 'message'], additionalProperties: false,
      properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' }, material: { type: 'string' }, deferrable: { type: 'boolean' } },
    },
    Error: {
      type: 'object', required: ['error', 'message', 'problems'], additionalProperties: false,
      properties: { error: { type: 'string' }, message: { type: 'string' }, problems: { type: 'array', minItems: 1, items: ref('Problem') } },
    },
    Deficiency: {
      type: 'object', required: ['error', 'message', 'problems', 'name', 'notice'], additionalProperties: false,
      properties: { error: { const: 'application-deficient' }, message: { type: 'string' }, name: { type: 'string' }, notice: { type: 'string', description: '一次性告知书' }, problems: { type: 'array', minItems: 1, items: ref('Problem') } },
    },
  };
}

/** what a platform submits and the receipt it gets */
function submissionSchemas(common: object): Record<string, unknown> {
  return {
    Application: common,
    BundleApplication: bundleApplicationSchema(),
    Submission: {
      type: 'object', required: ['application'], additionalProperties: false,
      description: '单个事项: itemKey + Application; 一件事: bundleKey + BundleApplication。',
      properties: {
        itemKey: { type: 'string', pattern: CATALOGUE_KEY_PATTERN },
        bundleKey: { type: 'string', pattern: CATALOGUE_KEY_PATTERN },
        application: { oneOf: [ref('Application'), ref('BundleApplication')] },
      },
    },
    PendingMaterial: {
      type: 'object', required: ['code', 'name', 'form', 'copies'], additionalProperties: false,
      properties: { code: { type: 'string' }, name: { type: 'string' }, form: { type: 'string' }, copies: { type: 'integer' } },
    },
    Receipt: {
      type: 'object', additionalProperties: false,
      required: ['status', 'receiptNumber', 'kind', 'catalogueKey', 'name', 'receivedOn', 'acceptancePath', 'pendingMaterials', 'items', 'attachments', 'nextStep', 'progress'],
      properties: {
        status: { const: 'received' },
        receiptNumber: { type: 'string', pattern: '^SP\\d{14}$' },
        kind: { enum: ['item', 'bundle'] },
        catalogueKey: { type: 'string' },
        name: { type: 'string' },
        receivedOn: date,
        acceptancePath: { enum: ['complete', 'deferral', 'commitment'] },
        pendingMaterials: { type: 'array', items: ref('PendingMaterial') },
        items: { type: 'array', items: { type: 'string' } },
        attachments: {
          type: 'array',
          items: { type: 'object', required: ['material', 'filename', 'fileType', 'sizeBytes', 'sha256'], additionalProperties: false, properties: { material: { type: 'string' }, filename: { type: 'string' }, fileType: { enum: ['pdf', 'jpg', 'png', 'ofd'] }, sizeBytes: { type: 'integer' }, sha256: { type: 'string' } } },
        },
        nextStep: { type: 'string' },
        progress: { type: 'string' },
      },
    },
  };
}

/** what the applicant must do next (补正, 签署承诺, 补交容缺材料 …) */
const APPLICANT_ACTION = {
  type: 'object', additionalProperties: false, required: ['kind', 'title', 'deadline', 'how', 'materials', 'problems'],
  properties: {
    kind: { enum: ['correction', 'sign-promise', 'deferred-materials', 'commitment-proof', 'late-commitment-proof'] },
    title: { type: 'string' }, deadline: nullable('string'), how: { type: 'string' },
    materials: { type: 'array', items: ref('PendingMaterial') },
    problems: { type: 'array', items: { type: 'string' } },
  },
};

const LICENCE = {
  type: 'object', additionalProperties: false, required: ['licenceNumber', 'name', 'validFrom', 'validUntil', 'status'],
  properties: { licenceNumber: { type: 'string' }, name: { type: 'string' }, validFrom: { type: 'string' }, validUntil: nullable('string'), status: { type: 'string' } },
};

const CASE_DOCUMENT = {
  type: 'object', additionalProperties: false, required: ['id', 'kind', 'title', 'documentNumber', 'issuedOn', 'sha256'],
  properties: { id: { type: 'integer' }, kind: { type: 'string' }, title: { type: 'string' }, documentNumber: { type: 'string', description: '文号' }, issuedOn: date, sha256: { type: 'string', description: 'PDF 的 SHA-256' } },
};

/** 办件查询's question and answer */
function progressSchemas(): Record<string, unknown> {
  return {
    ProgressQuery: {
      type: 'object', additionalProperties: false, minProperties: 1, maxProperties: 1,
      description: '申请人的统一社会信用代码或身份证号码, 或申请时填写的联系电话 (二选一)',
      properties: PROOF,
    },
    Progress: {
      type: 'object', additionalProperties: false,
      required: ['receiptNumber', 'itemName', 'applicantName', 'status', 'receivedOn', 'acceptedOn', 'outcome', 'deadline', 'currentSteps', 'applicantActions', 'timeline', 'pauses', 'licence', 'items', 'documents'],
      properties: {
        receiptNumber: { type: 'string' },
        itemName: { type: 'string' },
        applicantName: { type: 'string' },
        status: { type: 'string' },
        receivedOn: date,
        acceptedOn: nullable('string'),
        outcome: nullable('string'),
        deadline: {
          type: 'object', additionalProperties: false, required: ['decisionDeadline', 'remainingWorkingDays', 'extended', 'clockStopped'],
          properties: { decisionDeadline: nullable('string'), remainingWorkingDays: nullable('integer'), extended: { type: 'boolean' }, clockStopped: { type: 'boolean' } },
        },
        currentSteps: { type: 'array', items: { type: 'string' } },
        applicantActions: { type: 'array', items: APPLICANT_ACTION },
        timeline: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['status', 'at', 'note'], properties: { status: { type: 'string' }, at: { type: 'string' }, note: nullable('string') } } },
        pauses: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['procedure', 'notice', 'stoppedOn', 'restartedOn'], properties: { procedure: { type: 'string' }, notice: { type: 'string' }, stoppedOn: date, restartedOn: nullable('string') } } },
        licence: { oneOf: [{ type: 'null' }, LICENCE] },
        items: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['itemName', 'receiptNumber', 'status', 'outcome'], properties: { itemName: { type: 'string' }, receiptNumber: { type: 'string' }, status: { type: 'string' }, outcome: nullable('string') } } },
        documents: { type: 'array', description: '已出具的文书 (受理通知书、决定书、证照等), 可凭同一证明下载 PDF', items: CASE_DOCUMENT },
      },
    },
  };
}

/** 好差评 */
function ratingSchemas(): Record<string, unknown> {
  return {
    RatingRequest: {
      type: 'object', required: ['level', 'named'], additionalProperties: false,
      description: '只有申请人可以评价: 须且只能填写 applicantCode 或 phone 之一, 与办件的申请人一致 (同办件查询)',
      properties: {
        level: { type: 'integer', minimum: 1, maximum: 5, description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' },
        comment: { type: 'string', maxLength: 500, description: '差评 (1、2) 必填' },
        named: { type: 'boolean', description: '实名评价' },
        applicantCode: { type: 'string', maxLength: 40, description: '申请人统一社会信用代码或身份证号码 (与 phone 二选一)' },
        phone: { type: 'string', maxLength: 20, description: '申请时填写的联系电话 (与 applicantCode 二选一)' },
      },
    },
    Rating: {
      type: 'object', required: ['ratingId', 'level', 'levelName', 'badRating', 'replayed'], additionalProperties: false,
      properties: { ratingId: { type: 'integer' }, level: { type: 'integer' }, levelName: { type: 'string' }, badRating: { type: 'boolean' }, replayed: { type: 'boolean' } },
    },
  };
}

/** 政务失信投诉 */
function complaintSchemas(): Record<string, unknown> {
  return {
    ComplaintRequest: {
      type: 'object', required: ['externalId', 'complainant', 'respondent', 'field', 'promise', 'facts'], additionalProperties: false,
      properties: {
        externalId: { type: 'string', maxLength: 64, description: '12345 工单号' },
        complainant: { type: 'object', required: ['name', 'phone'], properties: { name: { type: 'string' }, phone: { type: 'string' }, idCardNumber: { type: 'string' }, creditCode: { type: 'string' } } },
        respondent: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, creditCode: { type: 'string' } } },
        field: { enum: [...COMPLAINT_FIELDS], description: '领域' },
        promise: { type: 'string' }, facts: { type: 'string' }, request: { type: 'string' },
        evidence: { type: 'array', items: { type: 'string' } },
      },
    },
    Complaint: {
      type: 'object', required: ['complaintNumber', 'status', 'replayed'], additionalProperties: false,
      properties: { complaintNumber: { type: 'string' }, status: { type: 'string' }, replayed: { type: 'boolean' } },
    },
  };
}

/** the callback's notice and the catalogue's items */
function noticeAndItemSchemas(): Record<string, unknown> {
  return {
    Notice: {
      type: 'object', additionalProperties: false, required: ['event', 'eventName', 'receiptNumber', 'itemName', 'text', 'occurredOn'],
      properties: {
        event: { type: 'string', description: '文书种类 (acceptance, correction, grant …) 或 promise-reminder, commitment-expired, breach' },
        eventName: { type: 'string', description: '中文名称: 受理通知书、承诺期限提醒 …' },
        receiptNumber: { type: 'string', pattern: '^SP\\d{14}$' }, itemName: { type: 'string' },
        text: { type: 'string', description: '发给申请人的短信文本' },
        occurredOn: { type: 'string', format: 'date' },
        documentId: { type: 'integer', description: '随附文书 (如有)' }, documentNumber: { type: 'string', description: '文号' },
      },
    },
    ItemSummary: {
      type: 'object', additionalProperties: false, required: ['itemKey', 'code', 'name', 'processingType', 'promisedTimeLimit', 'notificationCommitment', 'deferredAcceptance', 'materials'],
      properties: {
        itemKey: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' }, processingType: { type: 'string' }, promisedTimeLimit: { type: 'integer' },
        notificationCommitment: { type: 'boolean' }, deferredAcceptance: { type: 'boolean' },
        materials: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['code', 'name', 'required', 'deferrable', 'form', 'copies'], properties: { code: { type: 'string' }, name: { type: 'string' }, required: { type: 'boolean' }, deferrable: { type: 'boolean' }, form: { type: 'string' }, copies: { type: 'integer' } } } },
      },
    },
  };
}

/** security, the shared parameter and every schema */
function components(common: object): Record<string, unknown> {
  return {
    securitySchemes: {
      bearerKey: { type: 'http', scheme: 'bearer', description: '平台 API 密钥 spk_<平台编号>.<密钥>' },
      headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    },
    parameters: {
      IdempotencyKey: { name: 'Idempotency-Key', in: 'header', required: true, description: '同一申请重试时使用同一个值 (建议 UUID); 8 到 128 个字母、数字或 . _ : ~ -', schema: { type: 'string', pattern: '^[A-Za-z0-9._:~-]{8,128}$' } },
    },
    schemas: { ...errorSchemas(), ...submissionSchemas(common), ...progressSchemas(), ...ratingSchemas(), ...complaintSchemas(), ...noticeAndItemSchemas() },
  };
}

export function openApiDocument(config: Config): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'shenpi 网上平台接口 (一网通办)',
      version: '1.0.0',
      description: '申请人经城市网上平台提交事项或一件事申请、查询办件进度。平台以 API 密钥认证 (Authorization: Bearer 或 X-Api-Key); 每个提交请求须带 Idempotency-Key, 重试返回首次的答复, 不会重复立案; 每个平台有调用限额 (429 + Retry-After)。所有错误答复均为同一结构, 列出全部问题 (field, rule, message)。',
    },
    servers: [{ url: '/' }],
    security: [{ bearerKey: [] }, { headerKey: [] }],
    tags: [{ name: '网上申请' }, { name: '办件查询' }, { name: '好差评' }, { name: '政务失信投诉' }, { name: '事项' }],
    paths: { ...applicationPaths(config.platformApi), ...casePaths(), ...ratingPaths(), ...complaintPaths(), ...itemPaths() },
    webhooks: webhooks(),
    components: components(applicationSchema()),
  };
}
