/** A RunData as plain values that `toEqual` can compare (messages as bytes, typed arrays as arrays). */
import { toBinary } from '@bufbuild/protobuf';
import type { RunData } from '../../src/events/index.ts';
import { Summary_ValueSchema, SummaryMetadataSchema } from '../../src/format/protos.ts';

export function plain(run: RunData) {
  return {
    files: run.files.map((f) => ({ ...f, problems: f.problems.map((p) => ({ ...p })) })),
    tags: [...run.tags.values()].map((t) => ({
      ...t,
      metadata: t.metadata === null ? null : toBinary(SummaryMetadataSchema, t.metadata),
      scalars: t.scalars === null ? null : [Array.from(t.scalars.steps), Array.from(t.scalars.wallTimes), Array.from(t.scalars.values)],
      values: t.values.map((v) => ({ ...v, value: toBinary(Summary_ValueSchema, v.value) })),
    })),
    graphs: run.graphs,
    sessionLogs: run.sessionLogs,
    logMessages: run.logMessages,
    runMetadata: run.runMetadata,
  };
}
