/**
 * Small hand-drawn SVG charts for the benchmark report: no plotting library is worth its
 * weight for two chart kinds. Each returns a complete SVG document.
 */
export interface Bar {
  label: string;
  /** Stacked, left to right: p50, then p95 beyond it. */
  p50: number;
  p95: number;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function latencyBars(title: string, bars: Bar[], unit = 'ms'): string {
  const width = 760;
  const rowHeight = 28;
  const left = 230;
  const height = 60 + bars.length * rowHeight;
  const max = Math.max(1, ...bars.map((b) => b.p95));
  const scale = (v: number) => (v / max) * (width - left - 80);
  const rows = bars
    .map((bar, i) => {
      const y = 40 + i * rowHeight;
      return [
        `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${escape(bar.label)}</text>`,
        `<rect x="${left}" y="${y + 3}" width="${scale(bar.p95).toFixed(1)}" height="16" fill="#c7d2fe"/>`,
        `<rect x="${left}" y="${y + 3}" width="${scale(bar.p50).toFixed(1)}" height="16" fill="#4f46e5"/>`,
        `<text x="${left + scale(bar.p95) + 6}" y="${y + 15}">${bar.p50.toFixed(0)} / ${bar.p95.toFixed(0)} ${unit}</text>`,
      ].join('');
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">
<rect width="100%" height="100%" fill="white"/>
<text x="12" y="22" font-size="15" font-weight="bold">${escape(title)}</text>
<text x="${width - 12}" y="22" text-anchor="end" fill="#555">dark: p50, light: p95</text>
${rows}
</svg>
`;
}

/** A line of (x, y) points, e.g. jobs remaining over time during a burst. */
export function lineChart(title: string, points: Array<[number, number]>, xLabel: string, yLabel: string): string {
  const width = 760;
  const height = 320;
  const pad = { left: 60, right: 20, top: 40, bottom: 40 };
  const maxX = Math.max(1, ...points.map((p) => p[0]));
  const maxY = Math.max(1, ...points.map((p) => p[1]));
  const x = (v: number) => pad.left + (v / maxX) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / maxY) * (height - pad.top - pad.bottom);
  const path = points.map(([px, py], i) => `${i ? 'L' : 'M'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">
<rect width="100%" height="100%" fill="white"/>
<text x="12" y="22" font-size="15" font-weight="bold">${escape(title)}</text>
<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#999"/>
<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${height - pad.bottom}" stroke="#999"/>
<text x="${width / 2}" y="${height - 8}" text-anchor="middle">${escape(xLabel)} (max ${maxX.toFixed(1)})</text>
<text x="14" y="${height / 2}" transform="rotate(-90 14 ${height / 2})" text-anchor="middle">${escape(yLabel)} (max ${maxY})</text>
<path d="${path}" fill="none" stroke="#4f46e5" stroke-width="2"/>
</svg>
`;
}
