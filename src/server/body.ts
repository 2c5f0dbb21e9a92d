import type {IncomingMessage} from 'node:http';

/** A request body as read under the handler's bounds. */
export type Body = {text: string} | {refused: 413 | 408 | 400};

/**
 * The body of a Node request: read up to `maxBytes` within `timeoutMs`. A body announced or
 * found larger stops being read (413); a body dripping slower than the timeout stops too (408).
 */
export function readNodeBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Body> {
  if (Number(req.headers['content-length']) > maxBytes) return Promise.resolve({refused: 413});
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (body: Body) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if ('refused' in body) req.pause();
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish({refused: 413});
      else chunks.push(chunk);
    };
    const onEnd = () => finish({text: Buffer.concat(chunks).toString('utf8')});
    const onError = () => finish({refused: 400});
    const timer = setTimeout(() => finish({refused: 408}), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** The body of a fetch `Request`, read as a stream up to `maxBytes` within `timeoutMs`. */
export async function readStreamBody(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  timeoutMs: number,
): Promise<Body> {
  if (!stream) return {text: ''};
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Body>((resolve) => (timer = setTimeout(() => resolve({refused: 408}), timeoutMs)));
  const read = async (): Promise<Body> => {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) return {text: Buffer.concat(chunks).toString('utf8')};
      size += value.byteLength;
      if (size > maxBytes) return {refused: 413};
      chunks.push(value);
    }
  };
  try {
    const body = await Promise.race([read().catch((): Body => ({refused: 400})), late]);
    if ('refused' in body) void reader.cancel().catch(() => {});
    return body;
  } finally {
    clearTimeout(timer);
  }
}

/** Nesting depth past which a JSON body is refused (the store would choke on it). */
const MAX_DEPTH = 64;

/** Whether `value` (at `depth`) nests deeper than {@link MAX_DEPTH}: depth first, so never more
 * than MAX_DEPTH calls deep, and allocating nothing per value (it runs on every PUT). */
export function tooDeep(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  if (typeof value === 'object' && value !== null)
    for (const key in value) if (tooDeep((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
}
