/**
 * A line chart as server-rendered SVG (no client script): one line per series over labelled
 * points, a dashed line at 100 %, and points marked when over 100 % (filled red ring) or under
 * the series' budget (white with a dark ring). Colours are SVG attributes, so the page's CSP
 * (no inline styles) is kept.
 */

export interface ChartSeries {
  name: string;
  /** One value per label (a fraction, 1 = 100 %), null where there is none. */
  values: readonly (number | null)[];
  /** The budgeted level, drawn as a thin dotted line in the series' colour. */
  budget: number | null;
}

const PALETTE = [
  '#0059b3',
  '#008139',
  '#b35900',
  '#6f42c1',
  '#00798a',
  '#a6192e',
  '#4d4d4d',
  '#996b00',
];

const W = 900;
const H = 340;
const M = { top: 16, right: 16, bottom: 36, left: 52 };

const pct = (v: number) => `${Math.round(v * 100)} %`;

export function LineChart(props: {
  title: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
}) {
  const all = props.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = Math.max(1.1, Math.ceil(((Math.max(0, ...all) + 0.05) * 100) / 10) / 10);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) =>
    M.left + (props.labels.length <= 1 ? plotW / 2 : (i * plotW) / (props.labels.length - 1));
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const ticks: number[] = [];
  for (let t = 0; t <= top + 1e-9; t += top > 1.5 ? 0.5 : 0.25) ticks.push(t);

  return (
    <figure class="finance-chart">
      <svg
        viewBox={`0 0 ${W} ${H + 24 * Math.ceil(props.series.length / 4)}`}
        role="img"
        aria-labelledby="chart-title"
        xmlns="http://www.w3.org/2000/svg"
        font-family="IBM Plex Sans, Arial, sans-serif"
        font-size="12"
      >
        <title id="chart-title">{props.title}</title>
        {ticks.map((t) => (
          <g>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#e0e0e0" />
            <text x={M.left - 6} y={y(t) + 4} text-anchor="end" fill="#333">
              {pct(t)}
            </text>
          </g>
        ))}
        <line
          x1={M.left}
          x2={W - M.right}
          y1={y(1)}
          y2={y(1)}
          stroke="#a6192e"
          stroke-dasharray="6 4"
        />
        {props.labels.map((label, i) => (
          <text x={x(i)} y={H - M.bottom + 18} text-anchor="middle" fill="#333">
            {label}
          </text>
        ))}
        <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + plotH} stroke="#767676" />
        <line x1={M.left} x2={W - M.right} y1={M.top + plotH} y2={M.top + plotH} stroke="#767676" />
        {props.series.map((s, si) => {
          const colour = PALETTE[si % PALETTE.length] ?? '#000';
          const segments: string[][] = [[]];
          s.values.forEach((v, i) => {
            if (v === null) segments.push([]);
            else segments[segments.length - 1]?.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
          });
          return (
            <g>
              {s.budget !== null ? (
                <line
                  x1={M.left}
                  x2={W - M.right}
                  y1={y(s.budget)}
                  y2={y(s.budget)}
                  stroke={colour}
                  stroke-dasharray="2 3"
                  stroke-width="1"
                />
              ) : null}
              {segments
                .filter((seg) => seg.length > 1)
                .map((seg) => (
                  <polyline points={seg.join(' ')} fill="none" stroke={colour} stroke-width="2" />
                ))}
              {s.values.map((v, i) => {
                if (v === null) return null;
                const over = v > 1 + 1e-12;
                const under = !over && s.budget !== null && v < s.budget - 1e-12;
                return (
                  <circle
                    cx={x(i).toFixed(1)}
                    cy={y(v).toFixed(1)}
                    r={over || under ? 5.5 : 3.5}
                    fill={over ? '#a6192e' : under ? '#ffffff' : colour}
                    stroke={over ? '#a6192e' : under ? '#1a1a1a' : colour}
                    stroke-width={under ? 2 : 1}
                  >
                    <title>{`${s.name}, ${props.labels[i] ?? ''}: ${(v * 100).toFixed(1).replace('.', ',')} %${over ? ' (over 100 %)' : under ? ' (under budget)' : ''}`}</title>
                  </circle>
                );
              })}
            </g>
          );
        })}
        {props.series.map((s, si) => {
          const colour = PALETTE[si % PALETTE.length] ?? '#000';
          const lx = M.left + (si % 4) * 210;
          const ly = H + 4 + Math.floor(si / 4) * 24;
          return (
            <g>
              <line x1={lx} x2={lx + 22} y1={ly} y2={ly} stroke={colour} stroke-width="3" />
              <text x={lx + 28} y={ly + 4} fill="#1a1a1a">
                {s.name.length > 26 ? `${s.name.slice(0, 25)}…` : s.name}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="muted">
        Stiplet rød linje: 100 %. Røde punkter: over 100 %. Hvide punkter med mørk kant: under den
        budgetterede belægning (prikket linje i institutionens farve).
      </figcaption>
    </figure>
  );
}
