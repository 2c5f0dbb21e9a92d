import {bootIdentity} from '../persist/bootstrap.js';
import {identityOf} from '../persist/identity-hub.js';
import {partition} from '../persist/partition.js';
import {pageStateRuntime} from './runtime.js';

/**
 * Says who is signed in (`null`: nobody), for pages that sign in without a reload; with a
 * `persist: 'server'` namespace, the server's answers say it too (`page-state-identity`). On a
 * change every persisted namespace of the page re-hydrates for the new identity (vars the URL
 * holds keep their values; the rest go back to their defaults, then take the new identity's
 * stored values), browser storage switches to the identity's own keys, and `document` gets one
 * `page-state-identity` event. Signing out, or switching, deletes the previous identity's
 * `local` and `session` keys in this browser unless `keepOnSignOut` (the server keeps its state
 * for the next sign-in). `identity` is the app's own opaque, stable tag: never a password, and
 * better not an e-mail address, since it names storage keys.
 *
 * @example
 * ```ts
 * const user = await signIn(form);
 * setIdentity(user.id);                          // Ada's drafts, not the anonymous ones
 * setIdentity(null);                             // signed out: Ada's drafts leave this browser
 * setIdentity(null, {keepOnSignOut: true});      // ...or stay, for her next sign-in here
 * ```
 */
export function setIdentity(identity: string | null, options: {keepOnSignOut?: boolean} = {}): void {
  identityOf(pageStateRuntime(), partition, bootIdentity()).set(identity, options.keepOnSignOut);
}
