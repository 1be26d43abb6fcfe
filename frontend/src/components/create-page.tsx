import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from './page-header';
import { Panel } from './panel';

export type CreatePageProps = {
  title: string;
  eyebrow: string;
  /** The list path the new record's page lies under: `/hooks` opens `/hooks/{id}`. */
  opensUnder: string;
  /** The form, told what to call with the new record's id once it is saved. */
  form: (saved: (id: string) => void) => ReactNode;
};

/** The page that creates one record: a narrow page holding its form, which opens the record once it is saved. */
export const CreatePage = ({ title, eyebrow, opensUnder, form }: CreatePageProps) => {
  const navigate = useNavigate();
  return (
    <div className="page page--narrow">
      <PageHeader title={title} eyebrow={eyebrow} />
      <Panel>{form((id) => navigate(`${opensUnder}/${id}`))}</Panel>
    </div>
  );
};
