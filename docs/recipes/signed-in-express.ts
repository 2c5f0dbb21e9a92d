import type {Request} from 'express';
import type {Identity} from 'page-state/server';

/** Who is signed in, for `createSessionHandler({identify})`: Passport's `req.user`. */
export const identify = (req: unknown): Identity => ((req as Request).user as {id: string} | undefined)?.id;

// app.use(session({secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false}));
// app.use(passport.initialize(), passport.session()); // your strategy, serializeUser, /login, /logout
// app.use(createSessionHandler({
//   secret: process.env.PAGE_STATE_SECRET, store: fileStore('.page-state'), identify,
//   adoptAnonymous: 'missing', // on sign-in, what the visitor drafted fills what the account lacks
// }));
