// server.ts (npm install page-state express): the page in public/, the sessions outside it.
import express from 'express';
import {createSessionHandler, fileStore} from 'page-state/server';

const app = express();
app.use(createSessionHandler({store: fileStore('./sessions')}));
app.use(express.static('public'));
app.listen(8080);
