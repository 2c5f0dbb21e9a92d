import express from 'express';
import {createSessionHandler, fileStore} from 'page-state/server';

const handler = createSessionHandler({secret: process.env.PAGE_STATE_SECRET, store: fileStore('.page-state')});
const app = express();
app.set('view engine', 'ejs'); // npm install ejs; the page is views/index.ejs
app.use(handler);
// views/index.ejs writes `pageState` unescaped into its <head>: <%- pageState %>
app.get('/', async (req, res) => res.render('index', {pageState: await handler.bootstrap(req)}));
app.listen(8080);
