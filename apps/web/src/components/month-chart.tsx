import type { ApiSchemas } from '@baoxun/api-client/api-client';

type MonthRow = ApiSchemas['EntityTimeline']['months'][number];

/** Articles per month as bars (SVG, no script or style needed), with the same numbers in a table below. */
export function MonthChart({ rows, caption }: { rows: MonthRow[]; caption: string }) {
  const max = Math.max(1, ...rows.map((row) => row.articles));
  const barWidth = 28;
  const gap = 6;
  const height = 120;
  const top = 16; // room for the tallest bar's number
  const width = Math.max(rows.length * (barWidth + gap), 120);
  return (
    <figure className="month-chart">
      <div className="chart-scroll">
        <svg viewBox={`0 ${-top} ${width} ${height + 34 + top}`} width={width} height={height + 34 + top} role="img" aria-label={`${caption}: ${rows.map((row) => `${row.month} ${row.articles}`).join(', ')}`}>
          {rows.map((row, index) => {
            const barHeight = Math.round((row.articles / max) * height);
            const x = index * (barWidth + gap);
            return (
              <g key={row.month}>
                <title>{`${row.month}: ${row.articles}`}</title>
                <rect x={x} y={height - barHeight} width={barWidth} height={barHeight} className="bar" />
                <text x={x + barWidth / 2} y={height - barHeight - 4} textAnchor="middle" className="bar-value">
                  {row.articles || ''}
                </text>
                <text x={x + barWidth / 2} y={height + 14} textAnchor="middle" className="bar-label">
                  {row.month.slice(5)}
                </text>
                {index === 0 || row.month.endsWith('-01') ? (
                  <text x={x + barWidth / 2} y={height + 28} textAnchor="middle" className="bar-label">
                    {row.month.slice(0, 4)}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>{caption}</figcaption>
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">月份 Month</th>
            <th scope="col">文章 Articles</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.month}>
              <td>{row.month}</td>
              <td>{row.articles}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
