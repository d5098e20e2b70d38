import { useId, type ReactNode } from 'react';

/** One panel of the session page, named by its heading. */
export function SessionPanel({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
