import { resolve } from 'node:path';
import { usageError } from '../usage-hints.js';
import { mergeManifests, parseManifest } from '../../batch/merge-manifests.js';
import { jsonBytes, type Manifest } from '../../batch/manifest.js';
import { createProgress } from '../../batch/progress.js';
import { runBatch } from '../../batch/run-batch.js';
import { parseShard } from '../../batch/shard.js';
import { resolveRunConfig } from '../../node/config.js';
import { displayName } from '../../node/read-sources.js';
import { readTextFile } from '../../node/read-text-file.js';
import { writeFileAtomicSync } from '../../node/write-files.js';
import { MAX_LIST_FILE_BYTES } from '../../schema/limits.js';
import { runFlags, type BatchArgs } from '../options.js';
import type { CliIO } from '../run-command.js';

/** Exit code of a run stopped by a signal: 128 + the signal number. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

export async function runBatchCommand(args: BatchArgs, io: CliIO): Promise<number> {
  // `roadmap-press -- batch …` reaches here with every word positional and no list.
  if (typeof args.list !== 'string') throw usageError('batch needs a learner list: roadmap-press batch LIST.csv|yaml|json');
  // A batch's rows are its parameters: the config file gives it only where inputs and files are.
  const { out, sources, buildOptions, now } = await resolveRunConfig(runFlags(args));
  let signal: keyof typeof SIGNAL_EXIT | null = null;
  let onSignal: () => void = () => {};
  const interrupted = new Promise<void>((resolve) => {
    onSignal = resolve;
  });
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((name) => {
    const handler = () => {
      if (signal) process.exit(SIGNAL_EXIT[name]); // a second signal stops at once
      signal = name;
      io.err(`\n${name}: finishing the learners in progress, then writing the manifest…`);
      onSignal();
    };
    process.on(name, handler);
    return () => process.off(name, handler);
  });
  const live = Boolean(process.stderr.isTTY) && !process.env.CI && !args.json;
  try {
    const result = await runBatch({
      list: args.list,
      out,
      paths: sources,
      buildOptions,
      jobs: args.jobs,
      shard: args.shard ? parseShard(args.shard) : null,
      failFast: Boolean(args.failFast),
      skipUnchanged: Boolean(args.skipUnchanged),
      now,
      progress: createProgress({ quiet: Boolean(args.quiet) || Boolean(args.json), live, write: (t) => process.stderr.write(t) }),
      warn: (t) => io.err(t),
      ...(args.quiet ? {} : { note: (t: string) => io.err(t) }),
      interrupted,
    });
    const { summary } = result.manifest;
    if (args.json) {
      io.out(JSON.stringify({ manifest: displayName(result.manifestPath), ...summary, interrupted: result.interrupted }));
    } else if (!args.quiet) {
      io.out(`batch: ${summary.ok} built, ${summary.skipped} unchanged, ${summary.failed} failed, ${summary.invalid} invalid of ${summary.total}; manifest ${displayName(result.manifestPath)}`);
      for (const l of result.manifest.learners.filter((x) => x.status === 'failed')) io.err(`failed: ${l.folder}: ${l.error}`);
    }
    if (signal) return SIGNAL_EXIT[signal];
    return summary.failed + summary.invalid > 0 || result.interrupted ? 1 : 0;
  } finally {
    for (const off of handlers) off();
  }
}

export async function runMergeManifests(files: string[], out: string, io: CliIO, options: { allowPartial?: boolean } = {}): Promise<number> {
  const manifests: { file: string; manifest: Manifest }[] = [];
  for (const file of files) {
    const text = await readTextFile(file, displayName(resolve(file)), 'cannot read manifest', { limit: { bytes: MAX_LIST_FILE_BYTES, what: 'manifest' } });
    manifests.push({ file, manifest: parseManifest(file, text) });
  }
  const merged = mergeManifests(manifests, options);
  writeFileAtomicSync(out, jsonBytes(merged));
  const s = merged.summary;
  const partial = merged.partial ? ` — partial: ${merged.listLength - s.total} of ${merged.listLength} learners missing` : '';
  io.out(`merged ${files.length} manifests into ${out}: ${s.total} learners (${s.ok} built, ${s.skipped} unchanged, ${s.failed} failed, ${s.invalid} invalid)${partial}`);
  return s.failed + s.invalid > 0 ? 1 : 0;
}
