import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, send } from '../../../lib/api-client';

/**
 * The catalog this server offers, read by the BFF from Cloud Elements' own definitions: the app
 * fetches it, never bundles it, so its first load stays the same size whatever the number.
 */
export const elementsQuery = queryOptions({
  queryKey: ['elements'],
  queryFn: () => send(api.elements.$get()),
  staleTime: Number.POSITIVE_INFINITY,
});

/** The whole catalog: the elements offered, those that are not (with why), and any failure. */
export const useCatalog = () => useQuery(elementsQuery);

/** The elements offered, the guided ones first. */
export const useElements = () =>
  useQuery({ ...elementsQuery, select: (catalog) => catalog.elements });
