import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, send } from '../../../lib/api-client';

/**
 * The elements this server offers, as their descriptors describe them to a browser: the app
 * reads elements from here, so its first load stays the same size whatever their number.
 */
export const elementsQuery = queryOptions({
  queryKey: ['elements'],
  queryFn: () => send(api.elements.$get()),
  staleTime: Number.POSITIVE_INFINITY,
});

export const useElements = () => useQuery(elementsQuery);
