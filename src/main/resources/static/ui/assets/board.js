// Keeps the sprint board current: on each change notice of the page's event stream it
// fetches the board's live part again (with the same filters) and swaps it in. The stream
// starts after the last event the page was rendered with, and a reconnecting EventSource
// resumes after the last notice it got, so no change is missed. Without JavaScript the
// board is the same page, current as of its last load.
(function () {
  'use strict';
  var board = document.getElementById('live-board');
  var state = document.getElementById('live-state');
  if (!board || !window.EventSource || !window.fetch) {
    return;
  }
  var timer = null;

  function show(text, live) {
    if (state) {
      state.textContent = text;
    }
    board.dataset.stream = live;
  }

  function refresh() {
    timer = null;
    fetch(board.dataset.liveSrc, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (response.redirected && response.url.indexOf('/ui/login') >= 0) {
          window.location.reload(); // signed out: the page sends to the login
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null) {
          board.innerHTML = html;
          board.dataset.refreshed = String(Number(board.dataset.refreshed || 0) + 1);
        }
      })
      .catch(function () { /* the next notice tries again */ });
  }

  // several notices of one step come together; one fetch answers them all
  function soon() {
    if (timer === null) {
      timer = window.setTimeout(refresh, 200);
    }
  }

  var stream = new EventSource(board.dataset.liveEvents);
  stream.addEventListener('open', function () {
    show('live', 'open');
  });
  stream.addEventListener('change', soon);
  stream.addEventListener('error', function () {
    show('reconnecting…', 'closed');
  });
})();
