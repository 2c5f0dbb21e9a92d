// The demo's own sign-in (Node, mounted by vite.config.ts): two demo accounts and no passwords.
// A sign-in sets the app's own signed login cookie; `identify` reads and verifies it, which is all
// page-state's handler needs to keep each account's state apart and follow it across windows.
import {createHmac, timingSafeEqual} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';

/** The demo's accounts. */
export const DEMO_ACCOUNTS = ['ada', 'grace'] as const;
const COOKIE = 'demo_login';

/** `POST /demo/login?as=ada|grace` and `POST /demo/logout`, and the `identify` that reads the login cookie. */
export function demoLogin(secret: string) {
  const sign = (account: string) =>
    `${account}.${createHmac('sha256', secret).update(`demo login ${account}`).digest('base64url')}`;
  const identify = (req: IncomingMessage | Request): string | undefined => {
    const header = req instanceof Request ? req.headers.get('cookie') : req.headers.cookie;
    const value = header
      ?.split(/;\s*/)
      .find((part) => part.startsWith(`${COOKIE}=`))
      ?.slice(COOKIE.length + 1);
    const account = value?.split('.')[0] ?? '';
    const expected = Buffer.from(sign(account));
    const given = Buffer.from(value ?? '');
    return expected.length === given.length && timingSafeEqual(expected, given) ? account : undefined;
  };
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? '/', 'http://demo');
    if (req.method !== 'POST' || !url.pathname.startsWith('/demo/log')) return next();
    const account = url.searchParams.get('as');
    if (url.pathname === '/demo/login' && DEMO_ACCOUNTS.includes(account as never)) {
      res.writeHead(204, {'set-cookie': `${COOKIE}=${sign(account!)}; Path=/; HttpOnly; SameSite=Lax`}).end();
    } else if (url.pathname === '/demo/logout') {
      res.writeHead(204, {'set-cookie': `${COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`}).end();
    } else res.writeHead(400).end();
  };
  return {identify, middleware};
}
