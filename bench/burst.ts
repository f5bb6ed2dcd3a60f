import type { Challenge } from '@assay/challenges';
import type { Language } from '@assay/contract';
import { createApiClient, type CandidateRequest } from '../tests/support/api-client.js';
import { candidateFlow } from '../tests/support/candidate-flow.js';
import { gradeQueues } from '../tests/support/grade-queue.js';
import { startPlatform } from '../tests/support/platform.js';
import { drainCurve, finishedCount, jobTimings, sustainedRate } from './queue-timings.js';
import { startRunnerFleet } from './runner-fleet.js';
import { summarize, timeIt, type Summary } from './stats.js';

export interface BurstFigures {
  /** The whole path: POST /api/candidate/submit → grade queue → runner → verdict queue → stored verdict. */
  path: 'api';
  jobs: number;
  runners: number;
  concurrency: number;
  /** POST /api/candidate/submit while all of the burst arrives at once, ms. */
  submitMs: Summary;
  /** From the first submit until the last grading finished. */
  drainSeconds: number;
  verdictsPerSecond: number;
  /** The same while every runner slot was busy (see sustainedRate). */
  sustainedPerSecond: number;
  /** Attempts without a stored verdict, graded more than once, or whose reference did not pass: all must be 0. */
  missing: number;
  duplicated: number;
  notPassed: number;
  /** An idle runner: a job's time from added to picked up (BullMQ processedOn − timestamp), ms. */
  idlePickupMs: Summary;
  /** The same during the burst: the wait behind the others, ms. */
  burstPickupMs: Summary;
  /** [seconds since the burst, gradings finished]. */
  drain: Array<[number, number]>;
}

/**
 * A burst of reference submissions from `jobs` candidates at once, through the real API (on
 * PGlite, its default) and one runner process: every attempt must end with exactly one stored
 * verdict. Before it, `idleSamples` submissions one at a time give an idle runner's pickup time.
 */
export async function burstBenchmark(challenge: Challenge, { jobs, concurrency, idleSamples }: { jobs: number; concurrency: number; idleSamples: number }): Promise<BurstFigures> {
  const language: Language = 'typescript';
  const platform = await startPlatform({ withoutRunner: true });
  const queues = gradeQueues(platform.prefix);
  const fleet = await startRunnerFleet({ count: 1, prefix: platform.prefix, concurrency }).catch(async (error: unknown) => {
    await Promise.all([queues.close(), platform.close()]);
    throw error;
  });
  try {
    const staff = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
    const flow = candidateFlow(platform.baseUrl, staff);
    const editable = new Set((challenge.starter[language] ?? []).filter((f) => f.editable).map((f) => f.path));
    const files = challenge.trusted.reference[language]!.filter((f) => editable.has(f.path));
    /** An invited candidate who started and saved the reference, ready to submit. */
    const ready = async (): Promise<{ attemptId: string; candidate: CandidateRequest }> => {
      const { candidate } = await flow.invite(challenge.manifest.id, [language]);
      const started = await candidate('POST', '/api/candidate/start', { language });
      const saved = await candidate('PUT', '/api/candidate/files', { files });
      if (started.status !== 200 || saved.status !== 200) throw new Error(`could not prepare an attempt: ${started.status} ${saved.status} ${saved.text}`);
      return { attemptId: started.body.attemptId as string, candidate };
    };
    const idle: string[] = [];
    for (let i = 0; i < idleSamples; i++) {
      const { attemptId, candidate } = await ready();
      // Idle means idle: the runner has (re)filled its warm pools, which it does at start for
      // every challenge's runtime and after each grading, and is only waiting on the queue.
      await new Promise((resolve) => setTimeout(resolve, i === 0 ? 3_000 : 1_000));
      await candidate('POST', '/api/candidate/submit');
      await flow.verdict(attemptId);
      idle.push(attemptId);
    }
    const people: Array<{ attemptId: string; candidate: CandidateRequest }> = [];
    for (let i = 0; i < jobs; i += 25) people.push(...(await Promise.all(Array.from({ length: Math.min(25, jobs - i) }, ready))));

    const before = await finishedCount(queues.grade);
    const startedAt = performance.now();
    const submits = Promise.all(
      people.map(async ({ candidate }) => {
        const [ms, response] = await timeIt(() => candidate('POST', '/api/candidate/submit'));
        if (response.status !== 200) throw new Error(`submit failed: ${response.status} ${response.text}`);
        return ms;
      }),
    );
    const drain = await drainCurve(queues.grade, { total: jobs, before, startedAt, timeoutMs: 12 * 60_000 });
    const drainSeconds = drain.at(-1)![0];
    const submitMs = summarize(await submits);

    // Every attempt's stored verdict, as a reviewer sees it (the verdict consumer may lag the queue by a moment).
    const stored = new Map<string, string>();
    const deadline = Date.now() + 60_000;
    while (stored.size < people.length && Date.now() < deadline) {
      for (const { attemptId } of people.filter((p) => !stored.has(p.attemptId))) {
        const verdict = (await staff('GET', `/api/review/attempts/${attemptId}`)).body.verdict?.result?.verdict as string | undefined;
        if (verdict) stored.set(attemptId, verdict);
      }
      if (stored.size < people.length) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const gradeJobs = (await queues.grade.getJobs(['completed', 'failed'])).filter((job) => job.data.suite === 'hidden');
    const jobsOf = (attemptIds: string[]) => {
      const wanted = new Set(attemptIds);
      return gradeJobs.filter((job) => wanted.has(job.data.attemptId)).map((job) => job.id!);
    };
    const burstIds = jobsOf(people.map((p) => p.attemptId));
    const burstTimings = await jobTimings(queues.grade, burstIds);
    const gradingsPerAttempt = new Map<string, number>();
    for (const job of gradeJobs) gradingsPerAttempt.set(job.data.attemptId, (gradingsPerAttempt.get(job.data.attemptId) ?? 0) + (fleet.graded.get(job.id!) ?? 0));
    return {
      path: 'api',
      jobs,
      runners: 1,
      concurrency,
      submitMs,
      drainSeconds,
      verdictsPerSecond: jobs / drainSeconds,
      sustainedPerSecond: sustainedRate(burstTimings.finishedOn),
      missing: people.filter((p) => !stored.has(p.attemptId)).length,
      duplicated: people.filter((p) => (gradingsPerAttempt.get(p.attemptId) ?? 0) > 1).length,
      notPassed: [...stored.values()].filter((verdict) => verdict !== 'passed').length,
      idlePickupMs: (await jobTimings(queues.grade, jobsOf(idle))).pickupMs,
      burstPickupMs: burstTimings.pickupMs,
      drain,
    };
  } finally {
    await fleet.close();
    await queues.close();
    await platform.close();
  }
}
