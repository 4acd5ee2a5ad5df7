import { Heading } from '@digdir/designsystemet-react';
import { ComponentPropsWithoutRef, ReactNode } from 'react';
import { Empty } from './Status';

type SectionProps = Omit<ComponentPropsWithoutRef<'section'>, 'id' | 'title' | 'className' | 'aria-labelledby'>;

/** A card on a page, named by its level-2 heading (`id` is the heading's, which labels the section). */
export function SectionCard({ id, title, children, ...rest }: { id: string; title: ReactNode; children?: ReactNode } & SectionProps) {
  return (
    <section aria-labelledby={id} className="card" {...rest}>
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** A plain list with an item per row, or the `empty` sentence when there is none. */
export function ItemList<T extends { id: string }>({
  items,
  empty,
  children,
  testId,
}: {
  items: readonly T[];
  empty: string;
  children: (item: T) => ReactNode;
  testId?: string;
}) {
  if (items.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="plain-list" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id}>{children(item)}</li>
      ))}
    </ul>
  );
}
