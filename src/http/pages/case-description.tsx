/** Renders case-description markup as escaped HTML blocks (never raw HTML). */
import { parseCaseDescription } from '../../domain/meetings/index.ts';

export function CaseDescription({ markup }: { markup: string }) {
  const blocks = parseCaseDescription(markup);
  return (
    <div class="case-description">
      {blocks.map((b) => {
        switch (b.kind) {
          case 'heading':
            return <h4>{b.text}</h4>;
          case 'paragraph':
            return <p>{b.text}</p>;
          case 'list':
            return (
              <ul>
                {b.items.map((i) => (
                  <li>{i}</li>
                ))}
              </ul>
            );
          case 'table':
            return (
              <div class="table--responsive-scroll">
                <table class="table table--compact">
                  <thead>
                    <tr>
                      {(b.rows[0] ?? []).map((cell) => (
                        <th scope="col">{cell}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.slice(1).map((row) => (
                      <tr>
                        {row.map((cell) => (
                          <td>{cell}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </div>
  );
}
