/**
 * Per-key ordering: `run(key, task)` starts `task` after every earlier task of the same key has
 * settled, and `run.idle(key)` resolves when they all have. Keys with nothing pending hold no
 * memory, so any number of sessions cannot grow it.
 */
export function serialQueue() {
  const queues = new Map<string, Promise<unknown>>();
  const run = <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const result = (queues.get(key) ?? Promise.resolve()).then(task, task);
    const settled = result.catch(() => {});
    queues.set(key, settled);
    void settled.then(() => queues.get(key) === settled && queues.delete(key));
    return result;
  };
  run.idle = (key: string): Promise<unknown> | undefined => queues.get(key);
  return run;
}
