/**
 * The publishing guard's page: the findings in the text about to be published (CPR numbers
 * masked, tables per citizen), and a form that publishes anyway only with the box ticked. Only
 * the secretariat reaches it (the publish actions require it), and only public text was scanned.
 */
import {
  CPR_RULE_LABEL,
  FINDING_KIND_LABEL,
  PublishingFindingsError,
  type Finding,
} from '../../domain/privacy/index.ts';
import { Csrf } from './components.tsx';
import { page, type PageContext } from './render.tsx';

export const CONFIRM_LABEL = 'Jeg har gennemgået fundene og vil offentliggøre alligevel';

export interface FindingsPageProps {
  /** "Udsend dagsorden" */
  title: string;
  breadcrumbs: { href: string; label: string }[];
  /** the form's action: the same publish action again */
  action: string;
  /** where "Tilbage" goes */
  back: string;
  version: number;
  error: PublishingFindingsError;
  /** the form was sent from this page without the box ticked */
  unticked: boolean;
}

function FindingRow({ f }: { f: Finding }) {
  return (
    <tr>
      <td>{FINDING_KIND_LABEL[f.kind]}</td>
      <td>
        {f.text}
        {f.rule !== null ? <span class="muted"> ({CPR_RULE_LABEL[f.rule]})</span> : null}
      </td>
      <td>{f.where.item === null ? '' : `${f.where.item.number}. ${f.where.item.title}`}</td>
      <td>{f.where.source}</td>
      <td>{f.where.line}</td>
    </tr>
  );
}

export function findingsPage(c: PageContext, p: FindingsPageProps) {
  return page(
    c,
    { title: p.title, breadcrumbs: p.breadcrumbs },
    <>
      <h1>{p.title}: kontrol før offentliggørelse</h1>
      {p.unticked ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <p class="alert-heading">
              Sæt kryds ved "{CONFIRM_LABEL}" for at offentliggøre, eller ret teksten først.
            </p>
          </div>
        </div>
      ) : null}
      <div class="alert alert-warning" role="status">
        <div class="alert-body">
          <p class="alert-heading">{p.error.message}</p>
          <p>
            Der er kun kontrolleret det, offentligheden får at se: åbne punkter og åbne bilag, og
            den offentlige titel på lukkede punkter. CPR-numre vises maskeret.
          </p>
        </div>
      </div>
      <div class="table--responsive-scroll">
        <table class="table table--compact publishing-findings">
          <thead>
            <tr>
              <th scope="col">Fund</th>
              <th scope="col">Hvad</th>
              <th scope="col">Punkt</th>
              <th scope="col">Felt eller bilag</th>
              <th scope="col">Linje</th>
            </tr>
          </thead>
          <tbody>
            {p.error.findings.map((f) => (
              <FindingRow f={f} />
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action={p.action} class="stack">
        <Csrf token={c.get('csrfToken')} />
        <input type="hidden" name="version" value={String(p.version)} />
        <input type="hidden" name="reviewed" value="1" />
        <div class={`form-group-checkbox${p.unticked ? ' form-error' : ''}`}>
          <input
            id="confirmFindings"
            type="checkbox"
            name="confirmFindings"
            value="1"
            class="form-checkbox"
          />
          <label for="confirmFindings" class="form-label">
            {CONFIRM_LABEL}
          </label>
        </div>
        <div class="button-row">
          <button type="submit" class="button button-primary">
            Offentliggør alligevel
          </button>
          <a class="button button-secondary" href={p.back}>
            Tilbage
          </a>
        </div>
      </form>
    </>,
    409,
  );
}

/**
 * Runs a publish from a form: `confirmFindings` ticked publishes anyway; findings otherwise give
 * the findings page. Anything else goes to the caller's own handling.
 */
export async function publishFromForm(
  c: PageContext,
  values: Record<string, string>,
  run: (confirmFindings: boolean) => Promise<Response>,
  props: Omit<FindingsPageProps, 'error' | 'unticked' | 'version'>,
): Promise<Response> {
  try {
    return await run(values.confirmFindings === '1');
  } catch (error) {
    if (!(error instanceof PublishingFindingsError)) throw error;
    return findingsPage(c, {
      ...props,
      error,
      version: Number(values.version),
      unticked: values.reviewed === '1',
    });
  }
}
