// Finds the system tools the tests need, installing them with apt-get when that is possible.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';

/** The native TypeScript 7 compiler the project builds with; `typescript` itself is 5.9, the
 * version whose JS API the tools' peer dependencies (vue-tsc, typescript-eslint) ask for. */
export const TSC_7 = 'node_modules/typescript-7/bin/tsc';

/** How the tests and the bench start Debian's Chromium: as root (no sandbox), off the network (there
 * is none to reach here, nor on users' locked-down CI), with no first-run or update work. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/**
 * Returns the path of a tool, installing its Debian package when missing and we are root with
 * apt-get; otherwise exits with a message saying exactly what to install.
 */
export function requireTool({name, path, command, aptPackage, envVar, optional = false}) {
  const found = () =>
    process.env[envVar] && existsSync(process.env[envVar])
      ? process.env[envVar]
      : existsSync(path)
        ? path
        : onPath(command)
          ? command
          : null;
  let tool = found();
  if (tool) return tool;
  if (process.getuid?.() === 0 && onPath('apt-get')) {
    console.log(`${name} is missing: installing the Debian package "${aptPackage}" with apt-get...`);
    execFileSync(
      'sh',
      ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${aptPackage}`],
      {stdio: 'inherit'},
    );
    tool = found();
    if (tool) return tool;
  }
  if (optional) {
    console.warn(
      `\n${name} is missing and could not be installed: the tests that need it are skipped (install ${aptPackage}; under CI=true they fail instead).\n`,
    );
    return null;
  }
  console.error(
    `\n${name} is required by the tests and could not be installed automatically.\n` +
      `Install it with:  sudo apt-get install -y ${aptPackage}\n` +
      `or point ${envVar} at an existing binary.\n`,
  );
  process.exit(1);
}

export const chromium = () =>
  requireTool({
    name: 'Chromium',
    path: '/usr/bin/chromium',
    command: 'chromium',
    aptPackage: 'chromium',
    envVar: 'CHROME_PATH',
  });

export const redisServer = () =>
  requireTool({
    name: 'redis-server',
    path: '/usr/bin/redis-server',
    command: 'redis-server',
    aptPackage: 'redis-server',
    envVar: 'REDIS_SERVER',
  });

/** redis-cli creates the Redis Cluster of the cluster test; outside CI its absence skips that test. */
export const redisCli = () =>
  requireTool({
    name: 'redis-cli',
    path: '/usr/bin/redis-cli',
    command: 'redis-cli',
    aptPackage: 'redis-tools',
    envVar: 'REDIS_CLI',
    optional: !process.env.CI,
  });
