import {spawn, type ChildProcess} from 'node:child_process';
import {once} from 'node:events';
import {createServer} from 'node:net';

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const {port} = probe.address() as {port: number};
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Options of {@link startRedis}. */
export interface RedisOptions {
  port?: number;
  /** A folder to keep data in (append-only file synced on every write), so a restart keeps it. */
  dir?: string;
  /** A cluster node (its `nodes.conf` kept in `dir`). */
  cluster?: boolean;
}

/** A redis-server the test started: stop and start it again on its port, or pause it (SIGSTOP). */
export interface RedisProcess {
  url: string;
  port: number;
  dir?: string;
  stop(): Promise<void>;
  pause(): void;
  resume(): void;
}

/**
 * Starts a throwaway redis-server on a free loopback port: no persistence unless `dir` is given.
 * `npm test` makes sure the binary exists (it installs Debian's redis-server or stops with
 * instructions).
 */
export async function startRedis(options: RedisOptions | number = {}): Promise<RedisProcess> {
  const {port, dir, cluster} = typeof options === 'number' ? {port: options} : options;
  const chosen = port ?? (await freePort());
  const binary = process.env.REDIS_SERVER || 'redis-server';
  const persistence = dir ? ['--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const clustering = cluster
    ? ['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${chosen}.conf`, '--cluster-node-timeout', '2000']
    : [];
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', ...persistence, ...clustering],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.once('error', (error) => reject(new Error(`cannot start ${binary}: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`${binary} exited with ${code}: ${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
  });
  child.removeAllListeners('exit');
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume(); // keep draining its log, or a chatty server blocks on a full pipe
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    dir,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited;
    },
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
  };
}
