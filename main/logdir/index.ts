/** Log directories on Node: run discovery and following growing event files. */
export { discoverRuns, isEventFileName, type RunEntry } from './discover.ts';
export { FileTail } from './file-tail.ts';
export { LogdirReader, readGraphFile, type PollResult } from './logdir-reader.ts';
