/** A case thread as a timeline: one entry per item, in date order, with its decision excerpt. */
import { formatDanishDate } from '../../domain/meetings/index.ts';
import type { ThreadView } from '../../services/thread.service.ts';

/** "20. januar 2021 – 22. januar 2019": the span of a thread's dates. */
export function threadSpan(thread: Pick<ThreadView, 'items'>): string {
  const dates = thread.items.map((i) => i.date).filter((d): d is string => d !== null);
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) return 'uden dato';
  return first === last
    ? formatDanishDate(first)
    : `${formatDanishDate(first)} – ${formatDanishDate(last)}`;
}

export function ThreadTimeline(p: {
  thread: ThreadView;
  /** The item whose page shows the timeline: marked, not linked. */
  currentItemId?: number;
  /** Show the heading with a link to the thread's own page (on the item page). */
  withHeading?: boolean;
}) {
  return (
    <section class="thread-timeline" aria-labelledby={`sagsforloeb-${p.thread.id}`}>
      {p.withHeading ? (
        <>
          <h2 class="h4" id={`sagsforloeb-${p.thread.id}`}>
            Sagsforløb: {p.thread.title}
          </h2>
          <p class="muted">
            Punktet indgår i et sagsforløb med {p.thread.items.length} punkter (
            {threadSpan(p.thread)}
            ). <a href={`/threads/${p.thread.id}`}>Se hele sagsforløbet</a>
          </p>
        </>
      ) : (
        <h2 class="sr-only" id={`sagsforloeb-${p.thread.id}`}>
          Tidslinje
        </h2>
      )}
      <ol class="timeline nobullet-list">
        {p.thread.items.map((i) => {
          const current = i.itemId === p.currentItemId;
          return (
            <li
              class={`timeline-entry${current ? ' timeline-current' : ''}`}
              aria-current={current ? 'true' : undefined}
            >
              <p class="timeline-when">
                <strong>{formatDanishDate(i.date)}</strong> · {i.committee}
                {i.confirmed ? <span class="muted"> · bekræftet</span> : null}
              </p>
              <p class="timeline-title">
                {current ? (
                  <>
                    Punkt {i.number}. {i.title} <span class="muted">(dette punkt)</span>
                  </>
                ) : (
                  <a href={`/items/${i.itemId}`}>
                    Punkt {i.number}. {i.title}
                  </a>
                )}
              </p>
              {i.decisionExcerpt !== null ? (
                <p class="timeline-decision">
                  <span class="muted">Beslutning: </span>
                  {i.decisionExcerpt}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
