import {css} from 'lit';

/** The look shared by the demo's panels (colours come from demo.css, per theme). */
export const panel = css`
  :host {
    display: block;
    background: var(--panel);
    border: 1px solid var(--border);
    border-radius: 12px;
    padding: var(--pad);
    box-shadow: var(--shadow);
  }
  h2 {
    font-size: 0.75rem;
    text-transform: uppercase;
    letter-spacing: 0.08em;
    color: var(--muted);
    margin: 0 0 0.75rem;
    font-weight: 600;
  }
  label {
    display: grid;
    gap: 0.3rem;
    margin-bottom: var(--gap);
    font-size: 0.875rem;
    color: var(--muted);
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--text);
    background: var(--field);
    border: 1px solid var(--border);
    border-radius: 8px;
    padding: 0.4rem 0.6rem;
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  input:focus,
  select:focus,
  textarea:focus {
    outline: 2px solid var(--accent-soft);
    border-color: var(--accent);
  }
  [aria-invalid='true'] {
    border-color: var(--danger);
  }
  button {
    font: inherit;
    font-size: 0.875rem;
    color: var(--accent);
    background: transparent;
    border: 1px solid var(--border);
    border-radius: 8px;
    padding: 0.35rem 0.8rem;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--accent);
  }
  button.primary {
    background: var(--accent);
    color: var(--on-accent);
    border-color: var(--accent);
  }
  .muted {
    color: var(--muted);
    font-size: 0.8rem;
  }
  .chip {
    display: inline-block;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    background: var(--chip);
    font-size: 0.75rem;
    margin: 0 0.25rem 0.25rem 0;
  }
  .p3 {
    color: var(--danger);
  }
  .p2 {
    color: var(--warn);
  }
  .p1 {
    color: var(--muted);
  }
  code,
  pre {
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    font-size: 0.75rem;
  }
  pre {
    margin: 0;
    white-space: pre-wrap;
    word-break: break-all;
  }
`;
