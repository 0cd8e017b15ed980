// The directory's state lives in the query string, so a search can be shared and the back button undoes it.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FACET_NAMES, type FacetName } from '../../../../shared/organisations-constants.js';
import type { DirectorySearch } from '../api/search-organisations.js';

export const PAGE_SIZE = 20;
const SORTS = ['relevance', 'name', 'newest'] as const;

export function useDirectoryParams() {
  const [params, setParams] = useSearchParams();
  const { i18n } = useTranslation();

  const search: DirectorySearch = useMemo(() => {
    const filters = Object.fromEntries(FACET_NAMES.map((f) => [f, params.getAll(f)])) as Record<
      FacetName,
      string[]
    >;
    const sortParam = params.get('sort');
    const sort = SORTS.find((s) => s === sortParam) ?? 'relevance';
    const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
    return { q: params.get('q') ?? '', sort, page, pageSize: PAGE_SIZE, lang: i18n.language, filters };
  }, [params, i18n.language]);

  /** Any change but a page change goes back to page 1; typing replaces the history entry instead of adding one. */
  const update = useCallback(
    (change: (p: URLSearchParams) => void, opts: { replace?: boolean; keepPage?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          change(next);
          if (!opts.keepPage) next.delete('page');
          return next;
        },
        { replace: opts.replace ?? false, preventScrollReset: true },
      );
    },
    [setParams],
  );

  const setQ = useCallback(
    (q: string) => update((p) => (q.trim() ? p.set('q', q) : p.delete('q')), { replace: true }),
    [update],
  );
  const setFilter = useCallback(
    (name: FacetName, values: string[]) =>
      update((p) => {
        p.delete(name);
        for (const v of values) p.append(name, v);
      }),
    [update],
  );
  const removeFilter = useCallback(
    (name: FacetName, value: string) => update((p) => p.delete(name, value)),
    [update],
  );
  const clearFilters = useCallback(
    () =>
      update((p) => {
        for (const f of FACET_NAMES) p.delete(f);
      }),
    [update],
  );
  const setSort = useCallback(
    (sort: string) => update((p) => (sort === 'relevance' ? p.delete('sort') : p.set('sort', sort))),
    [update],
  );
  const setPage = useCallback(
    (page: number) =>
      update((p) => (page > 1 ? p.set('page', String(page)) : p.delete('page')), { keepPage: true }),
    [update],
  );

  const activeCount = FACET_NAMES.reduce((n, f) => n + search.filters[f].length, 0);
  return { search, setQ, setFilter, removeFilter, clearFilters, setSort, setPage, activeCount };
}
