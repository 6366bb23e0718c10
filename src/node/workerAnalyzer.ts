import type { AnalysisJob, AnalysisReply } from '../core/analysis/analysisJob';
import type { Analysis } from '../core/analyze';
import { TimedWorker } from './timedWorker';

export class AnalysisTimeout extends Error {}

/** Analyses on one worker thread (dist/analysisWorker.js), each under a time limit. */
export class WorkerAnalyzer {
  private readonly worker: TimedWorker<Omit<AnalysisJob, 'id'>, AnalysisReply, Analysis>;

  constructor(script: string, timeLimitMs = 10_000) {
    this.worker = new TimedWorker({
      script,
      timeLimitMs,
      name: 'analysis worker',
      timeout: () => new AnalysisTimeout(`The analysis took longer than ${timeLimitMs / 1000} s and was stopped.`),
      read: (reply) => ({ id: reply.id, outcome: 'analysis' in reply ? { ok: true, value: reply.analysis } : { ok: false, error: reply.error } }),
    });
  }

  analyze(job: Omit<AnalysisJob, 'id'>): Promise<Analysis> {
    return this.worker.run(job);
  }

  dispose(): void {
    this.worker.dispose();
  }
}
