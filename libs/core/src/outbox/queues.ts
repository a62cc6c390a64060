import type { JobsOptions } from 'bullmq';

/** Every BullMQ queue of the system. Job data is always the id of an outbox row, never the work itself. */
export const QUEUES = {
  noticeDispatch: 'notice-dispatch',
  mailDelivery: 'mail-delivery',
  maintenance: 'maintenance',
  integrations: 'integrations',
  minutes: 'minutes',
  /** Conversions through LibreOffice: slow and memory-hungry, so kept apart from the mail. */
  documents: 'documents',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const OUTBOX_KINDS = {
  /** Fan a notice version out into one delivery per recipient. */
  noticeDispatch: 'notice.dispatch',
  /** Send one e-mail (a notice to one recipient, a call-in to one substitute). */
  mailDelivery: 'mail.delivery',
  /** Fetch indicators' actual values from Kolada. */
  koladaImport: 'kolada.import',
  /** Put a posting up on the notice board on its day. */
  postingPublish: 'posting.publish',
  /** Take a posting down once the appeal period has run out. */
  postingRemove: 'posting.remove',
  /** Remind the chair and verifiers who have not approved the minutes. */
  minutesReminder: 'minutes.reminder',
  /** Render a notice version's handlingar as one PDF; its dispatch waits for it. */
  noticeBundle: 'notice.bundle',
  /** Store a signed or verified document as PDF/A for the archive. */
  documentArchive: 'document.archive',
} as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[keyof typeof OUTBOX_KINDS];

export const OUTBOX_KIND_QUEUES: Record<OutboxKind, QueueName> = {
  [OUTBOX_KINDS.noticeDispatch]: QUEUES.noticeDispatch,
  [OUTBOX_KINDS.mailDelivery]: QUEUES.mailDelivery,
  [OUTBOX_KINDS.koladaImport]: QUEUES.integrations,
  [OUTBOX_KINDS.postingPublish]: QUEUES.minutes,
  [OUTBOX_KINDS.postingRemove]: QUEUES.minutes,
  [OUTBOX_KINDS.minutesReminder]: QUEUES.minutes,
  [OUTBOX_KINDS.noticeBundle]: QUEUES.documents,
  [OUTBOX_KINDS.documentArchive]: QUEUES.documents,
};

export const RECONCILE_JOB = 'reconcile';
/** Remove stored files no row refers to (maintenance queue). */
export const COLLECT_FILES_JOB = 'collect-files';

/**
 * Retry policy per queue. Completed and failed jobs are removed at once: PostgreSQL holds the outcome
 * (status, attempts, last error), and a removed job id can be enqueued again by the reconciler.
 */
export const QUEUE_JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  [QUEUES.noticeDispatch]: { attempts: 8, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: true },
  [QUEUES.mailDelivery]: { attempts: 6, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: true, removeOnFail: true },
  [QUEUES.integrations]: { attempts: 5, backoff: { type: 'exponential', delay: 10000 }, removeOnComplete: true, removeOnFail: true },
  [QUEUES.minutes]: { attempts: 8, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: true, removeOnFail: true },
  [QUEUES.documents]: { attempts: 5, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: true, removeOnFail: true },
  [QUEUES.maintenance]: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 50, age: 24 * 3600 } },
};
