// ClaimDesk desk: progressive enhancement only. Every form works without this file.
// Live "characters left" counter for inputs with data-counter="<id of the output element>".
(function () {
  'use strict';
  function update(input) {
    var out = document.getElementById(input.getAttribute('data-counter'));
    var max = Number(input.getAttribute('maxlength')) || 0;
    if (!out || !max) return;
    // UTF-16 units, like maxlength and the server-side limit.
    var left = max - input.value.length;
    out.textContent = (input.getAttribute('data-counter-template') || '{n}').replace(
      '{n}',
      String(left),
    );
    out.classList.toggle('over', left < 0);
  }
  document.addEventListener('input', function (e) {
    var t = e.target;
    if (t && t.hasAttribute && t.hasAttribute('data-counter')) update(t);
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-counter]').forEach(update);
  });
})();
