export const Spinner = ({ label = 'Loading…' }: { label?: string }) => (
  <div className="spinner" role="status">
    <span className="spinner__dot" aria-hidden="true" />
    <span>{label}</span>
  </div>
);
