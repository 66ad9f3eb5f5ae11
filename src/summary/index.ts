/** `tf.summary`: summary ops and the event file writer. */
export { SUMMARIES, cleanTag, histogram, merge, mergeAll, scalar, type SummaryOptions } from './api.ts';
export { FileWriter, type FileWriterOptions } from './file-writer.ts';
export { SessionLog_SessionStatus as SessionStatus, type Event, type Summary } from '../format/protos.ts';
