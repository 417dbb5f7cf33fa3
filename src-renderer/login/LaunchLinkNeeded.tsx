// Shown instead of the sign-in form when the console page was opened without its launch secret: nothing on the
// page could reach the console host, so it says which link to open and how to get a new one.
export function LaunchLinkNeeded() {
  return (
    <main className="login">
      <section className="login-card launch-link" aria-labelledby="launch-link-title">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Switchboard</span>
        </div>
        <h1 id="launch-link-title">Open the console from its link</h1>
        <p>
          This page was opened without the secret that lets it talk to the console running on this computer, so it cannot sign you in.
        </p>
        <p>
          Open the link that <code>npm start</code> printed in its terminal (it ends in <code>#secret=…</code>), or use the tab it opened.
        </p>
        <p className="muted">
          Lost the link? Stop <code>npm start</code> with Ctrl+C and run it again: every launch prints a new one.
        </p>
      </section>
    </main>
  );
}
