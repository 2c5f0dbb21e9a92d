// The reference model of test/fuzz/url-model.test.ts: what the contract says should happen,
// written as plainly as possible (DESIGN: "URL semantics", "Sharing the URL with every other
// writer", "A store's life, in order").

export type Ns = 'nav' | 'work' | 'side' | 'late';
export type Url = [string, string][];
export const NAMESPACES: Ns[] = ['nav', 'work', 'side', 'late'];
export const PARAM: Record<Ns, string> = {nav: 'v', work: 'w_w', side: 's_s', late: 'l'};
const SHARES: Record<Ns, Ns[]> = {nav: [], work: ['nav'], side: [], late: []};
const SELFISH: Record<Ns, boolean> = {nav: false, work: true, side: false, late: false};
const PERSISTED: Record<Ns, boolean> = {nav: false, work: true, side: true, late: false};
const valid = (text: string | undefined): text is string => text !== undefined && /^-?\d+$/.test(text);
const flags = (value: boolean): Record<Ns, boolean> => ({nav: value, work: value, side: value, late: value});
const same = (a: ReadonlySet<Ns>, b: ReadonlySet<Ns>) => a.size === b.size && [...a].every((n) => b.has(n));

/** A history entry: its URL, and the namespaces page-state's mark says it shows whole. */
interface Entry {
  url: Url;
  whole: Set<Ns>;
}

export class Model {
  values: Record<Ns, number> = {nav: 0, work: 0, side: 0, late: 0};
  /** Late exists (a listener created it). */
  created = false;
  hidden: Record<Ns, boolean> = {...flags(false), side: true}; // Work's start-up claim hid Side
  /** Another writer's replace removed its param: the next touch puts it back. */
  vanished = flags(false);
  /** Something watches it (on screen): claims keep it. */
  watched = flags(false);
  url: Url = [];
  /** The landing entry, marked by the start's flush with what it shows (Work's claim hid Side). */
  stack: Entry[] = [{url: [], whole: new Set(['nav', 'work'])}];
  at = 0;
  /** Namespaces on screen whose value a navigation took from storage: touched after the task. */
  later: Ns[] = [];
  /** page-state may mark the current entry (not one arrived at by back/forward). */
  markable = true;
  ops: [kind: 'write' | 'sync' | 'claim', ns: Ns][] = [];
  push = false;
  /** What each persisted namespace's storage layer last saved (undefined: nothing, or cleared). */
  stored: Partial<Record<Ns, number>> = {};
  /** What the server holds for Side once the network delivered everything. */
  server: number | undefined = undefined;
  /** Late's param as a claim purged it from the current entry (its landing snapshot). */
  purgedLate: string | undefined;
  /** The network holds requests. */
  holding = false;

  live(): Ns[] {
    return NAMESPACES.filter((ns) => ns !== 'late' || this.created);
  }
  text(ns: Ns, url = this.url) {
    return url.find(([k]) => k === PARAM[ns])?.[1];
  }
  wanted(ns: Ns) {
    return this.values[ns] === 0 ? undefined : String(this.values[ns]);
  }
  /** A change is saved by its storage layer (a clear's is not). */
  save(ns: Ns) {
    if (PERSISTED[ns]) this.stored[ns] = this.values[ns];
    if (ns === 'side') this.server = this.values[ns];
  }
  touch(ns: Ns) {
    if (this.vanished[ns] && !this.hidden[ns]) {
      this.vanished[ns] = false;
      this.ops.push(['sync', ns]);
    }
  }
  change(ns: Ns, value: number) {
    if (value === this.values[ns]) return;
    this.values[ns] = value;
    this.ops.push(['write', ns]);
    if (SELFISH[ns]) this.ops.push(['claim', ns]);
    this.push ||= ns === 'work'; // Work's var is history: 'push'
    this.save(ns);
  }
  clear(ns: Ns) {
    this.change(ns, 0);
    delete this.stored[ns];
    if (ns === 'side') this.server = undefined;
  }
  show(ns: Ns) {
    if (this.hidden[ns]) this.ops.push(['sync', ns]);
  }
  watch(ns: Ns) {
    this.watched[ns] = true;
    this.show(ns);
  }
  /** Late's store starts: its value from the URL, else its landing snapshot; a URL that does not
   * show what it holds is corrected. */
  create() {
    this.created = true;
    const present = this.text('late');
    const text = present ?? this.purgedLate;
    this.values.late = valid(text) ? Number(text) : 0;
    if (present !== this.wanted('late')) this.ops.push(['sync', 'late']);
  }
  /** The namespaces the URL shows whole now (before pending `ops`, without those they correct). */
  shown(ops = this.ops): Set<Ns> {
    return new Set(
      this.live().filter(
        (ns) => !this.hidden[ns] && !this.vanished[ns] && !ops.some(([kind, n]) => kind === 'sync' && n === ns),
      ),
    );
  }
  flush() {
    // The touches of namespaces on screen after a navigation, in the next task: after this task's ops.
    for (const ns of this.later.splice(0)) if (this.watched[ns]) this.touch(ns);
    const before = JSON.stringify(this.url);
    const leaving = this.push ? this.shown() : undefined;
    for (const [kind, ns] of this.ops) {
      if (kind === 'claim') {
        const allowed = [ns, ...SHARES[ns], ...this.live().filter((n) => this.watched[n])];
        for (const other of this.live()) if (!allowed.includes(other)) this.hidden[other] = true;
        const late = this.text('late');
        if (!allowed.includes('late') && late !== undefined) this.purgedLate = late;
        this.url = this.url.filter(([k]) => allowed.some((a) => PARAM[a] === k));
        continue;
      }
      this.hidden[ns] = false;
      this.vanished[ns] = false;
      if (ns === 'late') this.purgedLate = undefined;
      const at = this.url.findIndex(([k]) => k === PARAM[ns]);
      const text = this.wanted(ns);
      if (text === undefined) this.url = this.url.filter(([k]) => k !== PARAM[ns]);
      else if (at >= 0) this.url[at] = [PARAM[ns], text];
      else this.url.push([PARAM[ns], text]);
    }
    if (this.ops.length && JSON.stringify(this.url) !== before) {
      if (this.push) {
        // The entry left is marked first with what it showed whole, then the new one is pushed.
        if (!same(this.stack[this.at]!.whole, leaving!)) this.stack[this.at]!.whole = leaving!;
        this.stack.splice(++this.at, Infinity, {url: [...this.url], whole: this.shown([])});
        this.purgedLate = undefined;
      } else this.stack[this.at] = {url: [...this.url], whole: this.shown([])};
      this.markable = true;
    } else if (this.markable && !same(this.stack[this.at]!.whole, this.shown([]))) {
      // An entry page-state did not write (the landing, another writer's) is marked with what it shows.
      this.stack[this.at]!.whole = this.shown([]);
    }
    this.ops = [];
    this.push = false;
  }
  /**
   * A navigation to `entry`: every namespace adopts it. An absent (or invalid) param takes the
   * default in an entry page-state wrote with the namespace whole, else the stored value, then the default.
   */
  navigate({url, whole}: Entry, correct: boolean) {
    this.url = [...url];
    this.purgedLate = undefined;
    const changed: Ns[] = [];
    for (const ns of this.live()) {
      const text = this.text(ns);
      this.hidden[ns] = false;
      this.vanished[ns] = false;
      const value = valid(text) ? Number(text) : whole.has(ns) ? 0 : (this.stored[ns] ?? 0);
      if (value !== this.values[ns]) changed.push(ns);
      this.values[ns] = value;
      // Storage gave what the URL lacks: it goes back on the next touch; one on screen touches itself after the task.
      if (text === undefined && !whole.has(ns) && this.wanted(ns) !== undefined) {
        this.vanished[ns] = true;
        if (this.watched[ns]) this.later.push(ns);
      }
      if (text !== undefined && !valid(text) && correct) this.ops.push(['sync', ns]);
    }
    changed.forEach((ns) => this.save(ns));
  }
  otherPushes(url: Url) {
    this.markable = true;
    this.stack.splice(++this.at, Infinity, {url: [...url], whole: new Set()});
    this.navigate(this.stack[this.at]!, true);
  }
  traverse(delta: number) {
    this.markable = false;
    this.at += delta;
    this.navigate(this.stack[this.at]!, false);
  }
  /** Another writer replaces the URL with `url`: changed params are adopted, removed ones vanish. */
  replace(url: Url) {
    this.markable = true;
    for (const ns of this.live()) {
      const was = this.text(ns);
      const is = this.text(ns, url);
      if (is === undefined) this.vanished[ns] ||= was !== undefined;
      else if (is !== was) {
        this.hidden[ns] = false;
        if (ns === 'late') this.purgedLate = undefined;
        if (valid(is)) {
          const changed = Number(is) !== this.values[ns];
          this.values[ns] = Number(is);
          if (changed) this.save(ns);
        } else this.ops.push(['sync', ns]);
      }
    }
    // Its mark names the URL page-state wrote: another URL in the entry voids it.
    const entry = this.stack[this.at]!;
    if (JSON.stringify(url) !== JSON.stringify(this.url)) entry.whole = new Set();
    this.url = [...url];
    entry.url = [...url];
  }
}
