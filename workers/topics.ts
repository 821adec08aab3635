// Every external-task topic shenpi serves. The static check compares these with each
// camunda:topic in processes/, so a topic has a worker and a worker has a process.
export const TOPICS = {
  validateApplication: 'validation.application',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];
