// Progressive enhancement of /submit (the form works without this file):
// 1. show published fact-checks that match the claim while the reader types;
// 2. disable the submit button after the first click (the server also de-duplicates by nonce).
(() => {
  const form = document.getElementById('submit-form');
  const text = document.getElementById('f-text');
  const box = document.getElementById('matches');
  if (!form || !text || !box) return;
  const lang = new URLSearchParams(location.search).get('lang');
  let timer = 0;
  let last = '';
  let seq = 0;

  function card(m) {
    const article = document.createElement('article');
    article.className = 'claim-card';
    if (m.rating) {
      const badge = document.createElement('span');
      badge.className = 'rating';
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('class', 'rating-dot');
      svg.setAttribute('width', '14');
      svg.setAttribute('height', '14');
      svg.setAttribute('viewBox', '0 0 14 14');
      svg.setAttribute('aria-hidden', 'true');
      const dot = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
      dot.setAttribute('cx', '7');
      dot.setAttribute('cy', '7');
      dot.setAttribute('r', '7');
      if (/^#[0-9a-fA-F]{3,8}$/.test(m.rating.color)) dot.setAttribute('fill', m.rating.color);
      svg.appendChild(dot);
      const label = document.createElement('span');
      label.className = 'rating-label';
      label.textContent = m.rating.label;
      badge.append(svg, label);
      article.appendChild(badge);
    }
    const h = document.createElement('h3');
    h.className = 'claim-card-text';
    h.lang = m.language;
    h.dir = m.language === 'ar' ? 'rtl' : 'ltr';
    const a = document.createElement('a');
    a.href = m.url;
    a.textContent = m.text;
    h.appendChild(a);
    article.appendChild(h);
    return article;
  }

  async function lookup() {
    const value = text.value.trim();
    if (value === last || value.length < 10) return;
    last = value;
    const mine = ++seq;
    const params = new URLSearchParams({ text: value });
    if (lang) params.set('lang', lang);
    try {
      const res = await fetch(`/submit/matches?${params}`, {
        headers: { Accept: 'application/json' },
      });
      if (!res.ok || mine !== seq) return;
      const data = await res.json();
      const title = document.createElement('h2');
      title.id = 'matches-h';
      title.textContent = data.title;
      const intro = document.createElement('p');
      intro.textContent = data.intro;
      const list = document.createElement('div');
      list.className = 'claim-list';
      for (const m of data.matches) list.appendChild(card(m));
      box.replaceChildren(title, intro, list);
      box.hidden = false;
    } catch {
      // Matches are a help, not a requirement: stay quiet on network errors.
    }
  }

  text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookup, 350);
  });
  if (text.value.trim().length >= 10) lookup();

  form.addEventListener('submit', (event) => {
    const submitter = event.submitter;
    if (submitter && submitter.id !== 'submit-button') return;
    if (form.dataset.sent === '1') {
      event.preventDefault();
      return;
    }
    form.dataset.sent = '1';
    const button = document.getElementById('submit-button');
    if (button)
      setTimeout(() => {
        button.disabled = true;
      }, 0);
  });
})();
