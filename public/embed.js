/*! ClaimDesk embed widget: turns <blockquote class="claimdesk" data-claim="ID"> into the claim's
 * card (an iframe inside a closed Shadow DOM). The blockquote stays in the page as the no-JS
 * fallback and is hidden only once the card has loaded and reported its height. It also sizes
 * plain <iframe data-claimdesk-frame> cards of our origin to the height they report. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || !window.URL) return;
  var origin = new URL(script.src).origin;
  var ID = /^[0-9a-hjkmnp-tv-z]{8,32}$/;
  var LANGS = { en: 1, ar: 1, fr: 1 };
  var MAX_HEIGHT = 4000;
  var mounted = [];
  var THEMES = { light: 1, dark: 1 };
  // Two copies of the snippet on one page: one listener and one scan are enough.
  var flag = 'claimdesk:' + origin;
  if (window[flag]) return;
  window[flag] = true;

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
    // A plain iframe snippet: only frames that load our /embed/ pages are resized.
    var frames = document.querySelectorAll('iframe[data-claimdesk-frame]');
    for (var j = 0; j < frames.length; j++) {
      var f = frames[j];
      if (f.contentWindow !== event.source) continue;
      if ((f.getAttribute('src') || '').indexOf(origin + '/embed/') !== 0) continue;
      f.style.height = Math.ceil(height) + 'px';
      f.setAttribute('scrolling', 'no');
    }
  });

  // The theme the host asks for: light or dark as given; auto = the host page's own colour
  // scheme where the card goes (its color-scheme, then the reader's preference when it allows
  // both); anything else = light, the default of an iframe.
  function themeOf(quote) {
    var asked = quote.getAttribute('data-theme') || '';
    if (THEMES[asked] === 1) return asked;
    if (asked !== 'auto' || !window.getComputedStyle) return 'light';
    var scheme = String(getComputedStyle(quote).colorScheme || 'normal');
    var dark = /\bdark\b/.test(scheme);
    var light = /\blight\b/.test(scheme);
    if (dark && !light) return 'dark';
    if (dark && light && window.matchMedia) {
      return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    }
    return 'light';
  }

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
    var query = [];
    if (LANGS[lang] === 1) query.push('lang=' + lang);
    var theme = themeOf(quote);
    if (theme !== 'light') query.push('theme=' + theme);
    frame.setAttribute('src', origin + '/embed/' + id + (query.length ? '?' + query.join('&') : ''));
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
