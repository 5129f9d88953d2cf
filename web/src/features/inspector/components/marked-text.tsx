import type { ReactNode } from 'react';
import type { TravellingValue } from '../travel';

/** Splits text around travelling values and marks each as a button that tells its route. */
export function markTravelling(
  text: string,
  values: TravellingValue[],
  onSelect: (value: TravellingValue) => void,
  active: string | null,
): ReactNode {
  const found = values.find((v) => text.includes(v.value));
  if (!found) return text;
  const parts = text.split(found.value);
  return parts.flatMap((part, i) => {
    const rest = markTravelling(
      part,
      values.filter((v) => v !== found),
      onSelect,
      active,
    );
    if (i === parts.length - 1) return [rest];
    return [
      rest,
      <button
        type="button"
        key={i}
        className={`travel tone-${found.tone}${active === found.value ? ' travel-active' : ''}`}
        aria-pressed={active === found.value}
        title={`${found.name}: ${found.route}`}
        onClick={(event) => {
          event.preventDefault();
          onSelect(found);
        }}
      >
        {found.value}
      </button>,
    ];
  });
}
