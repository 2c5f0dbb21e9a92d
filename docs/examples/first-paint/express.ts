import express from 'express';
import {createSessionHandler, fileStore, type SessionHandlerOptions} from 'page-state/server';

/** An Express app whose pages start with the visitor's page-state: no placeholder, no request. */
export function appWithState(pages: string, options: Partial<SessionHandlerOptions> = {}): express.Express {
  const handler = createSessionHandler({
    secret: process.env.PAGE_STATE_SECRET,
    ...options,
    store: options.store ?? fileStore('.page-state'),
  });
  const app = express();
  app.use(handler); // GET|PUT|DELETE /page-state/…: what the browser reads and writes
  app.use(handler.inject()); // the HTML answers below carry the session's state, marked private
  app.use(express.static(pages)); // or a template engine, or Vite in middleware mode
  return app;
}
