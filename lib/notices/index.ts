// Notices to the applicant: SMS through the outbox, the platform's notification callback, and
// the reminders before a promise runs out.
export { queueApplicantNotice, sendApplicantNotice, withoutIdNumbers, type ApplicantNotice, type NoticeAct } from './applicant.js';
export { CALLBACK_CHANNEL, callbackDelivery, callbackUrlProblems, type CallbackNotice } from './callback.js';
export { REMINDER_KIND, REMINDER_WORKING_DAYS, reminderAt, remindPromise, type PromiseReminder } from './reminders.js';
export { SMS_CHANNEL, smsStatus } from './sms.js';
export { DEFAULT_TOLERANCE_SECONDS, newCallbackSecret, SIGNATURE_HEADER, signatureHeaders, TIMESTAMP_HEADER, verifySignature, type SignatureCheck } from './signature.js';
