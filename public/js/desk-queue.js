// ClaimDesk desk queue: keyboard shortcuts (progressive enhancement; every action is also a
// button of the no-JS bulk form). j/k move between claims, x selects, a/r/e act on the selected
// claims (or the current one), / goes to the search box, ? shows the list. Keys never act while
// typing in a field or with Ctrl, Alt or Meta held.
(function () {
  'use strict';
  var form = document.getElementById('bulk');
  var help = document.getElementById('queue-help');
  var hint = document.querySelector('.shortcuts-hint');
  if (hint) hint.hidden = false;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('table.queue tr[data-claim]'));
  }
  function currentIndex(list) {
    for (var i = 0; i < list.length; i++) if (list[i].classList.contains('current')) return i;
    return -1;
  }
  function focusRow(list, i) {
    if (i < 0 || i >= list.length) return;
    list.forEach(function (r) {
      r.classList.remove('current');
    });
    var row = list[i];
    row.classList.add('current');
    var link = row.querySelector('a.claim-link');
    if (link) link.focus();
  }
  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
  }
  function act(action) {
    if (!form) return;
    var boxes = form.querySelectorAll('input[name="ids"]:checked');
    if (boxes.length === 0) {
      var list = rows();
      var i = currentIndex(list);
      if (i < 0) return;
      var box = list[i].querySelector('input[name="ids"]');
      if (!box) return;
      box.checked = true;
    }
    var button = form.querySelector('button[name="action"][value="' + action + '"]');
    if (button) button.click();
  }

  // Clicking or tabbing into a row makes it the current one.
  document.addEventListener('focusin', function (e) {
    var row = e.target && e.target.closest ? e.target.closest('tr[data-claim]') : null;
    if (!row) return;
    rows().forEach(function (r) {
      r.classList.toggle('current', r === row);
    });
  });

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
    if (typing(e.target)) return;
    if (help && help.open && e.key !== '?') return;
    var list = rows();
    var i = currentIndex(list);
    switch (e.key) {
      case 'j':
        focusRow(list, i + 1);
        break;
      case 'k':
        focusRow(list, i < 0 ? 0 : i - 1);
        break;
      case 'x': {
        if (i < 0) return;
        var box = list[i].querySelector('input[name="ids"]');
        if (box) box.checked = !box.checked;
        break;
      }
      case 'a':
        act('accept');
        break;
      case 'r':
        act('reject');
        break;
      case 'e':
        act('assign-me');
        break;
      case '/': {
        var search = document.getElementById('f-q');
        if (!search) return;
        search.focus();
        break;
      }
      case '?':
        if (!help || typeof help.showModal !== 'function') return;
        if (help.open) help.close();
        else help.showModal();
        break;
      default:
        return;
    }
    e.preventDefault();
  });
})();
