import { Heading } from '@digdir/designsystemet-react';
import { ReactNode } from 'react';

/** A page's content, named by its one level-1 heading (`id` is the heading's, which labels the section). */
export function PageSection({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <Heading level={1} data-size="lg" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
