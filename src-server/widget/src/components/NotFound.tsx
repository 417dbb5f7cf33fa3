// Shown for a path the customer page does not know.
import { Panel } from './Panel';

export function NotFound() {
  return (
    <main className="sb-page">
      <Panel title="PAGE NOT FOUND">
        <p className="sb-lead">This page doesn't exist.</p>
        <p>
          <a className="sb-link" href="/support">
            Contact support
          </a>
        </p>
      </Panel>
    </main>
  );
}
