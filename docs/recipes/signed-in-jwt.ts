import {jwtVerify} from 'jose';
import type {Identity} from 'page-state/server';

/** Who is signed in, for `createSessionHandler({identify})`: the subject of a valid bearer
 * token. A forged or expired token is nobody (anonymous), not an error. */
export const bearerIdentity = (key: Uint8Array, issuer: string) => async (request: unknown): Promise<Identity> => {
  const token = (request as Request).headers.get('authorization')?.replace(/^Bearer /, '');
  if (!token) return null;
  try {
    return (await jwtVerify(token, key, {issuer})).payload.sub;
  } catch {
    return null;
  }
};

// const handler = createSessionHandler({store, identify: bearerIdentity(new TextEncoder().encode(process.env.JWT_KEY!), 'my-app')});
// export default {fetch: (request: Request) => handler.fetch(request)};
// In the page, every request of the namespace's adapter carries the token:
// serverStorage('/page-state', {fetch: (url, init) => fetch(url, {...init, headers: {...init?.headers, authorization: `Bearer ${token}`}})});
