import type { Element } from 'hast';
import type { Problem } from './protocol.js';

/**
 * The preview's problem list, shown on every page while the content has problems. The page
 * under it is the last good version, so an editor never loses the preview to one bad file.
 */
export function Overlay(problems: readonly Problem[]): Element {
  return (
    <aside id="verksam-problem" role="alert" aria-labelledby="verksam-problem-title">
      <h2 id="verksam-problem-title">
        {problems.length === 1 ? 'Innehållet har 1 problem' : `Innehållet har ${problems.length} problem`}
      </h2>
      <p>Förhandsvisningen visar den senaste fungerande versionen. Rätta filerna och spara, så försvinner rutan av sig själv.</p>
      <ol>
        {problems.map((problem) => (
          <li>
            <code>{`${problem.file}${problem.line ? `:${problem.line}:${problem.column ?? 1}` : ''}`}</code> {problem.message}
            {problem.rule ? <span class="verksam-rule">{` [${problem.rule}]`}</span> : null}
          </li>
        ))}
      </ol>
      <button type="button" id="verksam-problem-close">
        Dölj
      </button>
    </aside>
  ) as Element;
}

/** The overlay's own look, kept apart from the site's stylesheet; high contrast, readable. */
export const overlayStyle = `
#verksam-problem { position: fixed; inset: auto 0 0 0; z-index: 2147483647; max-height: 60vh; overflow: auto;
  margin: 0; padding: 1rem 1.5rem; background: #fff; color: #1b1f24; border-top: 6px solid #a32020;
  box-shadow: 0 -4px 24px rgba(0,0,0,.25); font: 1rem/1.5 system-ui, sans-serif; }
#verksam-problem h2 { margin: 0 0 .5rem; font-size: 1.25rem; color: #a32020; }
#verksam-problem code { font-weight: 700; }
#verksam-problem .verksam-rule { color: #4a5560; }
#verksam-problem button { font: inherit; padding: .4rem 1rem; }
#verksam-problem button:focus { outline: 3px solid #b3410e; outline-offset: 2px; }
`;
