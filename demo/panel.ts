import {css} from 'lit';

/** Shared look of the demo's panels. */
export const panel = css`
  :host { display: block; background: var(--panel); border: 1px solid var(--border); border-radius: 10px; padding: 1rem 1.25rem; }
  h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 0.75rem; }
  label { display: grid; gap: 0.25rem; margin-bottom: 0.75rem; font-size: 0.9rem; }
  input, select { font: inherit; color: inherit; background: transparent; border: 1px solid var(--border); border-radius: 6px; padding: 0.35rem 0.5rem; }
  input[type='checkbox'] { justify-self: start; }
  button { font: inherit; color: var(--accent); background: none; border: 1px solid var(--accent); border-radius: 6px; padding: 0.3rem 0.8rem; cursor: pointer; }
  pre { margin: 0; font-size: 0.8rem; white-space: pre-wrap; word-break: break-all; }
  .muted { color: var(--muted); font-size: 0.85rem; }
`;
