/**
 * A `Storage` in memory (what `localStorage` and `sessionStorage` are to page-state in a test
 * runtime), pre-filled with `items`. Values are strings, as in a browser.
 */
export function memoryArea(items: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(items));
  const area = {
    get length() {
      return data.size;
    },
    key: (index: number) => [...data.keys()][index] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, String(value)),
    removeItem: (key: string) => void data.delete(key),
    clear: () => data.clear(),
  };
  return area as Storage;
}
