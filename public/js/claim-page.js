// Progressive enhancement of a claim page (the page works without this file):
// 1. copy buttons (share link, embed code) appear and copy their field;
// 2. the "Embed this" choices update the code and the preview without reloading the page.
(() => {
  for (const button of document.querySelectorAll('button.copy[data-copy]')) {
    const field = document.getElementById(button.dataset.copy);
    if (!field) continue;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
      } catch {
        field.select();
        document.execCommand('copy');
      }
      button.textContent = button.dataset.copied || label;
      setTimeout(() => (button.textContent = label), 2000);
    });
  }

  const form = document.querySelector('form.embed-options');
  if (!form) return;
  const templates = JSON.parse(form.dataset.templates || '{}');
  const apply = form.querySelector('.embed-apply');
  if (apply) apply.hidden = true;
  const preview = document.querySelector('.embed-preview');
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

  function update() {
    const data = new FormData(form);
    const style = data.get('estyle') === 'badge' ? 'badge' : 'card';
    const q = new URLSearchParams();
    // "Automatic" is this page's language (data-lang), as the server renders it.
    const lang = data.get('elang') || form.dataset.lang;
    if (lang) q.set('lang', String(lang));
    const theme = String(data.get('etheme') || 'auto');
    if (style === 'card' && theme !== 'auto') q.set('theme', theme);
    const query = q.toString();
    const url =
      (style === 'card' ? form.dataset.card : form.dataset.badge) + (query ? `?${query}` : '');
    (templates[style] || []).forEach((t, i) => {
      const area = document.getElementById(`embed-${i}`);
      if (!area) return;
      area.value = t.code.replaceAll('__SRC__', escape(url)).replaceAll('__URL__', url);
      const label = document.querySelector(`label[for="embed-${i}"]`);
      if (label) label.textContent = t.label;
    });
    if (!preview) return;
    const old = preview.firstElementChild;
    if (style === 'card') {
      const frame = old && old.tagName === 'IFRAME' ? old : document.createElement('iframe');
      frame.title = old ? old.getAttribute('title') || old.getAttribute('alt') || '' : '';
      if (frame.getAttribute('src') !== url) frame.src = url;
      if (frame !== old) preview.replaceChildren(frame);
    } else {
      const img = old && old.tagName === 'IMG' ? old : document.createElement('img');
      img.alt = old ? old.getAttribute('alt') || old.getAttribute('title') || '' : '';
      img.height = 20;
      img.src = url;
      if (img !== old) preview.replaceChildren(img);
    }
    preview.dataset.kind = style;
  }
  form.addEventListener('change', update);
})();
