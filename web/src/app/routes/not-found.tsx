import { Link } from 'react-router';

export default function NotFound() {
  return (
    <article className="step">
      <h2>No such page</h2>
      <p>
        <Link to="/">Go to the step you are on</Link>.
      </p>
    </article>
  );
}
