// The office's default text of each 文书 (version 1 of every kind, written to the database the
// first time the kind is issued). Fields every template may use: office, applicantName,
// applicantCode, receiptNumber, itemName, documentNumber, issuedOn, receivedOn, acceptedOn;
// the others are named by the act that issues the document (lib/documents/acts.ts).
import type { DocumentKind } from './kinds.js';
import type { DocumentTemplate } from './template-engine.js';

const RIGHTS = '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。';

export const DEFAULT_TEMPLATES: Record<DocumentKind, DocumentTemplate> = {
  acceptance: {
    title: '受理通知书',
    numberPrefix: '审批受字',
    body: `{{applicantName}}：
你（单位）于{{receivedOn}}提出的{{itemName}}申请，{{#if deemed}}本机关未在收到申请材料之日起五日内告知补正，根据《中华人民共和国行政许可法》第三十二条的规定，自收到申请材料之日起即为受理。{{else}}经审查，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定予以受理{{#if mode}}（{{mode}}）{{/if}}。{{/if}}
受理日期：{{acceptedOn}}。本机关将在受理之日起{{timeLimit}}个工作日内{{#if decisionDeadline}}（即{{decisionDeadline}}前）{{/if}}作出行政许可决定。依法需要听证、检验、检测、鉴定和专家评审的，所需时间不计算在上述期限内。
受理编号：{{receiptNumber}}。你（单位）可凭受理编号和申请人证件号码或手机号码查询办理进度。`,
    sms: '【{{office}}】{{applicantName}}：您申请的{{itemName}}已于{{acceptedOn}}受理，受理编号{{receiptNumber}}，将于{{#if decisionDeadline}}{{decisionDeadline}}前{{else}}{{timeLimit}}个工作日内{{/if}}作出决定。',
  },
  refusal: {
    title: '不予受理通知书',
    numberPrefix: '审批不受字',
    body: `{{applicantName}}：
你（单位）于{{receivedOn}}提出的{{itemName}}申请（受理编号{{receiptNumber}}），经审查，本机关决定不予受理。理由如下：
{{reason}}
${RIGHTS.replaceAll('决定书', '通知书')}`,
    sms: '【{{office}}】{{applicantName}}：您申请的{{itemName}}（{{receiptNumber}}）不予受理，理由：{{reason}}。',
  },
  correction: {
    title: '一次性告知书',
    numberPrefix: '审批补字',
    body: `{{applicantName}}：
你（单位）于{{receivedOn}}提出的{{itemName}}申请（受理编号{{receiptNumber}}），申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知需要补正的全部内容：
{{#each problems}}{{this}}
{{/each}}
请于{{correctionDeadline}}前（{{correctionWorkingDays}}个工作日内）补正全部材料。补正齐全后本机关依法受理；逾期未补正的，本次申请办结。`,
    sms: '【{{office}}】{{applicantName}}：您申请的{{itemName}}（{{receiptNumber}}）需补正材料，请于{{correctionDeadline}}前补正，详见一次性告知书{{documentNumber}}。',
  },
  'deferral-promise': {
    title: '容缺受理承诺书',
    numberPrefix: '审批容字',
    body: `{{office}}：
本人（单位）{{applicantName}}申请办理{{itemName}}（受理编号{{receiptNumber}}），主要申请材料齐全，以下次要材料暂缺，申请容缺受理，并承诺在补正期限内提交：
{{#each materials}}{{this}}
{{/each}}
补正期限：{{promiseDeadline}}前（{{promiseWorkingDays}}个工作日，不超过承诺办结时限）。
本人（单位）知悉：逾期未补正的，终止办理；已作出行政许可决定的，依法撤销，并记入不良信用记录、推送信用平台。
申请人（签字或盖章）：　　　　　　　日期：　　　　年　　月　　日`,
    sms: '【{{office}}】{{applicantName}}：您申请的{{itemName}}（{{receiptNumber}}）已容缺受理，请于{{promiseDeadline}}前补交容缺材料，逾期将终止办理并记入信用记录。',
  },
  'commitment-promise': {
    title: '告知承诺书',
    numberPrefix: '审批诺字',
    body: `{{office}}：
本人（单位）{{applicantName}}申请办理{{itemName}}（受理编号{{receiptNumber}}），已知悉本机关告知的全部许可条件和要求，现作出如下承诺：
{{content}}
{{#if materials.length}}承诺在{{promiseDeadline}}前（{{promiseWorkingDays}}个工作日内）提交以下证明材料：
{{#each materials}}{{this}}
{{/each}}{{/if}}{{#if inspectionMode}}勘验方式：{{inspectionMode}}。
{{/if}}违诺责任：{{liability}}
{{#if noticeWorkingDays}}本机关在承诺后{{noticeWorkingDays}}个工作日内作出决定（拿地即开工）。
{{/if}}申请人（签字或盖章）：　　　　　　　日期：　　　　年　　月　　日`,
    sms: '【{{office}}】{{applicantName}}：您就{{itemName}}（{{receiptNumber}}）签署了告知承诺书，{{#if promiseDeadline}}请于{{promiseDeadline}}前履行承诺，{{/if}}未履行的将撤销许可并推送信用平台。',
  },
  extension: {
    title: '延长审批期限决定书',
    numberPrefix: '审批延字',
    body: `{{applicantName}}：
你（单位）申请的{{itemName}}（受理编号{{receiptNumber}}），因{{reason}}，本机关不能在{{before}}前作出决定。经本机关负责人批准，根据《中华人民共和国行政许可法》第四十二条的规定，审批期限延长{{extensionDays}}个工作日，至{{after}}。`,
    sms: '【{{office}}】{{applicantName}}：您申请的{{itemName}}（{{receiptNumber}}）经批准延长审批期限{{extensionDays}}个工作日至{{after}}，理由：{{reason}}。',
  },
  'special-procedure': {
    title: '特别程序告知书',
    numberPrefix: '审批特字',
    body: `{{applicantName}}：
你（单位）申请的{{itemName}}（受理编号{{receiptNumber}}），需要进行{{procedure}}。理由：{{reason}}
根据《中华人民共和国行政许可法》第四十五条的规定，{{procedure}}所需时间不计算在审批期限内。审批期限自{{stoppedOn}}起暂停计算，{{procedure}}结束后恢复计算，原审批期限{{deadlineBefore}}将按暂停的工作日数顺延，顺延后的期限另行告知。`,
    sms: '【{{office}}】{{applicantName}}：您申请的{{itemName}}（{{receiptNumber}}）需进行{{procedure}}，自{{stoppedOn}}起暂停计算审批期限，结束后恢复。',
  },
  'clock-restart': {
    title: '恢复计算审批期限告知书',
    numberPrefix: '审批复字',
    body: `{{applicantName}}：
你（单位）申请的{{itemName}}（受理编号{{receiptNumber}}），{{procedure}}已于{{restartedOn}}结束，自当日起恢复计算审批期限。根据《中华人民共和国行政许可法》第四十五条的规定，{{procedure}}所用{{pausedWorkingDays}}个工作日不计算在审批期限内，审批期限由{{before}}顺延至{{after}}。`,
    sms: '【{{office}}】{{applicantName}}：您申请的{{itemName}}（{{receiptNumber}}）{{procedure}}已结束，审批期限顺延至{{after}}。',
  },
  grant: {
    title: '准予行政许可决定书',
    numberPrefix: '审批准字',
    body: `{{applicantName}}：
你（单位）于{{receivedOn}}提出的{{itemName}}申请（受理编号{{receiptNumber}}），本机关于{{acceptedOn}}受理。经审查，你（单位）的申请符合法定条件、标准，根据{{legalBasis}}的规定，决定准予行政许可。
许可内容：{{content}}
本机关将依法向你（单位）颁发{{resultName}}。
${RIGHTS}`,
    sms: '【{{office}}】{{applicantName}}：您申请的{{itemName}}（{{receiptNumber}}）已于{{decidedOn}}准予许可，决定书文号{{documentNumber}}。',
  },
  denial: {
    title: '不予行政许可决定书',
    numberPrefix: '审批不准字',
    body: `{{applicantName}}：
你（单位）于{{receivedOn}}提出的{{itemName}}申请（受理编号{{receiptNumber}}），本机关于{{acceptedOn}}受理。经审查，你（单位）的申请不符合法定条件、标准，根据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予行政许可。理由如下：
{{reason}}
${RIGHTS}`,
    sms: '【{{office}}】{{applicantName}}：您申请的{{itemName}}（{{receiptNumber}}）不予许可，理由：{{reason}}。可在60日内申请行政复议或6个月内提起行政诉讼。',
  },
  'gap-rectification': {
    title: '限期整改通知书',
    numberPrefix: '审批改字',
    body: `{{applicantName}}：
你（单位）申请的{{itemName}}（受理编号{{receiptNumber}}），经作出信用承诺后容缺勘验，本机关于{{decidedOn}}准予行政许可。勘验时容许的缺项“{{gap}}”应于{{gapDeadline}}前整改到位。
经本机关于{{checkedOn}}核查，该缺项未整改。核查意见：{{checkNote}}
现责令你（单位）于{{rectificationDeadline}}前（{{rectificationWorkingDays}}个工作日内）整改到位，并告知本机关复查。
逾期仍未整改的，视为未履行信用承诺，本机关将依法撤销该行政许可，并依规记入信用记录、推送信用平台。`,
    sms: '【{{office}}】{{applicantName}}：您的{{itemName}}（{{receiptNumber}}）容缺勘验缺项“{{gap}}”未整改，请于{{rectificationDeadline}}前整改到位，逾期将撤销许可，详见限期整改通知书{{documentNumber}}。',
  },
  revocation: {
    title: '撤销行政许可决定书',
    numberPrefix: '审批撤字',
    body: `{{applicantName}}：
本机关于{{decidedOn}}就你（单位）申请的{{itemName}}（受理编号{{receiptNumber}}）作出准予行政许可决定，颁发{{resultName}}（编号{{licenceNumber}}）。
经查：{{reason}}
根据《中华人民共和国行政许可法》第六十九条的规定，本机关决定自{{revokedOn}}起撤销该行政许可，{{resultName}}（编号{{licenceNumber}}）同时作废，并依规记入信用记录。
${RIGHTS}`,
    sms: '【{{office}}】{{applicantName}}：您的{{resultName}}（编号{{licenceNumber}}）已于{{revokedOn}}撤销，理由：{{reason}}。',
  },
  withdrawal: {
    title: '撤回申请确认书',
    numberPrefix: '审批回字',
    body: `{{applicantName}}：
你（单位）于{{withdrawnOn}}{{#if channel}}通过{{channel}}{{/if}}申请撤回{{itemName}}申请（受理编号{{receiptNumber}}）。{{#if reason}}撤回理由：{{reason}}。{{/if}}
根据《中华人民共和国行政许可法》的有关规定，本机关确认收到撤回申请，该申请自{{withdrawnOn}}起终止办理，不再作出行政许可决定。已提交的申请材料可到综合受理窗口领回。`,
    sms: '【{{office}}】{{applicantName}}：您已撤回{{itemName}}申请（{{receiptNumber}}），办理终止。',
  },
  'joint-inspection': {
    title: '联合踏勘意见书',
    numberPrefix: '审批勘字',
    body: `{{applicantName}}：
你（单位）申请的{{itemName}}（受理编号{{receiptNumber}}），经有关部门联合踏勘，各部门意见如下：
{{#each opinions}}{{this}}
{{/each}}
统一意见：{{merged}}。{{#if conditions}}许可附加条件：{{conditions}}{{/if}}`,
  },
  'delivery-receipt': {
    title: '送达回证',
    numberPrefix: '审批送字',
    body: `受送达人：{{applicantName}}
送达文书：{{#each delivered}}{{this}}；{{/each}}
事项：{{itemName}}（受理编号{{receiptNumber}}）
送达方式：{{method}}
送达日期：{{issuedOn}}
受送达人（签字或盖章）：　　　　　　　签收日期：　　　　年　　月　　日
送达人：　　　　　　　　　　　　　　见证人：`,
    sms: '【{{office}}】{{applicantName}}：您申请的{{itemName}}（{{receiptNumber}}）已办结，结果已于{{issuedOn}}{{method}}。',
  },
  licence: {
    title: '{{resultName}}',
    numberPrefix: '审批证字',
    body: `证照编号：{{licenceNumber}}
持证人：{{applicantName}}
统一社会信用代码（证件号码）：{{applicantCode}}
许可事项：{{itemName}}
许可内容：{{content}}
有效期限：{{validFrom}}至{{#if validUntil}}{{validUntil}}{{else}}长期{{/if}}
发证机关：{{office}}`,
  },
};
