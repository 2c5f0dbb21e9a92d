import express from 'express';
import {createSessionHandler, fileStore} from 'page-state/server';

const handler = createSessionHandler({secret: process.env.PAGE_STATE_SECRET, store: fileStore('.page-state')});
const app = express();
app.use(handler);
// The template writes `pageState` unescaped into its <head> (EJS: <%- pageState %>).
app.get('/', async (req, res) => res.render('index', {pageState: await handler.bootstrap(req)}));
