/**
 * A horizontal bar chart as server-rendered SVG for the monitoring benchmarks: one bar per
 * kommune, the selected kommune in a darker colour, the regional average as a dashed line.
 * Colours are SVG attributes (the CSP allows no inline styles). Line charts of development use
 * the shared LineChart (svg-chart.tsx) with values indexed to the first year (1 = 100 %).
 */
import { formatKroner } from '../../domain/occupancy/index.ts';

export interface Bar {
  label: string;
  value: number | null;
  highlight: boolean;
}

const W = 900;
const ROW = 26;
const M = { top: 24, right: 120, bottom: 28, left: 150 };

export function BarChart(props: {
  title: string;
  bars: readonly Bar[];
  average: number | null;
  unit: string;
}) {
  const values = props.bars.map((b) => b.value ?? 0);
  const max = Math.max(1, ...values, props.average ?? 0) * 1.05;
  const plotW = W - M.left - M.right;
  const H = M.top + M.bottom + ROW * props.bars.length;
  const x = (v: number) => M.left + (Math.max(0, v) / max) * plotW;
  return (
    <figure class="finance-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={props.title}
        xmlns="http://www.w3.org/2000/svg"
        font-family="IBM Plex Sans, Arial, sans-serif"
        font-size="12"
      >
        <title>{props.title}</title>
        {props.bars.map((b, i) => {
          const y = M.top + i * ROW;
          return (
            <g>
              <text
                x={M.left - 8}
                y={y + ROW / 2 + 4}
                text-anchor="end"
                fill="#1a1a1a"
                font-weight={b.highlight ? '600' : '400'}
              >
                {b.label}
              </text>
              {b.value === null ? (
                <text x={M.left + 4} y={y + ROW / 2 + 4} fill="#767676">
                  ingen tal
                </text>
              ) : (
                <>
                  <rect
                    x={M.left}
                    y={y + 4}
                    width={(x(b.value) - M.left).toFixed(1)}
                    height={ROW - 8}
                    fill={b.highlight ? '#003d7a' : '#7fa8d6'}
                  >
                    <title>{`${b.label}: ${formatKroner(b.value)} ${props.unit}`}</title>
                  </rect>
                  <text x={x(b.value) + 6} y={y + ROW / 2 + 4} fill="#1a1a1a">
                    {formatKroner(b.value)}
                  </text>
                </>
              )}
            </g>
          );
        })}
        {props.average === null ? null : (
          <g>
            <line
              x1={x(props.average)}
              x2={x(props.average)}
              y1={M.top - 6}
              y2={H - M.bottom + 4}
              stroke="#a6192e"
              stroke-dasharray="6 4"
              stroke-width="2"
            />
            <text x={x(props.average)} y={H - 8} text-anchor="middle" fill="#a6192e">
              {`Regionen: ${formatKroner(props.average)} ${props.unit}`}
            </text>
          </g>
        )}
      </svg>
    </figure>
  );
}
