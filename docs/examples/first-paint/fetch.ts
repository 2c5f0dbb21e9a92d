import {createSessionHandler, fileStore, type SessionHandlerOptions} from 'page-state/server';

/** A fetch handler (Bun.serve, Deno.serve, a worker): page-state's requests, and the pages
 * `render` answers, each with the visitor's page-state put in. */
export function fetchWithState(
  render: (request: Request) => Promise<Response>,
  options: Partial<SessionHandlerOptions> = {},
): (request: Request) => Promise<Response> {
  const handler = createSessionHandler({
    secret: process.env.PAGE_STATE_SECRET,
    ...options,
    store: options.store ?? fileStore('.page-state'),
  });
  return async (request) => {
    if (new URL(request.url).pathname.startsWith('/page-state/')) return handler.fetch(request);
    return handler.inject(await render(request), request);
  };
}
