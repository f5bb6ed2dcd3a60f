/**
 * Small hand-drawn SVG charts for the benchmark report: no plotting library is worth its
 * weight for two chart kinds. Each returns a complete SVG document.
 */
export interface Bar {
  label: string;
  /** Stacked, left to right: p50, then the tail percentile (`tailLabel`) beyond it. */
  p50: number;
  tail: number;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function latencyBars(title: string, bars: Bar[], tailLabel: 'p95' | 'p99', unit = 'ms'): string {
  const width = 760;
  const rowHeight = 28;
  const left = 230;
  const height = 60 + bars.length * rowHeight;
  const max = Math.max(1, ...bars.map((b) => b.tail));
  const scale = (v: number) => (v / max) * (width - left - 80);
  const rows = bars
    .map((bar, i) => {
      const y = 40 + i * rowHeight;
      return [
        `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${escape(bar.label)}</text>`,
        `<rect x="${left}" y="${y + 3}" width="${scale(bar.tail).toFixed(1)}" height="16" fill="#c7d2fe"/>`,
        `<rect x="${left}" y="${y + 3}" width="${scale(bar.p50).toFixed(1)}" height="16" fill="#4f46e5"/>`,
        `<text x="${left + scale(bar.tail) + 6}" y="${y + 15}">${bar.p50.toFixed(0)} / ${bar.tail.toFixed(0)} ${unit}</text>`,
      ].join('');
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">
<rect width="100%" height="100%" fill="white"/>
<text x="12" y="22" font-size="15" font-weight="bold">${escape(title)}</text>
<text x="${width - 12}" y="22" text-anchor="end" fill="#555">dark: p50, light: ${tailLabel}</text>
${rows}
</svg>
`;
}

export interface Series {
  label: string;
  points: Array<[number, number]>;
  /** A reference line (a baseline) rather than a measurement. */
  dashed?: boolean;
}

const COLOURS = ['#4f46e5', '#dc2626', '#059669', '#d97706'];

/** Lines of (x, y) points on shared axes, e.g. verdicts done over time beside the ceiling's pace. */
export function lineChart(title: string, series: Series[], xLabel: string, yLabel: string): string {
  const width = 760;
  const height = 340;
  const pad = { left: 60, right: 20, top: 40, bottom: 60 };
  const all = series.flatMap((s) => s.points);
  const maxX = Math.max(1, ...all.map((p) => p[0]));
  const maxY = Math.max(1, ...all.map((p) => p[1]));
  const x = (v: number) => pad.left + (Math.min(v, maxX) / maxX) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (Math.min(v, maxY) / maxY) * (height - pad.top - pad.bottom);
  const lines = series
    .map((s, i) => {
      const colour = COLOURS[i % COLOURS.length];
      const path = s.points.map(([px, py], j) => `${j ? 'L' : 'M'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
      const legendX = pad.left + i * 240;
      return [
        `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
        `<line x1="${legendX}" y1="${height - 14}" x2="${legendX + 24}" y2="${height - 14}" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
        `<text x="${legendX + 30}" y="${height - 10}">${escape(s.label)}</text>`,
      ].join('');
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">
<rect width="100%" height="100%" fill="white"/>
<text x="12" y="22" font-size="15" font-weight="bold">${escape(title)}</text>
<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#999"/>
<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${height - pad.bottom}" stroke="#999"/>
<text x="${width / 2}" y="${height - pad.bottom + 20}" text-anchor="middle">${escape(xLabel)} (max ${maxX.toFixed(1)})</text>
<text x="14" y="${height / 2}" transform="rotate(-90 14 ${height / 2})" text-anchor="middle">${escape(yLabel)} (max ${maxY.toFixed(0)})</text>
${lines}
</svg>
`;
}
