import type { PerformanceMeasurement } from '@assay/contract';

/** How a performance test was judged, in one line: CPU times, the ratio against its limit, wall time, runs. */
export function MeasurementFigures({ measurement: m }: { measurement: PerformanceMeasurement }) {
  return (
    <p className="measurement" aria-label="Performance measurement">
      CPU {m.candidateCpuMs.toFixed(1)} ms vs the reference's {m.referenceCpuMs.toFixed(1)} ms (±{m.referenceSpreadMs.toFixed(1)}) ·{' '}
      {m.ratio.toFixed(2)}× of {m.maxRatio}× allowed · wall {m.candidateWallMs.toFixed(1)} ms · {m.runs} {m.runs === 1 ? 'run' : 'runs'}
    </p>
  );
}
