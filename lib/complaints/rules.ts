// 政务失信投诉: what the 诚信建设投诉窗口 accepts, and the office's time limits (working days).
// The seeds name the steps (初审, 移交 12345, 部门研判, 督办, 跟踪问效) but no time limits; these
// are the office's own settings, kept in one place.
export const COMPLAINT_FIELDS = ['政府采购', '招标投标', '招商引资', '政府和社会资本合作', '产业扶持', '政府投资', '其他承诺事项'] as const;
export type ComplaintField = (typeof COMPLAINT_FIELDS)[number];

export const COMPLAINT_CHANNELS = ['窗口', '12345'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_DEADLINES = {
  /** 初审 by the window after receipt */
  preliminaryReview: 3,
  /** the department's 研判 after the hand-over */
  assessment: 5,
  /** rectification after the 督办 notice */
  rectification: 10,
  /** 挂牌督办: once more after a missed rectification deadline; missed again = 拒不整改 */
  escalation: 5,
} as const;

export const COMPLAINT_PROCESS = 'integrity-complaint';

/** Outbox channel of the hand-over to the 12345 platform. */
export const HOTLINE_CHANNEL = 'hotline12345';

/** The rule a 违约失信 credit record names. */
export const BREACH_RULE = '政务失信: 经核实的违约毁约行为, 督办后拒不整改, 确认为违约失信';
