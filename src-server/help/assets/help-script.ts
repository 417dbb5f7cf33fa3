// /help/assets/help.js: the Follow buttons of the help center's pages, the pages' only script (CSP script-src 'self',
// no inline code). Plain ES2017 for every browser, held as a string so the server bundle carries it (help-css.ts says
// why). It reads the signed-in portal customer's follows (GET /api/portal/help/follows; the session cookie's path
// covers it) and toggles one with PUT / DELETE /api/portal/help/follows/:kind/:id, bodiless so the portal's request
// guard accepts it from our own origin. Signed out (401), a button becomes a link to the portal's Subscriptions screen
// for this section or article (/portal/subscriptions?kind=&id=), whose sign-in returns there and offers the follow.
export const HELP_SCRIPT = `(function () {
  'use strict';
  var buttons = Array.prototype.slice.call(document.querySelectorAll('button[data-follow-kind][data-follow-id]'));
  if (buttons.length === 0) return;
  var FOLLOWS = '/api/portal/help/follows';

  function noteOf(button) {
    var next = button.nextElementSibling;
    return next && next.classList.contains('help-follow-note') ? next : null;
  }
  function say(button, text) {
    var note = noteOf(button);
    if (note) note.textContent = text;
  }
  function follows(settings, kind, id) {
    return settings.follows.some(function (f) { return f.kind === kind && f.id === id; });
  }
  function show(button, following) {
    button.hidden = false;
    button.disabled = false;
    button.setAttribute('aria-pressed', following ? 'true' : 'false');
    button.textContent = following ? 'Following' : 'Follow';
  }
  function signInInstead(button) {
    var link = document.createElement('a');
    link.className = 'help-button help-follow-sign-in';
    link.href = '/portal/subscriptions?kind=' + encodeURIComponent(button.getAttribute('data-follow-kind')) + '&id=' + encodeURIComponent(button.getAttribute('data-follow-id'));
    link.textContent = 'Sign in to follow';
    button.parentNode.replaceChild(link, button);
  }
  function answer(res) {
    if (res.status === 401) return null;
    return res.json().then(function (body) {
      if (!body || body.ok !== true) throw new Error(body && body.error ? body.error.message : 'HTTP ' + res.status);
      return body.value;
    });
  }

  function toggle(event) {
    var button = event.currentTarget;
    var kind = button.getAttribute('data-follow-kind');
    var id = button.getAttribute('data-follow-id');
    var following = button.getAttribute('aria-pressed') === 'true';
    button.disabled = true;
    fetch(FOLLOWS + '/' + encodeURIComponent(kind) + '/' + encodeURIComponent(id), { method: following ? 'DELETE' : 'PUT', credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(answer)
      .then(function (settings) {
        if (settings === null) return signInInstead(button);
        var now = follows(settings, kind, id);
        show(button, now);
        say(button, now
          ? (kind === 'section' ? 'We will email ' + settings.email + ' about new and updated articles here.' : 'We will email ' + settings.email + ' when this article is updated.')
          : 'You no longer follow this ' + kind + '.');
      })
      .catch(function () {
        button.disabled = false;
        say(button, 'That did not work; please try again.');
      });
  }

  fetch(FOLLOWS, { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(answer)
    .then(function (settings) {
      buttons.forEach(function (button) {
        if (settings === null) return signInInstead(button);
        show(button, follows(settings, button.getAttribute('data-follow-kind'), button.getAttribute('data-follow-id')));
        button.addEventListener('click', toggle);
      });
    })
    .catch(function () {
      // Following is unavailable right now: the page reads as well without the button.
    });
})();
`;
