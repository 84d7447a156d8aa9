/*
 * Quick exit, after GOV.UK's "Exit this page": a button on every page and Shift pressed three times
 * (at most 5 seconds apart). On exit the page is hidden at once, the current history entry is replaced
 * by our /quick-exit address (which ends the session) and that sends the browser on to a neutral site.
 * The portal also keeps in-app navigation to a single history entry, and if Back or Forward ever
 * reaches an older portal page in a tab that has exited, that page is hidden at once and leaves again.
 */
(function () {
  'use strict';
  if (window.villageQuickExit) { return; }
  var exiting = false;
  var MARK = 'village-exited';

  function marked() {
    try { return window.sessionStorage.getItem(MARK) === '1'; } catch (e) { return false; }
  }
  function mark(on) {
    try { if (on) { window.sessionStorage.setItem(MARK, '1'); } else { window.sessionStorage.removeItem(MARK); } } catch (e) { /* private mode */ }
  }
  function cameBack() {
    var nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    return nav && nav.type === 'back_forward';
  }

  // The words come from the page, in its language (MainLayout puts them on #village-exit-status, decision 065).
  // Only a tab left through Back before the page was built has none: it then says "Loading" as before.
  function words(name, fallback) {
    var s = document.getElementById('village-exit-status');
    var w = s ? s.getAttribute('data-' + name) : null;
    return w || fallback;
  }

  function overlay() {
    var o = document.createElement('div');
    o.className = 'village-exit-overlay';
    o.setAttribute('role', 'status');
    o.textContent = words('loading', 'Loading.');
    (document.body || document.documentElement).appendChild(o);
    document.title = words('loading-title', 'Loading');
  }

  function exit() {
    if (exiting) { return; }
    exiting = true;
    mark(true);
    overlay();
    // absolute: Vaadin's <base href="./.."> must not decide where the exit goes
    window.location.replace(new URL('/quick-exit', window.location.href).href);
  }
  window.villageQuickExit = exit;

  if (marked() && cameBack()) {
    // Back/Forward after an exit: never show the portal page, leave again straight away.
    document.documentElement.style.visibility = 'hidden';
    exit();
    return;
  }
  mark(false); // a deliberate visit: the tab may use the portal again

  // One history entry for the whole visit: in-portal navigation replaces instead of pushing.
  var replace = window.history.replaceState.bind(window.history);
  window.history.pushState = function (state, title, url) { return replace(state, title, url); };

  document.addEventListener('click', function (e) {
    var el = e.target && e.target.closest ? e.target.closest('[data-quick-exit]') : null;
    if (el) { e.preventDefault(); e.stopPropagation(); exit(); }
  }, true);

  // Skip links: "#main-content" would resolve against Vaadin's <base> (the home page), so move focus here.
  document.addEventListener('click', function (e) {
    var link = e.target && e.target.closest ? e.target.closest('a[data-skip-to]') : null;
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute('data-skip-to'));
    if (!target) { return; }
    e.preventDefault();
    e.stopPropagation();
    if (!target.hasAttribute('tabindex')) { target.setAttribute('tabindex', '-1'); }
    target.focus();
    if (target.scrollIntoView) { target.scrollIntoView({ block: 'start' }); }
  }, true);

  // Exit above everything: the button is put into the browser's top layer (a manual popover), where
  // Vaadin's dialogs, notifications and menus also live, and is brought back to the top whenever one of
  // them opens. The drawer is not in the top layer, so it stays below. A modal dialog turns pointer
  // events off on <body>; village.css turns them back on for the button.
  var topping = false;
  function onTop() {
    var b = document.getElementById('quick-exit');
    if (!b || typeof b.showPopover !== 'function' || topping) { return; }
    topping = true;
    try {
      if (!b.hasAttribute('popover')) { b.setAttribute('popover', 'manual'); }
      if (b.matches(':popover-open')) { b.hidePopover(); }
      b.showPopover();
      document.documentElement.classList.add('village-exit-on-top');
      reserveRoom(b);
    } catch (err) { /* the button simply stays in the top bar */ }
    topping = false;
  }
  // The top bar keeps room for the button as wide as it really is (its words are longer in some languages),
  // so nothing in the bar (the notification bell, the language choice) ends up underneath it.
  var watched = null;
  function reserveRoom(b) {
    var set = function () {
      document.documentElement.style.setProperty('--village-exit-room', (b.getBoundingClientRect().width + 16) + 'px');
    };
    set();
    if (watched !== b && typeof ResizeObserver === 'function') {
      watched = b;
      new ResizeObserver(set).observe(b);
    }
  }
  function raiseAfterOthers(e) {
    var b = document.getElementById('quick-exit');
    if (!b || e.target === b) { return; }
    if (e.type === 'toggle' && e.newState !== 'open') { return; }
    onTop();
  }
  document.addEventListener('toggle', raiseAfterOthers, true); // popovers in the page itself (notifications)
  document.addEventListener('vaadin-overlay-open', raiseAfterOthers, true); // dialogs, menus, combo boxes
  function watchForButton() {
    new MutationObserver(function () {
      var b = document.getElementById('quick-exit');
      if (b && !b.matches(':popover-open')) { onTop(); }
    }).observe(document.documentElement, { childList: true, subtree: true });
    onTop();
  }
  if (document.body) { watchForButton(); } else { document.addEventListener('DOMContentLoaded', watchForButton); }

  var presses = 0, timer = null;
  function status(text) {
    var s = document.getElementById('village-exit-status');
    if (s) { s.textContent = text; }
    var dots = document.querySelectorAll('.village-exit-dot');
    for (var i = 0; i < dots.length; i++) { dots[i].classList.toggle('on', i < presses); }
  }
  function reset() {
    presses = 0; clearTimeout(timer); timer = null;
    status('');
  }
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Shift') { if (presses) { reset(); } return; }
    if (e.repeat) { return; }
    presses++;
    clearTimeout(timer);
    if (presses >= 3) { status(words('exiting', '')); exit(); return; }
    var left = 3 - presses;
    status(left === 1 ? words('one', '') : words('many', '').replace('{0}', String(left)));
    timer = setTimeout(reset, 5000);
  }, true);

  // Coming back through the back/forward cache after an exit: keep the page hidden and leave again.
  window.addEventListener('pageshow', function (e) {
    if (e.persisted && (exiting || marked())) { exiting = false; exit(); }
  });
})();
