import {strict as assert} from 'node:assert';
import {spawn} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {createSessionHandler} from '../../src/server/handler.js';
import {fileStore} from '../../src/server/file-store.js';
import {cookieOf, json, serve} from './helpers.js';
import {tempDir} from '../temp-dir.js';

const folder = () => tempDir('files');
const data = (n: number) => ({version: 1, values: {n}});

describe('file store', () => {
  const stores: {close(): void}[] = [];
  const open = (dir: string, options?: Parameters<typeof fileStore>[1]) => {
    const store = fileStore(dir, options);
    stores.push(store);
    return store;
  };
  after(() => stores.forEach((s) => s.close()));

  it('keeps all of 50 concurrent PUTs to 50 namespaces of one session', async () => {
    const {base, close} = await serve(
      createSessionHandler({secret: 'a test secret of thirty-two characters', store: open(folder())}),
    );
    try {
      const cookie = cookieOf(
        await fetch(`${base}/page-state/First`, {method: 'PUT', headers: json, body: JSON.stringify(data(0))}),
      );
      const puts = Array.from({length: 50}, (_, i) =>
        fetch(`${base}/page-state/ns${i}`, {method: 'PUT', headers: {...json, cookie}, body: JSON.stringify(data(i))}),
      );
      assert.deepEqual(
        (await Promise.all(puts)).map((r) => r.status),
        Array(50).fill(204),
      );
      for (let i = 0; i < 50; i++) {
        const read = await fetch(`${base}/page-state/ns${i}`, {headers: {cookie}});
        assert.deepEqual(await read.json(), data(i), `ns${i}`);
      }
    } finally {
      await close();
    }
  });

  it('killed with SIGKILL mid-write 5 times: every file parses, keeps its newest acknowledged value, and the next sweep leaves no temp file', async () => {
    const dir = folder();
    const session = randomUUID();
    const writer = fileURLToPath(new URL('./crash-writer.js', import.meta.url));
    const acknowledged = new Map<string, number>();
    for (const killAfter of [3, 17, 40, 90, 160]) {
      const child = spawn(process.execPath, [writer, dir, session], {stdio: ['ignore', 'pipe', 'inherit']});
      let count = 0;
      let pending = '';
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          const lines = (pending + chunk.toString()).split('\n');
          pending = lines.pop()!;
          for (const line of lines) {
            const [namespace, n] = line.split(' ') as [string, string];
            acknowledged.set(namespace, Math.max(acknowledged.get(namespace) ?? 0, Number(n)));
            if (++count === killAfter) {
              child.kill('SIGKILL');
              resolve();
            }
          }
        });
      });
      await new Promise((resolve) => child.once('exit', resolve));
      for (const [namespace, n] of acknowledged) {
        const stored = JSON.parse(readFileSync(join(dir, session, `${namespace}.json`), 'utf8')) as {
          values: {n: number};
        };
        assert.ok(stored.values.n >= n, `${namespace}: acknowledged ${n}, the file holds ${stored.values.n}`);
      }
    }
    const store = open(dir, {now: () => Date.now() + 120_000});
    await store.sweep();
    assert.deepEqual(
      readdirSync(join(dir, session)).filter((name) => name.endsWith('.tmp')),
      [],
    );
    assert.deepEqual(
      readdirSync(join(dir, session))
        .filter((name) => !name.startsWith('.'))
        .sort(),
      ['ns0.json', 'ns1.json', 'ns2.json', 'ns3.json', 'ns4.json'],
    );
  });

  it('sweeps expired sessions and temp files left by a crash', async () => {
    let now = Date.now();
    const dir = folder();
    const store = open(dir, {now: () => now});
    const [old, fresh] = [randomUUID(), randomUUID()];
    await store.set(old, 'A', data(1), {ttlSeconds: 60});
    await store.set(fresh, 'A', data(2), {ttlSeconds: 3600});
    writeFileSync(join(dir, fresh, '.A.json.stale.tmp'), '{');
    now += 120_000;
    assert.equal(await store.get(old, 'A'), undefined, 'expired sessions read as nothing before the sweep');
    assert.equal(await store.sweep(), 2);
    assert.deepEqual(readdirSync(dir).sort(), [fresh]);
    assert.deepEqual(readdirSync(join(dir, fresh)).sort(), ['.expires', 'A.json']);
    assert.deepEqual(await store.get(fresh, 'A'), data(2));
  });

  it('a batch of concurrent writes to one session admits in arrival order up to the quota, and refuses a write past its deadline', async () => {
    const dir = folder();
    const store = open(dir);
    const session = randomUUID();
    const quota = {namespaces: 3, bytes: 1 << 20};
    await store.set(session, 'First', data(0), {ttlSeconds: 60, quota});
    const results = await Promise.allSettled(
      Array.from({length: 5}, (_, i) => store.set(session, `ns${i}`, data(i), {ttlSeconds: 60, quota})),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'rejected', 'rejected', 'rejected'],
    );
    assert.ok(results.slice(2).every((r) => r.status === 'rejected' && (r.reason as Error).name === 'QuotaError'));
    assert.deepEqual(
      readdirSync(join(dir, session))
        .filter((name) => !name.startsWith('.'))
        .sort(),
      ['First.json', 'ns0.json', 'ns1.json'],
    );
    const late = store.set(session, 'ns0', data(99), {ttlSeconds: 60, deadline: Date.now() - 1});
    const onTime = store.set(session, 'ns1', data(42), {ttlSeconds: 60, deadline: Date.now() + 60_000});
    await assert.rejects(late, {name: 'StoreUnavailableError'});
    await onTime;
    assert.deepEqual(await store.get(session, 'ns0'), data(0), 'the late write changed nothing');
    assert.deepEqual(await store.get(session, 'ns1'), data(42));
    assert.deepEqual(
      readdirSync(join(dir, session)).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });

  it('refuses session ids that are not UUIDs, so no path escapes its folder', async () => {
    const store = open(folder());
    await assert.rejects(store.set('../escape', 'A', data(1), {ttlSeconds: 60}), /not a session id/);
  });

  it('generates a secret once, readable by its owner only, and the handler warns about it', () => {
    const dir = folder();
    const warnings: unknown[] = [];
    const warn = console.warn;
    const saved = process.env.PAGE_STATE_SECRET;
    delete process.env.PAGE_STATE_SECRET;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      createSessionHandler({store: open(dir)});
      createSessionHandler({store: open(dir)});
    } finally {
      console.warn = warn;
      if (saved !== undefined) process.env.PAGE_STATE_SECRET = saved;
    }
    assert.equal(statSync(join(dir, 'secret')).mode & 0o777, 0o600);
    assert.equal(readFileSync(join(dir, 'secret'), 'utf8').length, 43);
    assert.equal(warnings.length, 2);
    assert.match(String(warnings[0]), /PAGE_STATE_SECRET/);
  });
});

/** Runs the multi-writer child process; resolves with what it printed. */
const child = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const writer = fileURLToPath(new URL('./multi-writer.js', import.meta.url));
    const process_ = spawn(process.execPath, [writer, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
    let out = '';
    let err = '';
    process_.stdout.on('data', (c: Buffer) => (out += c));
    process_.stderr.on('data', (c: Buffer) => (err += c));
    // 'close', not 'exit': under load a child can exit before its output has been read.
    process_.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
  });

describe('file store shared by several processes on one folder', () => {
  for (const processes of [2, 4]) {
    it(`loses none of 1,000 namespaces written by ${processes} processes into the same new sessions`, async () => {
      const dir = folder();
      const sessions = Array.from({length: 20}, () => randomUUID());
      const per = 1000 / processes;
      const acknowledged = await Promise.all(
        Array.from({length: processes}, (_, p) =>
          child(dir, 'write', String(p * per), String((p + 1) * per - 1), ...sessions),
        ),
      );
      assert.equal(
        acknowledged.map(Number).reduce((a, b) => a + b),
        1000,
      );
      const store = fileStore(dir);
      try {
        const read = await Promise.all(
          Array.from({length: 1000}, (_, i) => store.get(sessions[i % sessions.length]!, `ns${i}`)),
        );
        assert.equal(read.filter((d, i) => d?.values.n !== i).length, 0, 'lost');
      } finally {
        store.close();
      }
    });
  }

  it('30 processes starting at once without a secret: no crash, one secret', async () => {
    const dir = folder();
    const secrets = await Promise.all(Array.from({length: 30}, () => child(dir, 'secret')));
    assert.equal(new Set(secrets).size, 1, `secrets printed: ${JSON.stringify([...new Set(secrets)])}`);
    assert.equal(secrets[0]!.length, 43);
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.includes('secret')),
      ['secret'],
    );
  });
});
