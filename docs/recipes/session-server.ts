import http from 'node:http';
import {createClient, createCluster} from 'redis';
import {createSessionHandler, fileStore, redisStore, type SessionStore} from 'page-state/server';

// A command sent while Redis is unreachable fails at once instead of waiting in the client's
// queue (the store also refuses while disconnected, and Redis refuses a write past its deadline).
const redisOptions = {disableOfflineQueue: true};
const report = (error: Error) => console.error(`redis: ${error.message}`); // without it a lost connection ends the process

async function sessionStore(): Promise<SessionStore> {
  if (process.env.REDIS_CLUSTER_NODES) {
    // A Redis Cluster: each session is one hash, so it lives on one slot of one master.
    const rootNodes = process.env.REDIS_CLUSTER_NODES.split(',').map((url) => ({url}));
    return redisStore(await createCluster({rootNodes, defaults: redisOptions}).on('error', report).connect());
  }
  if (process.env.REDIS_URL) return redisStore(await createClient({url: process.env.REDIS_URL, ...redisOptions}).on('error', report).connect());
  return fileStore('.page-state'); // the embedded default; several processes may share the folder
}

export const start = async (port = 8080) =>
  http.createServer(createSessionHandler({secret: process.env.PAGE_STATE_SECRET, store: await sessionStore()})).listen(port);
