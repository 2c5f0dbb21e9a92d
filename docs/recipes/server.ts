import http from 'node:http';
import {defineState, parseUrl, serializeUrl, stateVar} from 'page-state/core';

// The same definition the browser uses (import it from a module both share).
export const Filters = defineState('Filters', {urlPrefix: 'f_', vars: {q: stateVar.string(''), page: stateVar.int(1, {urlKey: 'p'})}});

export const server = http.createServer((req, res) => {
  const {values, errors} = parseUrl(Filters, req.url ?? '/');
  // Bad params fall back as in the browser; redirect to the URL the browser would correct them to.
  if (errors.length) return void res.writeHead(302, {location: serializeUrl(Filters, values, req.url)}).end();
  res.writeHead(200, {'content-type': 'text/plain'}).end(`page ${values.page} of "${values.q}"`);
});
