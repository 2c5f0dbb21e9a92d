// The rows of the session handler under load (bench/server.ts): throughput beside a bare
// node:http server, floods, neighbours. A note beside a row says what in the code it explains.
import {fmt, kib, ratio, withRounds, type Row} from './format.js';
import type {serverLoad} from './server.js';

/** The rows of the session handler's load: its throughput per store, the floors, floods and quotas. */
export function serverRows(load: Awaited<ReturnType<typeof serverLoad>>): Row[] {
  return [
    ...(
      [
        ['memory', 'memory store, 1,000 sessions (the handler alone)', '(record)'],
        [
          'memoryUser',
          'memory store, 1,000 signed-in accounts (identify, keyed by HMAC)',
          'within 10 % of the anonymous row',
        ],
        // The file store (src/server/atomic-files.ts) opens, writes, renames and closes a small file
        // synchronously: these only touch the page cache and cost less than a thread-pool round trip
        // each; the syncs, the waits for the disk, stay asynchronous, so the event loop never waits
        // for it (better-sqlite3 makes the same trade). A session's file sizes are read with statSync
        // too: one awaited stat per namespace doubled the time of a write to a session of 50
        // namespaces under the default quota.
        ['file', 'file store, 1,000 sessions, against the same durable replace done bare', '≥ 0.7× bare, 0 lost'],
        ['fileHot', 'file store, one hot session, against the same durable replace done bare', '≥ 0.7× bare, 0 lost'],
        ['redis', 'Redis store, 1,000 sessions', '≥ 0.50× bare, 0 lost'],
      ] as const
    ).map(([kind, label, target]): [string, string, string, string, string] => [
      `session handler PUT, ${label}`,
      `${fmt(load[kind].requestsPerSecond, 'req/s')}, p99 ${load[kind].p99Ms} ms, ${load[kind].errors} errors, ${load[kind].lost} lost of ${load[kind].acknowledged}`,
      `bare node:http ${fmt(load[kind].bare.requestsPerSecond, 'req/s')}, p99 ${load[kind].bare.p99Ms} ms`,
      withRounds(load[kind]),
      target,
    ]),
    [
      '… a bare node:http server making the same Redis round trip (HSET per PUT), nothing else',
      `${fmt(load.redis.floor!.requestsPerSecond, 'req/s')}, p99 ${load.redis.floor!.p99Ms} ms, ${load.redis.floor!.lost} lost`,
      `bare node:http ${fmt(load.redis.bare.requestsPerSecond, 'req/s')}; page-state's Redis row ${ratio(load.redis.requestsPerSecond, load.redis.floor!.requestsPerSecond)} of this floor`,
      ratio(load.redis.floor!.requestsPerSecond, load.redis.bare.requestsPerSecond),
      '(record: what the round trip alone costs)',
    ],
    [
      'the disk under the file rows: durable replaces done bare (temp file, fdatasync, rename, folder fsync), 10 folders at a time',
      `${fmt(load.disk.before, '/s')} before the rows, ${fmt(load.disk.after, '/s')} after`,
      '—',
      '—',
      '(record: the file rows follow it)',
    ],
    [
      '… the signed-in row against the anonymous one, round by round (the two run back to back)',
      `${fmt(load.signedIn.user.requestsPerSecond, 'req/s')}`,
      `anonymous ${fmt(load.signedIn.anonymous.requestsPerSecond, 'req/s')}`,
      withRounds(load.signedIn),
      '≥ 0.9×',
    ],
    ...(['shared', 'pinned', 'wide'] as const).map((how): [string, string, string, string, string] => {
      const [flood, floor] = [load.flood[how], load.flood[`${how}Floor`]];
      const where = {
        shared: "16 connections, the flood's processes on the server's 2 cores",
        pinned: '16 connections, the flood on CPU 1, the server on CPU 0',
        wide: '512 connections (past the 256 refusals held), the flood on CPU 1, the server on CPU 0',
      }[how];
      return [
        `30 s flood of cookieless PUTs (16 B / 60 KB, ${where}), file store: an existing session's and a signed-in user's p99`,
        `${flood.floodedP99Ms} ms, ${flood.userFailures} failed; ${fmt(flood.floodRequests / 30, 'flood requests/s')}`,
        `idle server ${flood.idleP99Ms} ms; the floor (bare node:http, the same durable replace, every flood request refused unread) ${floor.idleP99Ms} → ${floor.floodedP99Ms} ms, ${ratio(floor.floodedP99Ms, floor.idleP99Ms)}, ${fmt(floor.floodRequests / 30, 'flood requests/s')}`,
        ratio(flood.floodedP99Ms, flood.idleP99Ms),
        how === 'wide' ? '(record: the flood past what is held, beside its floor), 0 failed' : 'within 2×, 0 failed',
      ];
    }),
    [
      '… the store after the flood',
      `${load.flood.shared.sessions} sessions, ${kib(load.flood.shared.bytes)}`,
      `budget ${load.flood.shared.budget.maxSessions} sessions, ${kib(load.flood.shared.budget.maxBytes)}; ${load.flood.shared.floodRefused} of ${load.flood.shared.floodRequests} flood requests refused`,
      '—',
      'within the budget',
    ],
    [
      "a user's GET p99 while a session at its quota (100 namespaces, 1 MiB) is read 4 at a time, file store",
      `${load.neighbours.atQuota.p99Ms} ms`,
      `beside a small session: ${load.neighbours.small.p99Ms} ms`,
      ratio(load.neighbours.atQuota.p99Ms, load.neighbours.small.p99Ms),
      'within 2×',
    ],
  ];
}
