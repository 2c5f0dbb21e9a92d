// The search box of url-lit.ts as a React user writes it with nuqs: the component of both nuqs
// peers (nuqs-url.tsx, nuqs-persistent.tsx).
import {parseAsInteger, parseAsString, useQueryStates} from 'nuqs';

export function SearchBox() {
  const [{q, page}, setSearch] = useQueryStates(
    {q: parseAsString.withDefault(''), page: parseAsInteger.withDefault(1)},
    {urlKeys: {q: 's_q', page: 's_p'}},
  );
  return (
    <>
      <input value={q} onChange={(e) => void setSearch({q: e.target.value})} />
      <button onClick={() => void setSearch({page: page + 1})}>Page {page}</button>
    </>
  );
}
