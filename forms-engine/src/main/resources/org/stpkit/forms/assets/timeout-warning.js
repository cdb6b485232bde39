/*
 * forms-engine's session timeout warning: a modal <dialog> opened shortly before the session would
 * time out. Its Continue button (or Escape) keeps the session alive and closes it; at the end it loads
 * the current page afresh (a GET, never a resent form), which then says the session timed out. The dialog is native, so focus is
 * trapped in it and the page behind is inert; a visually hidden live region tells screen reader
 * users the time left, now and then rather than every second.
 */
(function () {
  'use strict';
  var dialog = document.querySelector('dialog[data-stp-timeout-warning]');
  if (!dialog || typeof dialog.showModal !== 'function' || !window.fetch) {
    return;
  }
  var timeoutSeconds = Number(dialog.getAttribute('data-timeout-seconds'));
  var warningSeconds = Number(dialog.getAttribute('data-warning-seconds'));
  var keepAliveUrl = dialog.getAttribute('data-keep-alive-url');
  var timedOutUrl = dialog.getAttribute('data-timed-out-url');
  var visible = dialog.querySelector('[data-stp-countdown]');
  var spoken = dialog.querySelector('[data-stp-countdown-spoken]');
  var openTimer = null;
  var tick = null;
  var deadline = 0;
  var lastSpoken = -1;

  function words(seconds) {
    var minutes = Math.ceil(seconds / 60);
    var template = seconds >= 60
      ? dialog.getAttribute(minutes === 1 ? 'data-text-minute' : 'data-text-minutes').replace('%n', String(minutes))
      : dialog.getAttribute(seconds === 1 ? 'data-text-second' : 'data-text-seconds').replace('%n', String(seconds));
    return dialog.getAttribute('data-text-countdown').replace('%t', template);
  }

  function update() {
    var seconds = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    if (seconds === 0) {
      window.location.assign(timedOutUrl);
      return;
    }
    visible.textContent = words(seconds);
    // Spoken when the dialog opens, then every 20 seconds: often enough to act on, not a running commentary.
    if (lastSpoken < 0 || lastSpoken - seconds >= 20) {
      lastSpoken = seconds;
      spoken.textContent = words(seconds);
    }
  }

  function schedule() {
    window.clearTimeout(openTimer);
    window.clearInterval(tick);
    deadline = Date.now() + timeoutSeconds * 1000;
    openTimer = window.setTimeout(open, Math.max(0, timeoutSeconds - warningSeconds) * 1000);
  }

  function open() {
    lastSpoken = -1;
    update();
    dialog.showModal();
    tick = window.setInterval(update, 1000);
  }

  function extend() {
    window.fetch(keepAliveUrl, { credentials: 'same-origin', cache: 'no-store' }).then(function (response) {
      if (response.status === 204) {
        dialog.close();
        spoken.textContent = '';
        schedule();
      } else {
        window.location.assign(timedOutUrl);
      }
    }, function () {
      window.location.assign(timedOutUrl);
    });
  }

  dialog.addEventListener('cancel', function (event) {
    // Escape means "I am still here", as the button does.
    event.preventDefault();
    extend();
  });
  dialog.querySelector('[data-stp-extend]').addEventListener('click', extend);
  schedule();
}());
