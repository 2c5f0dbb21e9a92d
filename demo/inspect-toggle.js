// The demo's "Inspect" toggle: loads <state-inspector> on first use (it is never part of the
// page's own bundle) and shows or hides it. `load` imports the inspector: the Vite-built demo
// imports the package entry, the micro-frontends page the CDN file.
export function inspectToggle(button, load) {
  let inspector;
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', async () => {
    if (!inspector) {
      await load();
      inspector = document.createElement('state-inspector');
      inspector.id = 'inspector';
      inspector.className = 'inspector';
      document.body.append(inspector);
      button.setAttribute('aria-controls', 'inspector');
    } else inspector.hidden = !inspector.hidden;
    button.setAttribute('aria-expanded', String(!inspector.hidden));
  });
}
