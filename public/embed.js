/*! ClaimDesk embed widget: turns <blockquote class="claimdesk" data-claim="ID"> into the claim's
 * card (an iframe inside a closed Shadow DOM). The blockquote stays in the page as the no-JS
 * fallback and is hidden only once the card has loaded and reported its height. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || !window.URL) return;
  var origin = new URL(script.src).origin;
  var ID = /^[0-9a-hjkmnp-tv-z]{8,32}$/;
  var LANGS = { en: 1, ar: 1, fr: 1 };
  var MAX_HEIGHT = 4000;
  var mounted = [];

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== 'claimdesk:height') return;
    var height = Number(data.height);
    if (!(height > 0 && height <= MAX_HEIGHT)) return;
    for (var i = 0; i < mounted.length; i++) {
      var m = mounted[i];
      if (m.frame.contentWindow !== event.source) continue;
      m.frame.style.height = Math.ceil(height) + 'px';
      m.quote.hidden = true;
      m.quote.setAttribute('data-claimdesk', 'loaded');
    }
  });

  function mount(quote) {
    if (quote.hasAttribute('data-claimdesk')) return;
    var id = quote.getAttribute('data-claim') || '';
    if (!ID.test(id)) return;
    quote.setAttribute('data-claimdesk', 'mounted');
    var lang = quote.getAttribute('data-lang') || '';
    var host = document.createElement('div');
    host.className = 'claimdesk-embed';
    var root = host.attachShadow ? host.attachShadow({ mode: 'closed' }) : host;
    var style = document.createElement('style');
    style.textContent =
      ':host{display:block;max-width:550px;margin:1em 0}' +
      'iframe{display:block;width:100%;height:0;border:0;overflow:hidden;background:transparent}';
    var frame = document.createElement('iframe');
    frame.setAttribute('src', origin + '/embed/' + id + (LANGS[lang] === 1 ? '?lang=' + lang : ''));
    frame.setAttribute('title', quote.textContent.replace(/\s+/g, ' ').trim().slice(0, 120) || 'Fact check');
    frame.setAttribute('scrolling', 'no');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    root.appendChild(style);
    root.appendChild(frame);
    quote.parentNode.insertBefore(host, quote);
    mounted.push({ frame: frame, quote: quote });
  }

  function scan() {
    var quotes = document.querySelectorAll('blockquote.claimdesk[data-claim]');
    for (var i = 0; i < quotes.length; i++) mount(quotes[i]);
  }

  function start() {
    scan();
    // Pages that add embeds later (infinite scroll, single-page apps) get them mounted too.
    if (!window.MutationObserver) return;
    var pending = false;
    new MutationObserver(function () {
      if (pending) return;
      pending = true;
      setTimeout(function () {
        pending = false;
        scan();
      }, 50);
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
